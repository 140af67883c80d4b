// The file adapter's mark record: what each marked cell had before (fill, note), so clearing restores it.
//
// The record lives in a very hidden sheet we create. We find it by an identifier we wrote, never by its name:
// a workbook-level defined name `_FinalAccountsMarks_<id>` (a random id) refers to A1 of the record sheet,
// and A1 holds the same id. A user's sheet that happens to be called `__final_accounts_marks` has no such
// name, so it is never read, replaced or removed; our record then takes a suffixed name.
//
// Every entry is validated on read: the sheet exists (and is not the record), the cell is on Excel's grid,
// the cell still shows the fill we wrote for the recorded severity and the note we wrote (by its hash), and
// what would be restored is a plain fill / note. Anything else is ignored and counted, never written.
import type ExcelJS from 'exceljs';
import type { Severity } from '../../core/findings';
import { inGrid, MARK_FILL, markTextHash, uniqueSheetName } from '../../port/port';

/** The name our record sheet gets when it is free. */
export const MARKS_SHEET = '__final_accounts_marks';
const NAME_PREFIX = '_FinalAccountsMarks_';
/** The defined name that identifies our record sheet (also how the lean read path knows a marked file). */
export const NAME_PATTERN = /^_FinalAccountsMarks_([a-z0-9]{8,32})$/;
const RECORD_KIND = 'final-accounts-marks';

/** One marked cell: what it had before (restored on clear) and what we wrote (checked before restoring). */
export interface SavedCell {
  sheet: string;
  row: number;
  col: number;
  fill: ExcelJS.Fill | null;
  note: ExcelJS.Comment | string | null;
  severity: Severity;
  /** Hash of the note text we wrote. */
  written: string;
}

/** The record as found in a workbook. */
export interface LoadedRecord {
  /** Our record sheet, or null when the workbook has none. */
  sheet: ExcelJS.Worksheet | null;
  entries: SavedCell[];
  /** Entries that failed validation (ignored). */
  invalid: number;
}

/** Our record sheet and its id, found by the defined name; null when there is none. */
export function findRecordSheet(wb: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; name: string; range: string } | null {
  for (const dn of wb.definedNames.model) {
    const id = NAME_PATTERN.exec(dn.name)?.[1];
    if (!id || dn.ranges.length !== 1) continue;
    const sheet = wb.getWorksheet(sheetOfRange(dn.ranges[0]));
    if (sheet && headerId(sheet) === id) return { sheet, name: dn.name, range: dn.ranges[0] };
  }
  return null;
}

export function loadRecord(wb: ExcelJS.Workbook): LoadedRecord {
  const found = findRecordSheet(wb);
  if (!found) return { sheet: null, entries: [], invalid: 0 };
  const entries: SavedCell[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  found.sheet.eachRow((row, r) => {
    if (r === 1) return;
    const entry = parseEntry(row.getCell(1).value);
    const k = entry && `${entry.sheet}!${entry.row}:${entry.col}`;
    if (entry && k && !seen.has(k) && stillOurs(wb, found.sheet, entry)) {
      entries.push(entry);
      seen.add(k);
    } else invalid += 1;
  });
  return { sheet: found.sheet, entries, invalid };
}

/** Replaces our record (never any other sheet) with these entries; no entries → no record at all. */
export function storeRecord(wb: ExcelJS.Workbook, entries: SavedCell[]): void {
  removeRecord(wb);
  if (entries.length === 0) return;
  const id = randomId();
  const name = uniqueSheetName(
    MARKS_SHEET,
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name, { state: 'veryHidden' });
  ws.getCell(1, 1).value = JSON.stringify({ kind: RECORD_KIND, id });
  entries.forEach((e, i) => {
    ws.getCell(i + 2, 1).value = JSON.stringify(e);
  });
  wb.definedNames.add(`'${name.replace(/'/g, "''")}'!$A$1`, NAME_PREFIX + id);
}

/** Removes our record sheet and its defined name, if there is one. */
export function removeRecord(wb: ExcelJS.Workbook): void {
  const found = findRecordSheet(wb);
  if (!found) return;
  wb.removeWorksheet(found.sheet.id);
  wb.definedNames.remove(found.range, found.name);
}

/** The fill a mark of this severity writes. */
export function markFill(severity: Severity): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[severity] } };
}

/** Hash of a note's text (see markTextHash). */
export const noteHash = markTextHash;

/** The plain text of a note as ExcelJS holds it (a string, or rich text after a reload). */
export function noteText(note: unknown): string | null {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: unknown } | null)?.texts;
  if (!Array.isArray(texts)) return null;
  return texts.map((t) => (typeof t === 'string' ? t : String((t as { text?: unknown })?.text ?? ''))).join('');
}

function stillOurs(wb: ExcelJS.Workbook, record: ExcelJS.Worksheet, e: SavedCell): boolean {
  const ws = wb.getWorksheet(e.sheet);
  if (!ws || ws.id === record.id || ws.name !== e.sheet) return false;
  const cell = ws.getCell(e.row + 1, e.col + 1);
  const fill = cell.fill as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } } | undefined;
  const ourFill = fill?.type === 'pattern' && fill.pattern === 'solid' && String(fill.fgColor?.argb ?? '').toUpperCase() === MARK_FILL[e.severity];
  const text = noteText(cell.note);
  return ourFill && text !== null && noteHash(text) === e.written;
}

function parseEntry(value: unknown): SavedCell | null {
  if (typeof value !== 'string') return null;
  let e: Partial<SavedCell>;
  try {
    e = JSON.parse(value) as Partial<SavedCell>;
  } catch {
    return null;
  }
  if (!e || typeof e !== 'object' || typeof e.sheet !== 'string' || !inGrid(e.row, e.col)) return null;
  if (typeof e.severity !== 'string' || !Object.prototype.hasOwnProperty.call(MARK_FILL, e.severity)) return null;
  if (typeof e.written !== 'string' || !plainFill(e.fill) || !plainNote(e.note)) return null;
  return e as SavedCell;
}

/** A fill we may restore: none, or a pattern/gradient fill object. */
function plainFill(fill: unknown): boolean {
  if (fill === null) return true;
  const f = fill as { type?: unknown; pattern?: unknown };
  return typeof f === 'object' && ((f.type === 'pattern' && typeof f.pattern === 'string') || f.type === 'gradient');
}

/** A note we may restore: none, a text, or a rich-text comment. */
function plainNote(note: unknown): boolean {
  return note === null || typeof note === 'string' || (typeof note === 'object' && noteText(note) !== null);
}

function headerId(sheet: ExcelJS.Worksheet): string | null {
  const v = sheet.getCell(1, 1).value;
  if (typeof v !== 'string') return null;
  try {
    const h = JSON.parse(v) as { kind?: unknown; id?: unknown };
    return h?.kind === RECORD_KIND && typeof h.id === 'string' ? h.id : null;
  } catch {
    return null;
  }
}

/** `'a''b'!$A$1` → `a'b`. */
function sheetOfRange(range: string): string {
  const bang = range.lastIndexOf('!');
  const sheet = bang >= 0 ? range.slice(0, bang) : '';
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
}
