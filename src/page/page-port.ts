// The workbook port of the standalone page: a file read in the browser with the file adapter (ExcelJS).
// Check marks the in-memory copy (the grid shows the marks); the marked copy and generation each start from a
// fresh copy of the file as it was opened, exactly as `final-accounts check --marked` and `generate` do.
import { ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';
import { workbookSnapshot } from '../adapters/file/exceljs-snapshot';
import { markedCopy } from '../adapters/file/marked-copy';
import type { CellRef } from '../core/cells';
import type { SheetLayout } from '../port/layout';
import type { ApplyMarksOptions, ClearResult, Mark, MarkResult, WorkbookPort } from '../port/port';
import type { ReviewRecord } from '../core/review/record';
import { splitReviewStore, type ReviewStore } from '../port/review-store';
import type { SheetSnapshot, WorkbookSnapshot } from '../port/snapshot';

export interface GeneratedFile {
  bytes: Uint8Array;
  /** Names of the sheets added (suffixed where a name was taken). */
  sheets: string[];
}

export interface PageView {
  /** The sheets of the opened file, in tab order. */
  sheets: SheetSnapshot[];
  /** The generated sheets, once generated. */
  generated: SheetSnapshot[];
  marks: Mark[];
  selected: CellRef | null;
  /** Increases on every select, so that selecting the same cell again scrolls again. */
  selectCount: number;
  result: GeneratedFile | null;
}

function copy(bytes: Uint8Array): Uint8Array {
  return bytes.slice();
}

export class PageWorkbookPort implements WorkbookPort {
  private view: PageView;
  private listeners = new Set<() => void>();
  /** The review record last written (with the marks or alone): the marked copy carries it too. */
  private review: ReviewRecord[] | null = null;

  private constructor(
    readonly fileName: string,
    private readonly original: Uint8Array,
    private readonly working: ExcelJsWorkbookPort,
  ) {
    // Neither our mark record nor our review store is a sheet of the user's.
    const sheets = splitReviewStore({ sheets: workbookSnapshot(working.workbook).sheets.filter((s) => !working.isMarksRecord(s.name)) }).snapshot
      .sheets;
    this.view = { sheets, generated: [], marks: [], selected: null, selectCount: 0, result: null };
  }

  /** Reads the file's bytes; throws what ExcelJS throws for a file that is not a workbook. */
  static async open(fileName: string, bytes: Uint8Array): Promise<PageWorkbookPort> {
    const original = copy(bytes);
    const working = await ExcelJsWorkbookPort.fromBuffer(copy(original));
    return new PageWorkbookPort(fileName, original, working);
  }

  getView = (): PageView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.working.readSnapshot();
  }

  /** A new check replaces the marks of the previous one (on the grid and in the marked copy). */
  async applyMarks(marks: Mark[], options: ApplyMarksOptions = {}): Promise<MarkResult> {
    const cleared = await this.working.clearMarks();
    const result = await this.working.applyMarks(marks, options);
    if (options.review) this.review = options.review;
    this.update({ marks });
    return { ...result, invalidRecords: cleared.invalidRecords + (result.invalidRecords ?? 0) };
  }

  /** The review record of the working copy (the marked copy carries it). */
  async readReview(): Promise<ReviewStore> {
    return this.working.readReview();
  }

  async writeReview(records: ReviewRecord[]): Promise<void> {
    await this.working.writeReview(records);
    this.review = records;
  }

  async clearMarks(): Promise<ClearResult> {
    const result = await this.working.clearMarks();
    this.update({ marks: [] });
    return result;
  }

  /** The nine sheets go into a fresh copy of the file as opened (no marks), like the CLI's output file. */
  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    const out = await ExcelJsWorkbookPort.fromBuffer(copy(this.original));
    const names = await out.addSheets(layouts);
    const bytes = await out.toBuffer();
    const added = new Set(names);
    const generated = workbookSnapshot(out.workbook).sheets.filter((s) => added.has(s.name));
    this.update({ generated, result: { bytes, sheets: names } });
    return names;
  }

  async select(cell: CellRef): Promise<void> {
    this.update({ selected: cell, selectCount: this.view.selectCount + 1 });
  }

  /**
   * The file as opened with the marks of the last check (fills and notes): the same file `check --marked`
   * writes, through the same code (adapters/file/marked-copy.ts), from a fresh copy of the original bytes;
   * with the review record, as `check --marked` keeps it.
   */
  async markedCopy(): Promise<Uint8Array> {
    const fresh = await ExcelJsWorkbookPort.fromBuffer(copy(this.original));
    return (await markedCopy(fresh, this.view.marks, this.review ? { review: this.review } : {})).bytes;
  }

  private update(patch: Partial<PageView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }
}
