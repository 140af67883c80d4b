// C1/C2 on hand-made coded tables: a code of the wrong shape, a 项 whose 款 is not listed, a 项 listed
// under another 款, and a table in good order (no finding).
import type { FinalAccounts, TableRow } from '../../src/core/model';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { runRules } from '../../src/core/rules/engine';
import { CATALOG_RULES } from '../../src/core/rules/catalog-rules';
import { row, table } from '../generator/model-builders';

function findingsOf(rows: TableRow[]) {
  const accounts: FinalAccounts = { unitName: null, year: 2024, profileId: FUZHOU_2024.id, tables: { '03': table('03', 'expenditure', rows) } };
  return runRules(CATALOG_RULES, accounts, FUZHOU_2024).map((f) => `${f.rule} ${f.message}`);
}

const r = (code: string, name = '') => row(`code:${code}`, name, { total: '1.00' });

describe('catalog rules C1, C2', () => {
  test('类, 款, 项 in order: nothing to report', () => {
    expect(findingsOf([r('201'), r('20101'), r('2010101'), r('2010102'), r('20103'), r('2010301'), r('208'), r('20805'), r('2080505')])).toEqual([]);
  });

  test('a 项 whose 款 is not listed', () => {
    const found = findingsOf([r('201'), r('20101'), r('2010101'), r('2010301')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^C2 .*“2010301 ”的上级科目“20103”没有列出/);
  });

  test('a 项 listed under another 款, and a 款 under another 类', () => {
    const found = findingsOf([r('201'), r('20101'), r('20103'), r('2010101'), r('208'), r('20102')]);
    expect(found).toEqual([
      expect.stringMatching(/^C2 .*“2010101 ”没有排在其上级科目“20101”之下/),
      expect.stringMatching(/^C2 .*“20102 ”没有排在其上级科目“201”之下/),
    ]);
  });

  test('codes of the wrong shape or of no 类 are C1, and C2 leaves them alone', () => {
    const found = findingsOf([r('201'), r('2010'), r('20101'), r('2010101'), r('99901')]);
    expect(found).toEqual([expect.stringMatching(/^C1 .*“2010”/), expect.stringMatching(/^C1 .*“99901”.*不存在“999”这个类/)]);
  });
});
