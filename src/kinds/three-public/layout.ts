// 三公 table: one row per item (Fuzhou, central) or one data row with the items across under each
// measure (Shanghai); the empty-table 说明 when the profile has one and there is no spending.
import { LINE } from '../../core/catalogs/labels';
import type { MoneyUnit } from '../../core/money';
import type { TableData } from '../../core/model';
import type { FixedRowSpec, ThreePublicSpec } from '../../core/profiles';
import { finishTable, hasNoData, writeNotes, writeTitleLines, type TableLayout } from '../layout/frame';
import { Grid } from '../layout/grid';
import { writeHeader, type HeaderColumn } from '../layout/headers';
import type { LayoutContext } from '../layout/options';
import { AMOUNT, LABEL, LABEL_INDENT, NUMBER_TEXT, amountValue } from '../layout/styles';

/** An item's name without its printed numbering (`1. `, `其中：`, `（1）`). */
export function bareItemName(label: string): string {
  return label
    .replace(/^其中[:：]\s*/, '')
    .replace(/^[（(]\d+[）)]\s*/, '')
    .replace(/^\d+[.．、]\s*/, '')
    .trim();
}

/** Header path of each item when items run across: indented items sit under their parent, which prints 小计. */
export function itemPaths(items: FixedRowSpec[]): string[][] {
  return items.map((item, i) => {
    if (item.indent) {
      const parent = [...items.slice(0, i)].reverse().find((p) => !p.indent);
      return parent ? [bareItemName(parent.label), bareItemName(item.label)] : [bareItemName(item.label)];
    }
    const hasChildren = items[i + 1]?.indent === true;
    return hasChildren ? [bareItemName(item.label), LINE.subtotal] : [bareItemName(item.label)];
  });
}

export function layoutThreePublic(table: TableData | undefined, spec: ThreePublicSpec, unit: MoneyUnit, ctx: LayoutContext): TableLayout {
  const rowOf = (key: string) => table?.rows.find((r) => r.key === key);
  const grid = new Grid();
  let width: number;
  let row: number;
  let headerBottom: number;

  if (spec.orientation === 'rows') {
    const numbered = spec.rowNumbers === true;
    const firstAmount = numbered ? 2 : 1;
    width = firstAmount + spec.measures.length;
    const headerTop = writeTitleLines(grid, spec, width, unit, ctx);
    const columns: HeaderColumn[] = [
      { col: 0, path: ['项目'] },
      ...(numbered ? [{ col: 1, path: ['行次'] }] : []),
      ...spec.measures.map((m, i) => ({ col: firstAmount + i, path: m.path })),
    ];
    headerBottom = writeHeader(grid, headerTop, columns);
    row = headerBottom + 1;
    spec.items.forEach((item, i) => {
      grid.put(row, 0, item.label, item.indent ? LABEL_INDENT : LABEL);
      if (numbered) grid.put(row, 1, String(i + 1), NUMBER_TEXT);
      spec.measures.forEach((m, j) => grid.put(row, firstAmount + j, amountValue(rowOf(item.key)?.cells[m.key], unit, ctx.zeroStyle), AMOUNT));
      row++;
    });
  } else {
    const paths = itemPaths(spec.items);
    width = spec.measures.length * spec.items.length;
    const headerTop = writeTitleLines(grid, spec, width, unit, ctx);
    const columns: HeaderColumn[] = spec.measures.flatMap((m, j) =>
      spec.items.map((_, i) => ({ col: j * spec.items.length + i, path: [...m.path, ...paths[i]], block: m.key })),
    );
    headerBottom = writeHeader(grid, headerTop, columns);
    row = headerBottom + 1;
    spec.measures.forEach((m, j) =>
      spec.items.forEach((item, i) =>
        grid.put(row, j * spec.items.length + i, amountValue(rowOf(item.key)?.cells[m.key], unit, ctx.zeroStyle), AMOUNT),
      ),
    );
    row++;
  }
  const empty = spec.emptyNote !== undefined && hasNoData(table);
  const notes = [...spec.notes, ...(empty && spec.emptyNote ? [spec.emptyNote] : [])];
  writeNotes(grid, row, width, notes, ctx);
  return finishTable(grid, spec.id, spec, width, headerBottom, []);
}
