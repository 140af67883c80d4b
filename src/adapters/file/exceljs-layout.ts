// SheetLayout → ExcelJS worksheet (values, styles, merges, widths, freeze, page setup).
import type ExcelJS from 'exceljs';
import type { CellStyle, SheetLayout } from '../../port/layout';
import { uniqueSheetName } from '../../port/port';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

export function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontName) font.name = style.fontName;
  if (Object.keys(font).length) cell.font = font;
  if (style.hAlign || style.vAlign || style.wrap || style.indent) {
    cell.alignment = {
      horizontal: style.hAlign,
      vertical: style.vAlign,
      wrapText: style.wrap || undefined,
      indent: style.indent || undefined,
    };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
}

/** Writes one layout into a new worksheet; never replaces one (the name gets a suffix). */
export function addLayoutSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const name = uniqueSheetName(
    layout.name,
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name);
  layout.columnWidths.forEach((w, i) => {
    if (w) ws.getColumn(i + 1).width = w;
  });
  for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.value !== null) cell.value = c.value;
    applyStyle(cell, c.style);
  }
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (layout.frozenRows) ws.views = [{ state: 'frozen', ySplit: layout.frozenRows }];
  if (layout.pageSetup) {
    const p = layout.pageSetup;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: p.fitToWidth ? 1 : undefined,
      fitToHeight: p.fitToWidth ? 0 : undefined,
      printTitlesRow: p.printTitleRows ? `${p.printTitleRows[0] + 1}:${p.printTitleRows[1] + 1}` : undefined,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
  }
  return ws;
}
