// Lays out the nine 公开 tables of a profile from the model, driven only by the profile's table specs
// (the same specs the table reader uses, so no layout is written twice).
import type { FinalAccounts, TableData } from '../../core/model';
import type { MoneyUnit } from '../../core/money';
import { specOf, specsOf, type Profile, type TableSpec } from '../../core/profiles';
import { SHEET_NAME_MAX } from '../../port/port';
import type { LayoutCell, SheetLayout } from '../../port/layout';
import type { TableLayout } from '../../kinds/layout/frame';
import { layoutContext, type LayoutContext, type LayoutOptions } from '../../kinds/layout/options';
import { kindOf } from '../../kinds/registry';

export type { TableLayout } from '../../kinds/layout/frame';
export { layoutContext, fillNote, type LayoutContext, type LayoutOptions, type CodeStyle } from '../../kinds/layout/options';

/** Lays out one table; an absent table is laid out with zeros (its fixed rows, its 合计, its 说明). */
export function layoutTable(table: TableData | undefined, spec: TableSpec, ctx: LayoutContext): TableLayout {
  const unit: MoneyUnit = table?.unit ?? ctx.options.unit ?? '万元';
  return kindOf(spec).layout(table, spec, unit, ctx);
}

/** `公开01表 收入支出决算总表`, cut to Excel's 31 characters. */
export function defaultSheetName(spec: TableSpec): string {
  return `${spec.marker ?? `公开${spec.id}表`} ${spec.title}`.slice(0, SHEET_NAME_MAX);
}

/** A table alone on its sheet: header rows frozen and repeated on every printed page, A4, fit to width. */
export function tableSheet(t: TableLayout, name: string, fontName: string): SheetLayout {
  return {
    name,
    cells: withFont(t.cells, fontName),
    merges: t.merges,
    columnWidths: t.columnWidths,
    rowHeights: t.rowHeights,
    frozenRows: t.headerRows[1] + 1,
    pageSetup: {
      orientation: t.landscape ? 'landscape' : 'portrait',
      paperSize: 'A4',
      fitToWidth: true,
      printTitleRows: t.headerRows,
    },
  };
}

/** Several tables stacked on one sheet, `gap` blank rows between them. */
export function stackedSheet(tables: TableLayout[], name: string, fontName: string, gap = 2): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: SheetLayout['merges'] = [];
  const rowHeights: Record<number, number> = {};
  const widths: number[] = [];
  let top = 0;
  for (const t of tables) {
    for (const c of withFont(t.cells, fontName)) cells.push({ ...c, row: c.row + top });
    for (const m of t.merges) merges.push({ ...m, top: m.top + top, bottom: m.bottom + top });
    for (const [r, h] of Object.entries(t.rowHeights)) rowHeights[Number(r) + top] = h;
    t.columnWidths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
    top += t.height + gap;
  }
  return {
    name,
    cells,
    merges,
    columnWidths: widths,
    rowHeights,
    pageSetup: {
      orientation: tables.some((t) => t.landscape) ? 'landscape' : 'portrait',
      paperSize: 'A4',
      fitToWidth: true,
    },
  };
}

/** The cells with `fontName` on every style. */
export function withFont(cells: LayoutCell[], fontName: string): LayoutCell[] {
  return cells.map((c) => ({ ...c, style: { ...c.style, fontName } }));
}

export interface LaidOutTables {
  sheets: SheetLayout[];
  tables: TableLayout[];
  problems: string[];
}

/** Every table of the profile, in 01…09 order, with its problems. */
export function layoutAllTables(accounts: FinalAccounts, profile: Profile, options: LayoutOptions): LaidOutTables {
  const ctx = layoutContext(profile, options);
  const tables = specsOf(profile).map((spec) => layoutTable(accounts.tables[spec.id], spec, ctx));
  const sheets = options.oneSheet
    ? [stackedSheet(tables, options.oneSheet, ctx.fontName)]
    : tables.map((t) => tableSheet(t, options.sheetNames?.[t.id] ?? defaultSheetName(specOf(profile, t.id)), ctx.fontName));
  return { sheets, tables, problems: tables.flatMap((t) => t.problems) };
}

/** The sheets of the nine tables (one per table, or one stacked sheet with `oneSheet`). */
export function layoutTables(accounts: FinalAccounts, profile: Profile, options: LayoutOptions): SheetLayout[] {
  return layoutAllTables(accounts, profile, options).sheets;
}
