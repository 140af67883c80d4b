// An invented 2023 workbook to pair with the Fuzhou 2024 example (examples/fuzhou-gxj-2024.xlsx) for the
// comparisons with last year (issue #16, docs/review.md). It is NOT a published document: it is the 2024
// model with these changes, each planted for one outcome of the comparison:
// - 01 年末结转和结余 12.35 万元 (2024's 年初结转和结余 is 0.00): the carry-over mismatch, an error at both cells;
// - 03 2150805 中小企业发展专项 4100.00 (2024: 9558.69), with its 款 21508, 类 215 and 合计: changes beyond ±30 % and 10 万元;
// - 03 2080116 引进人才费用 absent (new in 2024); 2011102 一般行政管理事务 12.00 present (gone in 2024), with their 款;
// - 03 2100410 700.00 (+14 % in 2024) and 2080901 1.50 (+115 % but 1.73 万元): below the default threshold;
// - 三公 因公出国（境）费 2.50 (2024: 13.61), with the 合计.
// Only the 03 table keeps its own sums (each change carried to its 款, 类 and 合计); the other tables are
// 2024's, so the workbook checked on its own fails the identities between tables. It is read only as last year's.
import type { AmountCell, FinalAccounts, TableData, TableRow } from '../../src/core/model';
import { codeRow } from '../../src/core/keys';

const WAN = 1_000_000;

function clone(a: FinalAccounts): FinalAccounts {
  return JSON.parse(JSON.stringify(a)) as FinalAccounts;
}

/** Sets a row's 合计 (the change goes to its 项目支出, else 基本支出) and carries the change to its 款, 类 and the 合计 row. */
function setTotal(t: TableData, code: string, minor: number): void {
  const row = t.rows.find((r) => r.code === code)!;
  const delta = minor - row.cells.total!.minor;
  const chain = [code, code.slice(0, 5), code.slice(0, 3)].filter((c, i, all) => all.indexOf(c) === i && t.rows.some((r) => r.code === c));
  for (const r of [...chain.map((c) => t.rows.find((x) => x.code === c)!), t.rows.find((x) => x.key === 'total')!]) add(r, delta);
}

function add(r: TableRow, delta: number): void {
  r.cells.total!.minor += delta;
  const part = r.cells.project && (r.cells.project.minor !== 0 || !r.cells.basic) ? r.cells.project : r.cells.basic!;
  part.minor += delta;
}

function cellOf(minor: number): AmountCell {
  return { minor, ref: null };
}

export function lastYearAccounts(thisYear: FinalAccounts): FinalAccounts {
  const a = clone(thisYear);
  a.year = (thisYear.year ?? 2024) - 1;
  const t01 = a.tables['01']!;
  t01.rows.find((r) => r.key === 'exp.carryOut')!.cells.amount!.minor = 12.35 * WAN;

  const t03 = a.tables['03']!;
  setTotal(t03, '2150805', 4100 * WAN);
  setTotal(t03, '2100410', 700 * WAN);
  setTotal(t03, '2080901', 1.5 * WAN);
  // 2080116 did not exist last year.
  setTotal(t03, '2080116', 0);
  t03.rows = t03.rows.filter((r) => r.code !== '2080116');
  // 2011102 existed last year (and is gone this year).
  const at = t03.rows.findIndex((r) => r.code === '2011101');
  const template = t03.rows[at];
  const gone: TableRow = {
    ...template,
    key: codeRow('2011102'),
    code: '2011102',
    label: '一般行政管理事务',
    cells: Object.fromEntries(Object.keys(template.cells).map((k) => [k, cellOf(0)])),
  };
  t03.rows.splice(at + 1, 0, gone);
  setTotal(t03, '2011102', 12 * WAN);

  const t07 = a.tables['07']!;
  const abroad = t07.rows.find((r) => r.key === 'abroad')!.cells.final!;
  const total = t07.rows.find((r) => r.key === 'total')!.cells.final!;
  total.minor += 2.5 * WAN - abroad.minor;
  abroad.minor = 2.5 * WAN;
  return a;
}
