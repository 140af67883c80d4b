// Reads the 三公 table: items down the rows (Fuzhou, central) or across the columns (Shanghai).
import type { AmountCell, TableRow } from '../../core/model';
import type { ThreePublicSpec } from '../../core/profiles';
import { addFinding, readAmount, readNotes, type BodyResult, type TableReadContext } from '../read/context';
import { findHeaderBottom, headerLabelSet, headerTokens, mapColumns } from '../read/header';
import type { FixedRowKey } from '../../core/keys';
import { ref, rowIsBlank, valueAt } from '../read/region';
import { isText, norm, normLabel } from '../read/text';

function itemKey(spec: ThreePublicSpec, label: string): FixedRowKey | null {
  const l = normLabel(label);
  for (const it of spec.items) {
    if ([it.label, ...(it.aliases ?? [])].some((n) => normLabel(n) === l)) return it.key;
  }
  return null;
}

export function readThreePublicBody(ctx: TableReadContext, spec: ThreePublicSpec, bodyTop: number): BodyResult {
  const { region } = ctx;
  const labels = headerLabelSet([
    ...spec.measures.flatMap((m) => m.path),
    ...spec.items.flatMap((i) => [i.label, ...(i.aliases ?? [])]),
    '财政拨款三公经费',
  ]);
  const headerBottom = findHeaderBottom(region, bodyTop, labels);
  const tokens = headerTokens(region, bodyTop, headerBottom);
  const { notes, lastRow, start: end } = readNotes(ctx, headerBottom + 1);
  const rows: TableRow[] = [];
  const titleCell = ref(region, region.top, region.left);

  // Items across the columns: every column's header names an item (deepest token) and a measure.
  const columnItems = new Map<number, { key: string; measure: string }>();
  for (const [c, tk] of tokens) {
    const item =
      [...tk]
        .reverse()
        .map((t) => itemKey(spec, t))
        .find((k) => k !== null) ?? null;
    const measure = spec.measures.find((m) => tk.includes(norm(m.path[m.path.length - 1])));
    if (item && measure) columnItems.set(c, { key: item, measure: measure.key });
  }
  if (columnItems.size >= 2) {
    let dataRow = -1;
    for (let r = headerBottom + 1; r < end; r++) {
      if (!rowIsBlank(region, r)) {
        dataRow = r;
        break;
      }
    }
    const byKey = new Map<string, Record<string, AmountCell>>();
    for (const [c, { key, measure }] of columnItems) {
      const cells = byKey.get(key) ?? {};
      cells[measure] = dataRow < 0 ? { minor: 0, ref: ref(region, headerBottom + 1, c), blank: true } : readAmount(ctx, dataRow, c, key);
      byKey.set(key, cells);
    }
    for (const it of spec.items) {
      const cells = byKey.get(it.key);
      if (cells) rows.push({ key: it.key, label: it.label, labelRef: null, cells });
    }
  } else {
    // Items down the rows.
    const measureCols = mapColumns(
      tokens,
      spec.measures,
      [...tokens.keys()].filter((c) => !(tokens.get(c) ?? []).includes('行次')),
    );
    for (const m of measureCols.missing) {
      addFinding(ctx, { rule: 'R-COLUMN', severity: 'error', message: `${ctx.label}缺少“${m.path.join('—')}”列。`, cells: [titleCell] });
    }
    for (let r = headerBottom + 1; r < end; r++) {
      for (let c = region.left; c <= region.right; c++) {
        const v = valueAt(region, r, c);
        if (!isText(v)) continue;
        const key = itemKey(spec, v);
        if (!key || rows.some((x) => x.key === key)) continue;
        const cells: Record<string, AmountCell> = {};
        for (const m of measureCols.matched) cells[m.key] = readAmount(ctx, r, m.col, String(v).trim());
        rows.push({ key, label: String(v).trim(), labelRef: ref(region, r, c), cells });
        break;
      }
    }
  }
  const missing = spec.items.filter((it) => !rows.some((r) => r.key === it.key));
  if (missing.length && !(rows.length === 0 && notes.some((n) => /没有|无/.test(n)))) {
    addFinding(ctx, {
      rule: 'R-MISSINGROW',
      severity: 'error',
      message: `${ctx.label}缺少${missing.map((m) => `“${normLabel(m.label)}”`).join('、')}，相关核对无法进行。`,
      cells: [titleCell],
    });
  }
  return { rows, notes, lastRow };
}
