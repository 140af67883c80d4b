// 01/04 from the working sheets: the fixed rows with the unit's working figures where fed; the 类 rows of
// the list, and any other 类 with 项 (dropped when it stays empty). Totals and 类 figures come from the
// identities (01's 类 from 03, 04's from 05/08/09).
import { CLASS_LISTS, knownName } from '../../core/catalogs/functional';
import { classRow, type RowKey } from '../../core/keys';
import { isClassRows, type LedgerSpec } from '../../core/profiles';
import { WORKING_FEEDS } from '../../core/workings/feeds';
import { draft, row, type DeriveSource, type Draft, type Row } from '../derive/draft';

export function deriveLedger(spec: LedgerSpec, { figure, items, classList }: DeriveSource): Draft {
  const feeds = WORKING_FEEDS[spec.topic]?.rows ?? {};
  const rows: Row[] = [];
  const extra = new Set<RowKey>();
  for (const block of spec.blocks) {
    const cols = block.columns.map((c) => c.key);
    for (const r of block.rows) {
      if (!isClassRows(r)) {
        const fixed = row(r.key, r.label, cols);
        const fed = feeds[r.key] ?? {};
        for (const c of cols) if (fed[c]) fixed.values[c] = fed[c]!.reduce((s, src) => s + figure(src), 0);
        rows.push(fixed);
        continue;
      }
      const listed = CLASS_LISTS[classList];
      for (const c of listed) rows.push(row(classRow(c.code), `${c.ordinal}、${c.name}`, cols));
      const others = [...new Set(items.map((i) => i.classCode))].filter((code) => !listed.some((c) => c.code === code)).sort();
      for (const code of others) {
        const r = row(classRow(code), knownName(code) ?? code, cols);
        extra.add(r.key);
        rows.push(r);
      }
    }
  }
  return draft(spec, rows, { extra, variant: classList });
}
