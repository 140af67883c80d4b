// The file adapter: the workbook port over an ExcelJS workbook (CLI, browser page, tests).
import ExcelJS from 'exceljs';
import type { CellRef } from '../../core/cells';
import type { SheetLayout } from '../../port/layout';
import type { ReviewRecord } from '../../core/review/record';
import { groupMarksByCell, type ApplyMarksOptions, type ClearResult, type Mark, type MarkResult, type WorkbookPort } from '../../port/port';
import { splitReviewStore, type ReviewStore } from '../../port/review-store';
import { writeReviewSheet } from './review-sheet';
import type { WorkbookSnapshot } from '../../port/snapshot';
import { addLayoutSheet } from './exceljs-layout';
import { workbookSnapshot } from './exceljs-snapshot';
import { findRecordSheet, loadRecord, markFill, noteHash, removeRecord, storeRecord, type SavedCell } from './marks-record';

export { MARKS_SHEET } from './marks-record';

export class ExcelJsWorkbookPort implements WorkbookPort {
  selected: CellRef | null = null;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbookPort> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    return new ExcelJsWorkbookPort(wb);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return (await this.readWithReview()).snapshot;
  }

  /** The snapshot (without our record and review sheets) and the review store, from one pass. */
  async readWithReview(): Promise<{ snapshot: WorkbookSnapshot; store: ReviewStore }> {
    const snap = workbookSnapshot(this.workbook);
    const record = findRecordSheet(this.workbook)?.sheet.name;
    return splitReviewStore({ sheets: snap.sheets.filter((s) => s.name !== record) });
  }

  async readReview(): Promise<ReviewStore> {
    return splitReviewStore(workbookSnapshot(this.workbook)).store;
  }

  async writeReview(records: ReviewRecord[]): Promise<void> {
    writeReviewSheet(this.workbook, (await this.readReview()).sheet, records);
  }

  /** True for our own record sheet (found by its identifier); a user's sheet of the same name is not. */
  isMarksRecord(sheetName: string): boolean {
    return findRecordSheet(this.workbook)?.sheet.name === sheetName;
  }

  /**
   * A file has no conditional-format overlay that survives every reader, so the file adapter sets a fill
   * and a note, and first saves what the cell had (fill and note) in its record; clearMarks puts it back.
   * A file has no request limit: every marked cell gets its note, nothing is left out.
   */
  async applyMarks(marks: Mark[], options: ApplyMarksOptions = {}): Promise<MarkResult> {
    if (options.review) await this.writeReview(options.review);
    const { entries, invalid } = loadRecord(this.workbook);
    const byCell = new Map(entries.map((e) => [`${e.sheet}!${e.row}:${e.col}`, e]));
    for (const m of groupMarksByCell(marks)) {
      const ws = this.workbook.getWorksheet(m.sheet);
      if (!ws) continue;
      const cell = ws.getCell(m.row + 1, m.col + 1);
      const k = `${ws.name}!${m.row}:${m.col}`;
      const text = m.messages.join('\n');
      const saved: SavedCell = byCell.get(k) ?? {
        sheet: ws.name,
        row: m.row,
        col: m.col,
        fill: cell.fill ? JSON.parse(JSON.stringify(cell.fill)) : null,
        note: cell.note ? JSON.parse(JSON.stringify(cell.note)) : null,
        severity: m.severity,
        written: '',
      };
      byCell.set(k, { ...saved, severity: m.severity, written: noteHash(text) });
      // ExcelJS shares one style object between cells loaded with the same style: detach it first,
      // or the fill would spread to every cell that shares it.
      cell.style = { ...detachedStyle(cell), fill: markFill(m.severity) };
      cell.note = text;
    }
    storeRecord(this.workbook, [...byCell.values()]);
    return { tailNotesOmitted: 0, invalidRecords: invalid };
  }

  /** Restores the cells our record names and that still carry our mark; ignores (and counts) anything else. */
  async clearMarks(): Promise<ClearResult> {
    const { entries, invalid } = loadRecord(this.workbook);
    for (const s of entries) {
      const cell = this.workbook.getWorksheet(s.sheet)!.getCell(s.row + 1, s.col + 1);
      const style = detachedStyle(cell);
      if (s.fill) style.fill = s.fill;
      else delete style.fill;
      cell.style = style;
      if (s.note) cell.note = s.note;
      else removeNote(cell);
    }
    removeRecord(this.workbook);
    return { cleared: entries.length, invalidRecords: invalid };
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
}

/**
 * ExcelJS has no public way to remove a note: `cell.note = undefined` keeps an empty comment that is saved
 * into the file, and a note loaded from a file also sits in the cell's value model, so it comes back on save.
 * The cell is rebuilt from its model without the comment, and its comment object dropped.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const { comment: _loaded, ...model } = cell.model as ExcelJS.CellModel & { comment?: unknown };
  cell.model = model as ExcelJS.CellModel;
  delete (cell as unknown as { _comment?: unknown })._comment;
}

function detachedStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
}

/** A new workbook holding only these sheets, as .xlsx bytes (the 审核说明 file of the CLI and the page). */
export async function workbookOfSheets(layouts: SheetLayout[]): Promise<Uint8Array> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await port.addSheets(layouts);
  return port.toBuffer();
}

export async function readWorkbookFile(path: string): Promise<ExcelJsWorkbookPort> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return new ExcelJsWorkbookPort(wb);
}
