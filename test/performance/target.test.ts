import { parseTarget } from '../../src/core/performance/target';
import { toHalfWidth } from '../../src/core/money';
import { readJsonFixture } from '../helpers/fixtures';

interface RefTarget {
  raw: string;
  op: string;
  value: number;
  unit: string | null;
}

// Every target of the Fuzhou 2024 document's 绩效自评表, as transcribed (test/fixtures/README.md).
const allTargets: RefTarget[] = readJsonFixture<{ targets: RefTarget[] }>('fuzhou-gxj-2024/performance-targets.json').targets;

describe('parseTarget', () => {
  it('parses every target text of the reference document as the transcription reads it', () => {
    expect(allTargets.length).toBeGreaterThan(300);
    const distinct = [...new Set(allTargets.map((t) => t.raw))];
    const failures: string[] = [];
    for (const raw of distinct) {
      const expected = allTargets.find((t) => t.raw === raw)!;
      const parsed = parseTarget(raw);
      if (parsed.kind !== 'quantitative') {
        failures.push(`${raw}: ${parsed.kind}`);
        continue;
      }
      const unit = toHalfWidth(expected.unit ?? '').replace(/\s+/g, '');
      if (parsed.op !== expected.op || parsed.value !== expected.value || parsed.unit !== unit) {
        failures.push(`${raw}: got ${parsed.op}${parsed.value}${parsed.unit}`);
      }
      expect(parsed.text).toBe(raw);
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ['$\\geq 90\\%$', '≥', 90, '%'],
    ['$=2$ 天', '=', 2, '天'],
    ['≤ 200 万元', '≤', 200, '万元'],
    ['>600 人', '>', 600, '人'],
    ['＞６００人', '>', 600, '人'],
    ['不低于95%', '≥', 95, '%'],
    ['不超过 1,500 万元', '≤', 1500, '万元'],
    ['≥4288.49 m²', '≥', 4288.49, 'm²'],
    ['<5次', '<', 5, '次'],
  ])('reads %s as operator, value and unit', (raw, op, value, unit) => {
    expect(parseTarget(raw)).toEqual({ kind: 'quantitative', op, value, unit, text: raw });
  });

  it('treats text without operator or number as a qualitative target', () => {
    expect(parseTarget('达到预期效果')).toEqual({ kind: 'qualitative', text: '达到预期效果' });
  });

  it('reports a target that cannot be read instead of guessing', () => {
    expect(parseTarget('≥ 若干').kind).toBe('invalid');
    expect(parseTarget('100%').kind).toBe('invalid');
    expect(parseTarget(100).kind).toBe('invalid');
    expect(parseTarget('≥5%至10%').kind).toBe('invalid');
    expect(parseTarget(null).kind).toBe('blank');
  });
});
