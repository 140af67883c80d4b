// Chinese names of columns and rows, for findings.
import type { TableData, TableRow } from '../model';
import { SIDE } from '../catalogs/labels';
import { allColumns, fixedRowsOf, specOf, type Profile, type TableSpec } from '../profiles';

const COLUMN_LABELS = new WeakMap<object, Map<string, string>>();

/** The printed name of a column (its leaf header), looked up once per table spec. */
export function columnLabel(profile: Profile, t: TableData, key: string): string {
  const spec = specOf(profile, t.id);
  let labels = COLUMN_LABELS.get(spec);
  if (!labels) {
    labels = new Map(allColumns(spec).map((c) => [c.key, c.path[c.path.length - 1]]));
    COLUMN_LABELS.set(spec, labels);
  }
  return labels.get(key) ?? key;
}

const TITLES = new WeakMap<TableSpec, Map<string, string>>();

/**
 * Each fixed row's name for messages: its label without numbering (`一、`, `1. `, `其中：（1）`), made
 * unambiguous where two rows print the same label: an indented row by the row it stands under
 * (年初结转和结余中的一般公共预算), then a row by its side (收入总计 / 支出总计).
 */
function titlesOf(spec: TableSpec): Map<string, string> {
  let titles = TITLES.get(spec);
  if (titles) return titles;
  const rows = fixedRowsOf(spec);
  const plain = rows.map((r) => r.label.replace(/^([一二三四五六七八九十]+、|\d+\.\s*|其中：|（\d）)+/, ''));
  const count = (names: string[], n: string) => names.filter((x) => x === n).length;
  let under = '';
  const named = rows.map((r, i) => {
    if (!r.indent) under = plain[i];
    return r.indent && under && count(plain, plain[i]) > 1 ? `${under}中的${plain[i]}` : plain[i];
  });
  titles = new Map(rows.map((r, i) => [r.key, count(named, named[i]) > 1 && r.side ? `${SIDE[r.side]}${named[i]}` : named[i]]));
  TITLES.set(spec, titles);
  return titles;
}

export function fixedRowLabel(profile: Profile, t: TableData, key: string): string {
  return titlesOf(specOf(profile, t.id)).get(key) ?? t.rows.find((x) => x.key === key)?.label ?? key;
}

/** `208 社会保障和就业支出` for a coded row, `合计` for the total, the label for a fixed row. */
export function rowName(row: TableRow): string {
  return row.code ? `${row.code} ${row.label}` : row.label;
}

/** A ledger row's label without its `一、` numbering (`一、一般公共服务支出` → `一般公共服务支出`). */
export function withoutOrdinal(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/, '');
}
