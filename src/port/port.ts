// The workbook port: the one interface the CLI, the task pane and the browser page use.
// Two adapters implement it: ExcelJS (files) and Office.js (inside Excel).
import type { CellRef } from '../core/cells';
import { SEVERITY_LABEL, SEVERITY_RANK, type Finding, type Severity } from '../core/findings';
import type { ReviewRecord } from '../core/review/record';
import type { SheetLayout } from './layout';
import type { ReviewStore } from './review-store';
import type { WorkbookSnapshot } from './snapshot';

export interface Mark {
  cell: CellRef;
  severity: Severity;
  /** Chinese text shown on the cell (note/comment) and in the pane. */
  message: string;
}

/** The marks of a check: one per cell a finding names, its text `错误（T7-a）：…` (the same in Excel, file and page). */
export function marksOf(findings: Finding[]): Mark[] {
  return findings.flatMap((f) =>
    f.cells.map((cell) => ({ cell, severity: f.severity, message: `${SEVERITY_LABEL[f.severity]}（${f.rule}）：${f.message}` })),
  );
}

/** The marks of one cell: its worst severity and every distinct message, in order. */
export interface CellMark {
  sheet: string;
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
}

/** One entry per marked cell (what every adapter writes: one fill and one note per cell). */
export function groupMarksByCell(marks: Mark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const m of marks) {
    const k = `${m.cell.sheet}!${m.cell.row}:${m.cell.col}`;
    const cur = byCell.get(k);
    if (!cur) byCell.set(k, { sheet: m.cell.sheet, row: m.cell.row, col: m.cell.col, severity: m.severity, messages: [m.message] });
    else {
      if (SEVERITY_RANK[m.severity] < SEVERITY_RANK[cur.severity]) cur.severity = m.severity;
      if (!cur.messages.includes(m.message)) cur.messages.push(m.message);
    }
  }
  return [...byCell.values()];
}

/** What applyMarks reports about the marks it wrote. */
export interface MarkResult {
  /**
   * Cells whose only marks are 尾差 (severity 'tail') that were coloured but got no note/comment: writing
   * every note would have exceeded the host's single-request limit (Office adapter, large workbooks), so
   * those notes were left out to keep check + mark within its syncs. Their findings are still in the pane.
   * 0 when every marked cell got its note (cells with the user's own note never get one; not counted here).
   */
  tailNotesOmitted: number;
  /** Entries of the workbook's earlier mark record that failed validation and were ignored (0 when none). */
  invalidRecords?: number;
}

/** What clearMarks reports. */
export interface ClearResult {
  /** Marked cells whose marks were removed. */
  cleared: number;
  /**
   * Entries of the mark record that failed validation (a sheet that does not exist, an address off the grid,
   * a fill or note that is not ours): ignored, nothing written or removed for them.
   */
  invalidRecords: number;
}

/** The notice for ignored record entries, or null when there were none. */
export function invalidRecordsNotice(n: number | undefined): string | null {
  return n ? `${n} 条标记记录无效，已忽略。` : null;
}

/**
 * FNV-1a (32 bit, hex) of a note's text, line endings normalised: what a mark record keeps to tell later that
 * a note is still the one we wrote (a host may store \r\n for \n).
 */
export function markTextHash(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Excel's grid: a mark record naming a cell outside it is invalid. */
export const GRID_ROWS = 1_048_576;
export const GRID_COLS = 16_384;

export function inGrid(row: unknown, col: unknown): boolean {
  return (
    Number.isInteger(row) &&
    Number.isInteger(col) &&
    (row as number) >= 0 &&
    (row as number) < GRID_ROWS &&
    (col as number) >= 0 &&
    (col as number) < GRID_COLS
  );
}

export interface WorkbookPort {
  /** Every used range of every sheet, in one read. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Highlights the cells without touching the user's own formats; recorded so clearMarks removes exactly these.
   * Reports what it left out (see MarkResult).
   */
  applyMarks(marks: Mark[], options?: ApplyMarksOptions): Promise<MarkResult>;
  /**
   * Removes every mark this product recorded (also those of an earlier session), and nothing else: only what
   * the workbook's mark record names and still carries our mark; anything else in the record is reported.
   */
  clearMarks(): Promise<ClearResult>;
  /** Adds sheets; a name that exists gets a suffix. Returns the names used. Never replaces a sheet. */
  addSheets(layouts: SheetLayout[]): Promise<string[]>;
  /** Selects and reveals a cell (activates its sheet). */
  select(cell: CellRef): Promise<void>;
  /** The review record kept in the workbook (port/review-store.ts), every entry validated; none → EMPTY_STORE. */
  readReview?(): Promise<ReviewStore>;
  /** Replaces the review record (our very hidden sheet, never any other); no records → no sheet. */
  writeReview?(records: ReviewRecord[]): Promise<void>;
}

export interface ApplyMarksOptions {
  /** The review record to write with the marks, in the same request budget (issue #16). */
  review?: ReviewRecord[];
}

/** Fill colours of marks by severity (ARGB). */
export const MARK_FILL: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  tail: 'FFDDEBF7',
};

/** Excel's limit on a sheet name, and the characters it forbids. */
export const SHEET_NAME_MAX = 31;

export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const clean = wanted.replace(/[\\/?*[\]:]/g, ' ').slice(0, SHEET_NAME_MAX);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = clean.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
