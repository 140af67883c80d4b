// The fuzz suite on every `npm test` (#14): 320 seeded inputs of four classes (fuzz-engine.ts). No crash, every
// corrupted amount cell named at its cell, every message Chinese without NaN, Infinity or exponent notation, no
// formula in a marked copy or a generated workbook. The large run is `npm run fuzz -- --count 10000`.
import { makeFuzzer, type CaseResult } from './fuzz-engine';

const COUNT = 320;
const SEED = 14;

describe('fuzz: hostile and broken workbooks', () => {
  const results: CaseResult[] = [];

  beforeAll(async () => {
    const fuzzer = await makeFuzzer(SEED);
    for (let i = 0; i < COUNT; i++) results.push(await fuzzer.run(i));
  }, 180_000);

  it('ran every class, with corrupted cells, refusals and written outputs among them', () => {
    expect(results).toHaveLength(COUNT);
    for (const cls of ['amount', 'workings', 'structure', 'file']) expect(results.filter((r) => r.cls === cls).length).toBe(COUNT / 4);
    expect(results.reduce((s, r) => s + r.corrupted, 0)).toBeGreaterThan(200);
    expect(results.filter((r) => r.outcome === 'refused').length).toBeGreaterThan(10);
    expect(results.filter((r) => r.cls === 'file' && r.outcome === 'checked').length).toBeGreaterThan(0);
    expect(results.filter((r) => r.outputsChecked).length).toBeGreaterThanOrEqual(COUNT / 20);
  });

  it('no crash, no corrupted cell left unnamed, no bad message, no formula in an output', () => {
    const problems = results.flatMap((r) => r.problems.map((p) => `#${r.index} ${r.cls} ${r.what.slice(0, 120)}: ${p}`));
    expect(problems).toEqual([]);
    expect(results.filter((r) => r.outcome === 'crash')).toEqual([]);
  });
});
