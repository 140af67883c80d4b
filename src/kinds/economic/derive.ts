// 06 from 底稿3: every 款 of the profile's list and of the working sheet; the 类 and the group totals come
// from the identities.
import { ECONOMIC_LISTS, economicItem } from '../../core/catalogs/economic';
import { econRow, type ColKey } from '../../core/keys';
import type { EconomicSpec } from '../../core/profiles';
import { draft, row, type DeriveSource, type Draft } from '../derive/draft';

export function deriveEconomic(spec: EconomicSpec, { data }: DeriveSource): Draft {
  const sheet = data.sheets.economic;
  const amounts = new Map<string, number>();
  const names = new Map<string, string>(sheet?.names ?? []);
  for (const r of sheet?.rows ?? []) {
    amounts.set(r.key, (amounts.get(r.key) ?? 0) + (r.cells.amount?.minor ?? 0));
    if (r.name) names.set(r.key, r.name);
  }
  const codes = new Set([...ECONOMIC_LISTS[spec.economicList].map((i) => i.code), ...amounts.keys()].flatMap((c) => [c, c.slice(0, 3)]));
  const cols: ColKey[] = ['amount'];
  const rows = [...codes].sort().map((code) => {
    const r = row(econRow(code), economicItem(code)?.name ?? names.get(code) ?? '', cols, code);
    if (code.length > 3) r.values.amount = amounts.get(code) ?? 0;
    return r;
  });
  for (const b of spec.blocks) rows.push(row(b.total.key, b.total.label, cols));
  return draft(spec, rows);
}
