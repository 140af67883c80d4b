// Coded tables from the working sheets: the 项 rows with their working figures; 类, 款, 合计 and the total
// columns come from the identities.
import { knownName } from '../../core/catalogs/functional';
import { codeRow } from '../../core/keys';
import type { CodedSpec } from '../../core/profiles';
import { WORKING_FEEDS } from '../../core/workings/feeds';
import { draft, KEY_INDEX, row, type DeriveSource, type Draft, type Row } from '../derive/draft';

/**
 * One pass over the 项 in code order: a 类 or 款 row is opened when its first 项 with figures comes (codes
 * in order put every prefix's 项 together).
 */
export function deriveCoded(spec: CodedSpec, { items, names }: DeriveSource): Draft {
  const cols = spec.columns.map((c) => c.key);
  const feeds = WORKING_FEEDS[spec.topic]?.columns ?? {};
  const fed = cols.filter((k) => feeds[k]);
  const sources = fed.map((k) => feeds[k]!.map((s) => KEY_INDEX.get(s)!));
  const rows: Row[] = [row('total', spec.totalLabel, cols)];
  const open = (code: string) => {
    const r = row(codeRow(code), names.get(code) ?? knownName(code) ?? '', cols, code);
    rows.push(r);
    return r;
  };
  let classCode: string | null = null;
  let kuanCode: string | null = null;
  const values = new Float64Array(fed.length);
  for (const item of items) {
    let any = false;
    for (let j = 0; j < fed.length; j++) {
      let v = 0;
      for (const i of sources[j]) v += item.figures[i];
      values[j] = v;
      if (v !== 0) any = true;
    }
    if (!any) continue;
    if (classCode !== item.classCode) {
      classCode = item.classCode;
      kuanCode = null;
      open(item.classCode);
    }
    if (item.kuanCode !== item.classCode && kuanCode !== item.kuanCode) {
      kuanCode = item.kuanCode;
      open(item.kuanCode);
    }
    // A 款-level entry (5 digits) is its own row's figures; a 项 gets its row.
    const target = item.code !== item.kuanCode ? open(item.code) : rows[rows.length - 1];
    for (let j = 0; j < fed.length; j++) target.values[fed[j]] = (target.values[fed[j]] ?? 0) + values[j];
  }
  return draft(spec, rows);
}
