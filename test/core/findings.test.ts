// Grouping findings for display: the nine tables first in table order, then the 绩效 tables by name
// (zh-CN collation), each group in the order the findings were made.
import { findingsByTable, type Finding } from '../../src/core/findings';

const f = (table: string, rule: string): Finding => ({ rule, severity: 'error', table, message: rule, cells: [] });

describe('findingsByTable', () => {
  test('tables 01–09 first in order, then 绩效 names; findings keep their order within a table', () => {
    const groups = findingsByTable([f('项目乙', 'P1'), f('03', 'T3-a'), f('01', 'T1-a'), f('03', 'X2'), f('项目甲', 'P2'), f('01', 'X1')]);
    expect(groups.map((g) => [g.table, g.findings.map((x) => x.rule)])).toEqual([
      ['01', ['T1-a', 'X1']],
      ['03', ['T3-a', 'X2']],
      ['项目甲', ['P2']],
      ['项目乙', ['P1']],
    ]);
  });

  test('no findings, no groups', () => {
    expect(findingsByTable([])).toEqual([]);
  });
});
