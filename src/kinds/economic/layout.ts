// 06表: economic-classification rows in blocks side by side — 人员经费 in one block, 公用经费 flowing
// top to bottom across the profile's number of column blocks (Fuzhou: two, of equal height).
import { econRow, parseRowKey } from '../../core/keys';
import { ECONOMIC_LISTS, economicItem } from '../../core/catalogs/economic';
import type { MoneyUnit } from '../../core/money';
import type { TableData } from '../../core/model';
import type { EconomicSpec } from '../../core/profiles';
import { finishTable, writeNotes, writeTitleLines, type TableLayout } from '../layout/frame';
import { Grid } from '../layout/grid';
import { writeHeader, type HeaderColumn } from '../layout/headers';
import type { LayoutContext } from '../layout/options';
import { AMOUNT, CODE, EMPTY, LABEL, TOTAL_LABEL, amountValue } from '../layout/styles';

interface EconomicLine {
  code: string;
  name: string;
}

/** The rows of each heading: the profile's list, plus codes the model holds beyond it, in code order. */
export function economicLinesByHeading(table: TableData | undefined, spec: EconomicSpec): EconomicLine[][] {
  const list = ECONOMIC_LISTS[spec.economicList];
  const claimed = new Set(spec.blocks.flatMap((b) => b.classes));
  const modelRows = (table?.rows ?? []).filter((r) => r.code !== undefined && parseRowKey(r.key).kind === 'econ');
  return spec.blocks.map((block, i) => {
    const isLast = i === spec.blocks.length - 1;
    const belongs = (code: string) => block.classes.includes(code.slice(0, 3)) || (isLast && !claimed.has(code.slice(0, 3)));
    const lines = new Map<string, EconomicLine>();
    for (const item of list) if (belongs(item.code)) lines.set(item.code, { code: item.code, name: item.name });
    for (const r of modelRows) {
      const code = r.code!;
      if (belongs(code) && !lines.has(code)) lines.set(code, { code, name: r.label || economicItem(code)?.name || '' });
    }
    return [...lines.values()].sort((a, b) => a.code.localeCompare(b.code));
  });
}

export function layoutEconomic(table: TableData | undefined, spec: EconomicSpec, unit: MoneyUnit, ctx: LayoutContext): TableLayout {
  const byHeading = economicLinesByHeading(table, spec);
  // Physical column blocks: one per heading, the last heading's rows flowing across flowColumns blocks.
  const physical: Array<{ heading: number; lines: EconomicLine[] }> = [];
  byHeading.forEach((lines, h) => {
    const isLast = h === byHeading.length - 1;
    const parts = isLast ? Math.max(1, spec.flowColumns) : 1;
    const per = Math.ceil(lines.length / parts);
    for (let k = 0; k < parts; k++) physical.push({ heading: h, lines: lines.slice(k * per, (k + 1) * per) });
  });
  const width = physical.length * 3;

  const grid = new Grid();
  const headerTop = writeTitleLines(grid, spec, width, unit, ctx);
  const headerColumns: HeaderColumn[] = physical.flatMap((p, k) => {
    const heading = spec.blocks[p.heading].group;
    return [spec.codeHeader, spec.nameHeader, spec.amountHeader].map((leaf, j) => ({
      col: k * 3 + j,
      path: [heading, leaf],
      block: String(p.heading),
    }));
  });
  const headerBottom = writeHeader(grid, headerTop, headerColumns);

  const bodyTop = headerBottom + 1;
  const height = Math.max(...physical.map((p) => p.lines.length));
  physical.forEach((p, k) => {
    for (let i = 0; i < height; i++) {
      const line = p.lines[i];
      const r = bodyTop + i;
      if (!line) {
        for (let j = 0; j < 3; j++) grid.put(r, k * 3 + j, null, EMPTY);
        continue;
      }
      grid.put(r, k * 3, line.code, CODE);
      grid.put(r, k * 3 + 1, line.name, LABEL);
      const source = table?.rows.find((x) => x.key === econRow(line.code));
      grid.put(r, k * 3 + 2, amountValue(source?.cells.amount, unit, ctx.zeroStyle), AMOUNT);
    }
  });

  // 合计 row: each heading's label across its blocks, its amount in the last amount column of the heading.
  const totalRow = bodyTop + height;
  spec.blocks.forEach((block, h) => {
    const cols = physical.map((p, k) => (p.heading === h ? k : -1)).filter((k) => k >= 0);
    const left = cols[0] * 3;
    const amountCol = cols[cols.length - 1] * 3 + 2;
    grid.area(totalRow, left, totalRow, amountCol - 1, block.total.label, TOTAL_LABEL);
    const source = table?.rows.find((x) => x.key === block.total.key);
    grid.put(totalRow, amountCol, amountValue(source?.cells.amount, unit, ctx.zeroStyle), AMOUNT);
  });
  writeNotes(grid, totalRow + 1, width, spec.notes, ctx);
  return finishTable(grid, spec.id, spec, width, headerBottom, []);
}
