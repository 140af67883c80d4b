// Small hand-made models for generator tests: amounts written as printed text, held in 分.
import { parseRowKey, rowKey } from '../../src/core/keys';
import { parseAmount, type MoneyUnit } from '../../src/core/money';
import { levelOfCode, type AmountCell, type TableData, type TableId, type TableRow, type TableTopic } from '../../src/core/model';

export function minorOf(text: string, unit: MoneyUnit = '万元'): number {
  const p = parseAmount(text, unit);
  if (p.kind !== 'number') throw new Error(`not an amount: ${text}`);
  return p.minor;
}

export function amountCells(values: Record<string, string>, unit: MoneyUnit = '万元'): Record<string, AmountCell> {
  const out: Record<string, AmountCell> = {};
  for (const [k, v] of Object.entries(values)) out[k] = { minor: minorOf(v, unit), ref: null };
  return out;
}

export function row(key: string, label: string, values: Record<string, string>, unit: MoneyUnit = '万元'): TableRow {
  const parsed = parseRowKey(rowKey(key));
  const code = parsed.kind === 'code' || parsed.kind === 'econ' ? parsed.code : undefined;
  return {
    key: rowKey(key),
    label,
    code,
    level: parsed.kind === 'code' ? levelOfCode(parsed.code) : undefined,
    labelRef: null,
    cells: amountCells(values, unit),
  };
}

export function table(id: TableId, topic: TableTopic, rows: TableRow[], unit: MoneyUnit = '万元'): TableData {
  return { id, topic, title: '', sheet: '', range: '', unit, rows, notes: [], titleRef: null };
}
