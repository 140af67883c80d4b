// The rounding policy of generated tables (shared/domain/README.md, "Money and rounding"):
//
//   1. every figure of every table is computed from the 项-level (and 款-level economic) detail exactly,
//      in integer 分, whatever unit the working sheets use;
//   2. each printed cell is rounded once, from its exact value, to the printed step of the table's unit
//      (0.01 万元 = 100 分), half away from zero;
//   3. so every printed total is the rounded exact total — never a sum of rounded addends.
//
// Consequences: the same figure printed in two tables (a 类 in 01 and 03, 05's 合计 and 04's
// 一般公共预算 column …) is the same exact amount rounded the same way, so it is identical everywhere;
// a printed sum may differ from the sum of its printed addends only by a rounding tail
// (≤ half a cent per addend), which `check` reports as 尾差, never as an error.
import { roundToPrinted } from '../core/money';
import type { FinalAccounts, TableData } from '../core/model';

export function printedTable(table: TableData): TableData {
  return {
    ...table,
    rows: table.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(
        Object.entries(row.cells).map(([k, c]) => [k, c.blank || c.invalid ? c : { ...c, minor: roundToPrinted(c.minor, table.unit) }]),
      ),
    })),
  };
}

/** The model as it will be printed: the exact model with each cell rounded once. */
export function printedAccounts(exact: FinalAccounts): FinalAccounts {
  const tables: FinalAccounts['tables'] = {};
  for (const [id, t] of Object.entries(exact.tables)) if (t) tables[id as keyof typeof tables] = printedTable(t);
  return { ...exact, tables };
}
