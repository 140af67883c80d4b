// The refactoring guard: check findings (rule, severity, table, cells, figures) and generated cells for the
// examples, seeded edits of them and seeded synthetic units equal the committed baseline. Message text is
// not compared, so wording may improve; anything else that changes fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { behaviourOf } from '../helpers/behaviour';

jest.setTimeout(120_000);

test('check and generate behave as in the baseline (test/fixtures/behaviour/baseline.json)', async () => {
  const baseline = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'behaviour', 'baseline.json'), 'utf8'));
  const now = await behaviourOf();
  expect(Object.keys(now).sort()).toEqual(Object.keys(baseline).sort());
  for (const key of Object.keys(baseline)) expect([key, now[key]]).toEqual([key, baseline[key]]);
  // The baseline is not empty: it holds findings and generated cells.
  const findings = Object.values(baseline)
    .filter(Array.isArray)
    .reduce((n: number, a) => n + (a as unknown[]).length, 0);
  expect(findings).toBeGreaterThan(100);
});
