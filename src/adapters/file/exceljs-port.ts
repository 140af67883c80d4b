// The file adapter: the workbook port over an ExcelJS workbook (CLI, browser page, tests).
import ExcelJS from 'exceljs';
import type { CellRef } from '../../core/cells';
import type { SheetLayout } from '../../port/layout';
import { groupMarksByCell, MARK_FILL, type Mark, type MarkResult, type WorkbookPort } from '../../port/port';
import type { WorkbookSnapshot } from '../../port/snapshot';
import { addLayoutSheet } from './exceljs-layout';
import { workbookSnapshot } from './exceljs-snapshot';

/** Where the file adapter records its marks (a very hidden sheet), so clearMarks is exact. */
export const MARKS_SHEET = '__final_accounts_marks';

interface SavedCell {
  sheet: string;
  row: number;
  col: number;
  fill: ExcelJS.Fill | null;
  note: ExcelJS.Comment | string | null;
}

export class ExcelJsWorkbookPort implements WorkbookPort {
  selected: CellRef | null = null;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbookPort> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    return new ExcelJsWorkbookPort(wb);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    const snap = workbookSnapshot(this.workbook);
    return { sheets: snap.sheets.filter((s) => s.name !== MARKS_SHEET) };
  }

  /**
   * A file has no conditional-format overlay that survives every reader, so the file adapter sets a fill
   * and a note, and first saves what the cell had (fill and note) in a hidden sheet; clearMarks puts it back.
   * A file has no request limit: every marked cell gets its note, nothing is left out.
   */
  async applyMarks(marks: Mark[]): Promise<MarkResult> {
    const saved = this.loadSaved();
    const seen = new Set(saved.map((s) => `${s.sheet}!${s.row}:${s.col}`));
    for (const m of groupMarksByCell(marks)) {
      const ws = this.workbook.getWorksheet(m.sheet);
      if (!ws) continue;
      const cell = ws.getCell(m.row + 1, m.col + 1);
      const k = `${ws.name}!${m.row}:${m.col}`;
      if (!seen.has(k)) {
        saved.push({
          sheet: ws.name,
          row: m.row,
          col: m.col,
          fill: cell.fill ? JSON.parse(JSON.stringify(cell.fill)) : null,
          note: cell.note ? JSON.parse(JSON.stringify(cell.note)) : null,
        });
        seen.add(k);
      }
      // ExcelJS shares one style object between cells loaded with the same style: detach it first,
      // or the fill would spread to every cell that shares it.
      cell.style = { ...detachedStyle(cell), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[m.severity] } } };
      cell.note = m.messages.join('\n');
    }
    this.storeSaved(saved);
    return { tailNotesOmitted: 0 };
  }

  async clearMarks(): Promise<number> {
    const saved = this.loadSaved();
    for (const s of saved) {
      const ws = this.workbook.getWorksheet(s.sheet);
      if (!ws) continue;
      const cell = ws.getCell(s.row + 1, s.col + 1);
      const style = detachedStyle(cell);
      if (s.fill) style.fill = s.fill;
      else delete style.fill;
      cell.style = style;
      (cell as unknown as { note: ExcelJS.Comment | string | undefined }).note = s.note ?? undefined;
    }
    const marksSheet = this.workbook.getWorksheet(MARKS_SHEET);
    if (marksSheet) this.workbook.removeWorksheet(marksSheet.id);
    return saved.length;
  }

  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    return layouts.map((l) => addLayoutSheet(this.workbook, l).name);
  }

  async select(cell: CellRef): Promise<void> {
    this.selected = cell;
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }

  private loadSaved(): SavedCell[] {
    const ws = this.workbook.getWorksheet(MARKS_SHEET);
    if (!ws) return [];
    const out: SavedCell[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string' && v.startsWith('{')) out.push(JSON.parse(v) as SavedCell);
    });
    return out;
  }

  private storeSaved(saved: SavedCell[]): void {
    const old = this.workbook.getWorksheet(MARKS_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(MARKS_SHEET, { state: 'veryHidden' });
    saved.forEach((s, i) => {
      ws.getCell(i + 1, 1).value = JSON.stringify(s);
    });
  }
}

function detachedStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
}

export async function readWorkbookFile(path: string): Promise<ExcelJsWorkbookPort> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return new ExcelJsWorkbookPort(wb);
}
