// Where the review record (core/review/record.ts) lives in the workbook, the same for every adapter: a very
// hidden sheet we create, column A, one JSON text per row. Row 1 is the header `{"kind":"final-accounts-review",
// "id":"<random>"}`: the sheet is ours only when its A1 is that header (a user's sheet of the same name is
// not). The id seals each record (record.ts recordSum), so a record copied from another workbook or typed in
// by hand is ignored and reported. JSON text starts with `{`: no value we write can become a formula.
import { readRecords, sealRecord, type InvalidRecord, type ReviewRecord } from '../core/review/record';
import type { CellValue, WorkbookSnapshot } from './snapshot';

export const REVIEW_SHEET = '__final_accounts_review';
const REVIEW_KIND = 'final-accounts-review';
const ID_PATTERN = /^[a-z0-9]{8,32}$/;

export interface ReviewStore {
  /** Our sheet's name, or null when the workbook has none. */
  sheet: string | null;
  /** The store's id (from its header), or null. */
  id: string | null;
  /** How many rows the sheet holds (header included): a rewrite blanks those it no longer needs. */
  rows: number;
  records: ReviewRecord[];
  /** Records that failed validation: ignored, never applied. */
  invalid: InvalidRecord[];
}

export const EMPTY_STORE: ReviewStore = { sheet: null, id: null, rows: 0, records: [], invalid: [] };

/** The store id in a header cell, or null when the cell is not our header. */
export function storeIdOf(header: unknown): string | null {
  if (typeof header !== 'string' || !header.startsWith('{')) return null;
  try {
    const h = JSON.parse(header) as { kind?: unknown; id?: unknown };
    return h?.kind === REVIEW_KIND && typeof h.id === 'string' && ID_PATTERN.test(h.id) ? h.id : null;
  } catch {
    return null;
  }
}

/** The store read from a sheet's column A (index 0 = row 1). */
export function storeFromColumn(sheet: string, column: CellValue[]): ReviewStore {
  const id = storeIdOf(column[0]);
  if (!id) return EMPTY_STORE;
  const entries = column.slice(1).flatMap((value, i) => (value === null || value === '' ? [] : [{ row: i + 2, value }]));
  return { sheet, id, rows: column.length, ...readRecords(entries, id) };
}

/** Splits our store off a snapshot: the rest is what the readers see. */
export function splitReviewStore(snapshot: WorkbookSnapshot): { snapshot: WorkbookSnapshot; store: ReviewStore } {
  const ours = snapshot.sheets.find((s) => s.originRow === 0 && s.originCol === 0 && storeIdOf(s.values[0]?.[0]) !== null);
  if (!ours) return { snapshot, store: EMPTY_STORE };
  const store = storeFromColumn(
    ours.name,
    ours.values.map((line) => line[0] ?? null),
  );
  return { snapshot: { sheets: snapshot.sheets.filter((s) => s !== ours) }, store };
}

/** Column A of a store holding these records (header first), under the given id. */
export function storeColumn(records: ReviewRecord[], id: string): string[] {
  return [JSON.stringify({ kind: REVIEW_KIND, id }), ...records.map((r) => JSON.stringify(sealRecord(r, id)))];
}

export function newStoreId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
}
