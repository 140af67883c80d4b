// Which Fujian 2018 form a sheet holds is told by its content; the check scores each by its own rubric
// unless --rubric names another one.
import { checkPerformance } from '../../src/app/performance';
import { parseRubricOption } from '../../src/core/performance';
import { readPerformance } from '../../src/readers/performance';
import { buildR17, buildR18, buildS17 } from '../../scripts/examples/fujian-forms';
import { snapshotOf } from './helpers';

const s17 = buildS17();
const books = [buildR17(), buildR18(), s17];
const snapshot = snapshotOf(books.map((b) => b.layout));

describe('Fujian 2018 forms in one workbook', () => {
  it('each sheet is read as its own form (R17, R18, S17), none as a 2024 table', () => {
    const r = readPerformance(snapshot);
    expect(r.fujian!.map((f) => [f.sheet, f.formId])).toEqual([
      [books[0].layout.name, 'fujian-2018-r17'],
      [books[1].layout.name, 'fujian-2018-r18'],
      [books[2].layout.name, 'fujian-2018-s17'],
    ]);
    expect(r.projects).toHaveLength(0);
  });

  it('the default option scores each by its detected rubric: no fallback warning, no findings, totals as built', () => {
    const r = checkPerformance(snapshot, parseRubricOption(undefined));
    expect(r.findings).toEqual([]);
    expect(r.projects.map((p) => [p.printedTotal, p.grade])).toEqual(books.map((b) => [b.total, b.grade]));
  });

  it('--rubric fujian-2018-r18 overrides: the S17 rows are not R18 rules (F6 at each 得分 cell)', () => {
    const r = checkPerformance(snapshotOf([s17.layout]), parseRubricOption('fujian-2018-r18'));
    const f6 = r.findings.filter((f) => f.rule === 'F6' && f.severity === 'error');
    expect(f6.length).toBe(s17.scores.length);
    expect(f6[0].message).toContain('不属于');
  });
});
