// Reading the model for the draft: a figure by table topic, row and column, or null when the table, row or
// cell is not there (the draft then shows a gap instead of guessing).
import type { ColKey, RowKey } from '../../core/keys';
import type { FinalAccounts, TableData, TableRow, TableTopic } from '../../core/model';

export function tableOf(accounts: FinalAccounts | null | undefined, topic: TableTopic): TableData | undefined {
  if (!accounts) return undefined;
  return Object.values(accounts.tables).find((t) => t?.topic === topic);
}

export function rowOf(accounts: FinalAccounts | null | undefined, topic: TableTopic, key: RowKey): TableRow | undefined {
  return tableOf(accounts, topic)?.rows.find((r) => r.key === key);
}

/** The figure in 分, or null when it is missing or unreadable. */
export function figure(accounts: FinalAccounts | null | undefined, topic: TableTopic, key: RowKey, col: ColKey): number | null {
  const cell = rowOf(accounts, topic, key)?.cells[col];
  if (!cell || cell.invalid) return null;
  return cell.minor;
}

/** A row label without its printed numbering (一、, 1., 其中：, （1）). */
export function plainLabel(label: string): string {
  return label
    .trim()
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[.．、]\s*|[（(][一二三四五六七八九十\d]+[)）]|其中[:：]?)+/u, '')
    .trim();
}
