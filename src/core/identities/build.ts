// Short constructors for identity declarations (profiles/identities.ts reads as a list of equations).
import type { ColKey, RowKey } from '../keys';
import type { TableTopic } from '../model';
import type { CellAt, ColumnsIdentity, SumIdentity } from './types';

/** A figure of the declaring table: `at('inc.total')` (column `amount`) or `at('exp.total', 'gpb')`. */
export function at(row: RowKey, col: ColKey = 'amount'): CellAt {
  return { row, col };
}

/** A figure of another table. */
export function of(table: TableTopic, row: RowKey, col: ColKey = 'amount'): CellAt & { table: TableTopic } {
  return { table, row, col };
}

export function minus(c: CellAt): CellAt {
  return { ...c, sign: -1 };
}

export function sum(rule: string, total: CellAt, parts: CellAt[], opts: { balance?: boolean } = {}): SumIdentity {
  return { kind: 'sum', rule, total, parts, ...opts };
}

/** total column = Σ part columns on every row; a part written `-carryOut` is subtracted. */
export function columns(rule: string, total: ColKey, parts: Array<ColKey | `-${ColKey}`>, opts: { balance?: boolean } = {}): ColumnsIdentity {
  return {
    kind: 'columns',
    rule,
    total,
    parts: parts.map((p) => (p.startsWith('-') ? { col: p.slice(1) as ColKey, sign: -1 as const } : { col: p as ColKey })),
    ...opts,
  };
}
