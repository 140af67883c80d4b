// How the add-in finds its own marks again, even after the pane was closed and the file reopened.
//
// Choice (ExcelApi 1.7): each mark is a conditional-format rule of type Custom whose formula carries the run's
// random id, `=N("FINAL-ACCOUNTS-MARK:<run>")=0` (always true, so the fill shows). Conditional-format ids are
// not promised to survive a reopen, but the formula is saved with the file. Notes/comments we add start with
// ANNOTATION_PREFIX. The record (the run id, which rules and annotations the run made) is kept in the
// workbook's add-in settings (Excel.SettingCollection, ExcelApi 1.4; saved with the file).
//
// Nothing is ours unless the record says so: a rule is ours only when its formula is exactly the recorded
// run's, a note/comment only when it sits at a cell the record lists with the hash of its text. A user's
// rule or note that merely contains our tag is never removed, and without a record nothing is removed.
// Every record entry is validated on read (an existing sheet, addresses on the grid, one of our severities);
// the rest is ignored and counted.
import { a1, parseA1 } from '../../core/cells';
import type { Severity } from '../../core/findings';
import { inGrid, MARK_FILL, markTextHash } from '../../port/port';

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
  /**
   * One `A1:hash` token per note, space-separated (one string keeps the record small: tens of thousands of
   * notes on a consolidated workbook). The hash (noteTokenHash) of the text written: a note is ours only
   * while it still has that text.
   */
  notes: string;
}

/** The record's token list of these notes. */
export function encodeNotes(notes: { local: string; text: string }[]): string {
  return notes.map((n) => `${n.local}:${noteTokenHash(n.text)}`).join(' ');
}

/** The addresses an annotation entry lists (whatever their validity). */
export function annotationAddresses(entry: { notes?: unknown }): string[] {
  return typeof entry.notes === 'string' && entry.notes ? entry.notes.split(' ').map((t) => t.split(':')[0]) : [];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 24 bits of markTextHash in 4 characters: enough to tell that a note's text changed. */
export function noteTokenHash(text: string): string {
  const h = parseInt(markTextHash(text), 16) >>> 8;
  return B64[(h >>> 18) & 63] + B64[(h >>> 12) & 63] + B64[(h >>> 6) & 63] + B64[h & 63];
}

/**
 * Version 2 keeps the lists compact (annotations grouped by sheet) and leaves the rule list out
 * (`detailed: false`) past RECORD_DETAIL_LIMIT (rules are found by the run id in their formula). The
 * annotation list is always kept: a note is removed only where the record lists it. Version 1 records (one
 * object per annotation) in older files are still read.
 */
export interface MarkRecord {
  version: 2;
  run: string;
  createdAt: string;
  /** Number of marked cells. */
  cells: number;
  /** False when the rule list was left out to keep the record small. */
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

/** Past this many characters of JSON the record leaves out its rule list (the run id still finds every rule). */
export const RECORD_DETAIL_LIMIT = 256 * 1024;

export function buildRecord(run: string, now: Date, cells: number, rules: RecordedRule[], annotations: RecordedAnnotations[]): MarkRecord {
  const full: MarkRecord = { version: 2, run, createdAt: now.toISOString(), cells, detailed: true, rules, annotations };
  if (JSON.stringify(full).length <= RECORD_DETAIL_LIMIT) return full;
  return { ...full, detailed: false, rules: [] };
}

export function markFormula(run: string): string {
  return `=N("${MARK_FORMULA_TAG}:${run}")=0`;
}

/** True only for a rule formula that is exactly one of these runs' (never for one that merely contains the tag). */
export function isRunFormula(formula: unknown, runs: string[]): boolean {
  return typeof formula === 'string' && runs.some((run) => formula === markFormula(run));
}

export function isOwnAnnotation(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(ANNOTATION_PREFIX);
}

/** True when a note/comment at a cell is the one the record says we wrote there (prefix and text hash). */
export function isRecordedAnnotation(content: unknown, recordedHash: string | undefined): boolean {
  return isOwnAnnotation(content) && recordedHash !== undefined && noteTokenHash(content as string) === recordedHash;
}

/** Reads a stored record's summary; anything unreadable counts as no record. */
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

/** A stored record after validation: what may be treated as ours. */
export interface ValidRecord {
  run: string;
  cells: number;
  /** `sheet!row:col` → hash of the text of every note/comment the record says we wrote (valid entries only). */
  annotatedCells: Map<string, string>;
}

const RUN_PATTERN = /^[a-z0-9]{1,40}$/;

/**
 * Validates a stored record against the workbook's sheets. Returns what is valid and how many entries were
 * ignored: a rule entry on a missing sheet, with a severity that is not ours or an address off the grid; an
 * annotation on a missing sheet or off the grid; a record that is not ours at all (unreadable, no run id) counts 1.
 */
export function validateRecord(value: unknown, sheets: string[]): { record: ValidRecord | null; invalid: number } {
  const stored = parseRecord(value) as (StoredMarkRecord & { rules: unknown[]; annotations: unknown[] }) | null;
  if (!stored || typeof stored.run !== 'string' || !RUN_PATTERN.test(stored.run) || !Number.isInteger(stored.cells) || stored.cells < 0)
    return { record: null, invalid: 1 };
  const known = new Set(sheets);
  let invalid = 0;
  for (const rule of stored.rules) if (!validRule(rule, known)) invalid += 1;
  const annotatedCells = new Map<string, string>();
  for (const entry of stored.annotations) {
    // Entries without a note token list (version 1, one entry per note) carry no hash of the text:
    // nothing proves the note is ours.
    const e = entry as { sheet?: unknown; kind?: unknown; notes?: unknown };
    const tokens = typeof e.notes === 'string' ? e.notes.split(' ').filter(Boolean) : null;
    const sheetOk = typeof e.sheet === 'string' && known.has(e.sheet) && (e.kind === 'notes' || e.kind === 'comments');
    if (!tokens || !sheetOk) {
      invalid += tokens ? Math.max(1, tokens.length) : 1;
      continue;
    }
    for (const token of tokens) {
      const [address, hash, ...rest] = token.split(':');
      const cell = singleCell(address);
      if (cell && rest.length === 0 && /^[A-Za-z0-9_-]{4}$/.test(hash ?? ''))
        annotatedCells.set(`${e.sheet as string}!${cell.row}:${cell.col}`, hash);
      else invalid += 1;
    }
  }
  return { record: { run: stored.run, cells: stored.cells, annotatedCells }, invalid };
}

function validRule(rule: unknown, known: Set<string>): boolean {
  const r = rule as { sheet?: unknown; severity?: unknown; ranges?: unknown };
  if (typeof r?.sheet !== 'string' || !known.has(r.sheet)) return false;
  if (typeof r.severity !== 'string' || !Object.prototype.hasOwnProperty.call(MARK_FILL, r.severity)) return false;
  return (
    Array.isArray(r.ranges) && r.ranges.every((a) => typeof a === 'string' && a.split(':').length <= 2 && a.split(':').every((p) => singleCell(p)))
  );
}

/** A local A1 address of one cell on the grid (as we write it: `C3`), else null. */
function singleCell(address: unknown): { row: number; col: number } | null {
  if (typeof address !== 'string' || !/^[A-Z]{1,3}[1-9][0-9]{0,6}$/.test(address)) return null;
  const cell = parseA1(address);
  return inGrid(cell.row, cell.col) && a1(cell.row, cell.col) === address ? cell : null;
}
