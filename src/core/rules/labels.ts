// Chinese names of columns and rows, for findings.
import type { TableData, TableRow } from '../model';
import { allColumns, isClassRows, type Profile } from '../profiles';

const COLUMN_LABELS = new WeakMap<object, Map<string, string>>();

/** The printed name of a column (its leaf header), looked up once per table spec. */
export function columnLabel(profile: Profile, t: TableData, key: string): string {
  const spec = profile.tables[t.id];
  let labels = COLUMN_LABELS.get(spec);
  if (!labels) {
    labels = new Map(allColumns(spec).map((c) => [c.key, c.path[c.path.length - 1]]));
    COLUMN_LABELS.set(spec, labels);
  }
  return labels.get(key) ?? key;
}

export function fixedRowLabel(profile: Profile, t: TableData, key: string): string {
  const spec = profile.tables[t.id];
  if (spec.kind === 'ledger') {
    for (const b of spec.blocks) for (const r of b.rows) if (!isClassRows(r) && r.key === key) return r.label.replace(/^[一二三四五六七八九十]+、/, '');
  }
  if (spec.kind === 'threePublic') {
    const it = spec.items.find((i) => i.key === key);
    if (it) return it.label.replace(/^(\d+\.\s*|其中：|（\d）)+/, '');
  }
  return t.rows.find((r) => r.key === key)?.label ?? key;
}

export function codedRowName(row: TableRow): string {
  return row.key === 'total' ? '合计' : `${row.code} ${row.label}`;
}
