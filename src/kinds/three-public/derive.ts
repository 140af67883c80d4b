// 三公 from 底稿4: the items the working sheet gives; 预算数 left blank there stays blank, 决算数 blank reads
// as zero. The subtotal and the 合计 come from the identities.
import type { ThreePublicSpec } from '../../core/profiles';
import { WORKING_SHEETS } from '../../core/workings/spec';
import { draft, row, type DeriveSource, type Draft } from '../derive/draft';

const GIVEN = new Set(WORKING_SHEETS.find((s) => s.id === 'threePublic')?.fixedRows?.map((r) => r.key));

export function deriveThreePublic(spec: ThreePublicSpec, { data }: DeriveSource): Draft {
  const sheet = data.sheets.threePublic;
  const cols = spec.measures.map((m) => m.key);
  const rows = spec.items.map((item) => {
    const r = row(item.key, item.label, cols);
    if (!GIVEN.has(item.key)) return r;
    const given = sheet?.rows.find((x) => x.key === item.key);
    for (const m of cols) {
      const c = given?.cells[m];
      r.values[m] = c === undefined || c.blank ? (m === 'budget' ? null : 0) : c.minor;
    }
    return r;
  });
  return draft(spec, rows);
}
