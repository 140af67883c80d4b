// How the add-in finds its own marks again, even after the pane was closed and the file reopened.
//
// Choice (ExcelApi 1.7): each mark is a conditional-format rule of type Custom whose formula carries a tag,
// `=N("FINAL-ACCOUNTS-MARK:<run>")=0` (always true, so the fill shows). Conditional-format ids are not
// promised to survive a reopen, but the formula is saved with the file, so clearMarks finds our rules by
// their tag on every sheet, and deletes only those. Notes/comments we add start with ANNOTATION_PREFIX.
// The record (which rules, ranges and annotations a run made) is kept in the workbook's add-in settings
// (Excel.SettingCollection, ExcelApi 1.4; saved with the file). It tells what was marked; the tags make
// removal exact even when the record is missing or stale (sheet renamed, rule copied with a cell).
import type { Severity } from '../../core/findings';

export const MARK_RECORD_KEY = 'finalAccounts.marks.v1';
export const MARK_FORMULA_TAG = 'FINAL-ACCOUNTS-MARK';
export const ANNOTATION_PREFIX = '【决算公开助手】';

export interface RecordedRule {
  sheet: string;
  severity: Severity;
  /** Local A1 addresses the rule covers. */
  ranges: string[];
}

/** The notes/comments a run added on one sheet (version 2: one entry per sheet, not per cell). */
export interface RecordedAnnotations {
  sheet: string;
  kind: 'notes' | 'comments';
  /** Local A1 cell addresses. */
  addresses: string[];
}

/**
 * Version 2 keeps the lists compact (annotations grouped by sheet) and leaves them out altogether
 * (`detailed: false`) past RECORD_DETAIL_LIMIT, so the record is always one small setting that fits any
 * write request. Version 1 records (one object per annotation) in older files are still read.
 */
export interface MarkRecord {
  version: 2;
  run: string;
  createdAt: string;
  /** Number of marked cells. */
  cells: number;
  /** False when the rule and annotation lists were left out to keep the record small. */
  detailed: boolean;
  rules: RecordedRule[];
  annotations: RecordedAnnotations[];
}

/** What every stored record (version 1 or 2) tells: which run, when, how many cells. */
export interface StoredMarkRecord {
  version: 1 | 2;
  run: string;
  createdAt: string;
  cells: number;
}

/** Past this many characters of JSON the record keeps only its summary (the tags still find every mark). */
export const RECORD_DETAIL_LIMIT = 256 * 1024;

export function buildRecord(run: string, now: Date, cells: number, rules: RecordedRule[], annotations: RecordedAnnotations[]): MarkRecord {
  const full: MarkRecord = { version: 2, run, createdAt: now.toISOString(), cells, detailed: true, rules, annotations };
  if (JSON.stringify(full).length <= RECORD_DETAIL_LIMIT) return full;
  return { ...full, detailed: false, rules: [], annotations: [] };
}

export function markFormula(run: string): string {
  return `=N("${MARK_FORMULA_TAG}:${run}")=0`;
}

export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(MARK_FORMULA_TAG);
}

export function isOwnAnnotation(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(ANNOTATION_PREFIX);
}

/** Reads a stored record; anything unreadable counts as no record (the tags still find the marks). */
export function parseRecord(value: unknown): StoredMarkRecord | null {
  if (typeof value !== 'string') return null;
  try {
    const r = JSON.parse(value) as StoredMarkRecord & { rules?: unknown; annotations?: unknown };
    return r && (r.version === 1 || r.version === 2) && typeof r.cells === 'number' && Array.isArray(r.rules) && Array.isArray(r.annotations)
      ? r
      : null;
  } catch {
    return null;
  }
}

export function newRunId(now: Date = new Date()): string {
  return `${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
