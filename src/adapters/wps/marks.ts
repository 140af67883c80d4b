// Marks in WPS: one conditional format (type xlExpression, formula tagged with the run's id, our fill) per
// sheet, severity and address list — never the cells' own fills — and a comment (批注) on the flagged cells,
// recorded in the workbook's custom document properties so that clearMarks removes exactly what was made,
// also in a later session. The record has the Office adapter's format (mark-record.ts): a rule is ours only
// when its formula is exactly the recorded run's, a comment only at a cell the record lists with its text's hash.
//
// Calls: the removal reads each sheet's rule list (3 calls per rule) and each recorded comment (about 6); the
// write costs 5 calls per address list (at most ADDRESS_LIMIT characters) and 3 per comment. Comments go on
// every cell with an error or a 提示, and on at most TAIL_COMMENT_LIMIT cells whose only marks are 尾差 (those
// beyond are coloured, listed in the pane, and counted in MarkResult.tailNotesOmitted).
import { a1 } from '../../core/cells';
import type { Severity } from '../../core/findings';
import { addressLists, cellsToRects, rectAddress } from '../office/addresses';
import {
  ANNOTATION_PREFIX,
  buildRecord,
  encodeNotes,
  isRecordedAnnotation,
  isRunFormula,
  markFormula,
  validateRecord,
  type RecordedAnnotations,
  type ValidRecord,
} from '../office/mark-record';
import { MARK_FILL, type CellMark } from '../../port/port';
import { sheetsOf } from './read';
import { argbToBgr } from './units';
import { XL, type WpsDocumentPropertiesSurface, type WpsWorkbookSurface, type WpsWorksheetSurface } from './wps-surface';

/** VBA's Range("…") refuses an address text longer than this. */
export const ADDRESS_LIMIT = 255;
/** Custom document property values are cut at 255 characters: the record is stored in parts. */
export const PROPERTY_CHUNK = 255;
export const RECORD_PROPERTY_PREFIX = 'finalAccounts.marks.';
/** Cells whose only marks are 尾差 that get a comment (errors and 提示 always get one). */
export const TAIL_COMMENT_LIMIT = 200;

/** What the workbook holds of our earlier marks. */
export interface WpsMarkInspection {
  sheets: WpsWorksheetSurface[];
  names: string[];
  record: ValidRecord | null;
  invalidRecords: number;
  /** 1-based indexes of the record's property parts (to delete). */
  recordParts: number[];
}

export function inspectMarks(wb: WpsWorkbookSurface): WpsMarkInspection {
  const sheets = sheetsOf(wb);
  const names = sheets.map((s) => s.Name);
  const { text, parts } = readRecordText(wb.CustomDocumentProperties);
  if (text === null) return { sheets, names, record: null, invalidRecords: 0, recordParts: parts };
  const { record, invalid } = validateRecord(text, names);
  return { sheets, names, record, invalidRecords: invalid, recordParts: parts };
}

function readRecordText(props: WpsDocumentPropertiesSurface): { text: string | null; parts: number[] } {
  const n = props.Count;
  const chunks: { order: number; value: string }[] = [];
  const parts: number[] = [];
  for (let i = 1; i <= n; i++) {
    const p = props.Item(i);
    const m = /^finalAccounts\.marks\.(\d+)$/.exec(p.Name);
    if (!m) continue;
    parts.push(i);
    const v = p.Value;
    chunks.push({ order: Number(m[1]), value: typeof v === 'string' ? v : '' });
  }
  if (!chunks.length) return { text: null, parts };
  chunks.sort((a, b) => a.order - b.order);
  return { text: chunks.map((c) => c.value).join(''), parts };
}

/** Removes what the record says is ours; returns whether anything of ours was found. */
export function removeMarks(wb: WpsWorkbookSurface, found: WpsMarkInspection): boolean {
  let ours = false;
  const record = found.record;
  if (record) {
    found.sheets.forEach((ws) => {
      const rules = ws.Cells.FormatConditions;
      // Backwards: deleting rule i leaves the indexes below it as they were.
      for (let i = rules.Count; i >= 1; i--) {
        const rule = rules.Item(i);
        if (rule.Type !== XL.expression) continue;
        const formula = rule.Formula1;
        if (isRunFormula(formula, [record.run]) || isRunFormula(`=${formula}`, [record.run])) {
          rule.Delete();
          ours = true;
        }
      }
    });
    const byName = new Map(found.names.map((n, i) => [n, found.sheets[i]]));
    for (const [key, hash] of record.annotatedCells) {
      const bang = key.lastIndexOf('!');
      const ws = byName.get(key.slice(0, bang));
      const [row, col] = key
        .slice(bang + 1)
        .split(':')
        .map(Number);
      if (!ws) continue;
      const comment = ws.Range(a1(row, col)).Comment;
      if (comment && isRecordedAnnotation(comment.Text(), hash)) {
        comment.Delete();
        ours = true;
      }
    }
  }
  const props = wb.CustomDocumentProperties;
  // Highest index first, for the same reason as the rules.
  for (const i of [...found.recordParts].sort((a, b) => b - a)) props.Item(i).Delete();
  return ours;
}

/** What writeMarks did. */
export interface WpsMarkWrite {
  rules: number;
  comments: number;
  tailNotesOmitted: number;
}

export function writeMarks(wb: WpsWorkbookSurface, found: WpsMarkInspection, cells: CellMark[], run: string, now = new Date()): WpsMarkWrite {
  const byName = new Map(found.names.map((n, i) => [n, found.sheets[i]]));
  const usable = cells.filter((c) => byName.has(c.sheet));
  const formula = markFormula(run);
  const groups = new Map<string, CellMark[]>();
  for (const c of usable) {
    const k = `${c.severity}\u0000${c.sheet}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  let rules = 0;
  for (const group of groups.values()) {
    const { sheet, severity } = group[0];
    const ws = byName.get(sheet)!;
    for (const list of addressLists(cellsToRects(group).map(rectAddress), ADDRESS_LIMIT)) {
      const rule = ws.Range(list).FormatConditions.Add(XL.expression, undefined, formula);
      rule.Interior.Color = argbToBgr(MARK_FILL[severity as Severity]);
      rules += 1;
    }
  }
  // Comments: errors and 提示 first, then 尾差-only cells up to the limit.
  const serious = usable.filter((c) => c.severity !== 'tail');
  const tails = usable.filter((c) => c.severity === 'tail');
  const wanted = [...serious, ...tails.slice(0, TAIL_COMMENT_LIMIT)];
  const written = new Map<string, { local: string; text: string }[]>();
  for (const c of wanted) {
    const local = a1(c.row, c.col);
    const range = byName.get(c.sheet)!.Range(local);
    if (range.Comment !== null) continue; // the user's own comment stays, and ours is not added
    const text = ANNOTATION_PREFIX + c.messages.join('\n');
    range.AddComment(text);
    const list = written.get(c.sheet) ?? [];
    list.push({ local, text });
    written.set(c.sheet, list);
  }
  if (usable.length) {
    const annotations: RecordedAnnotations[] = [...written].map(([sheet, list]) => ({ sheet, kind: 'comments', notes: encodeNotes(list) }));
    const record = { ...buildRecord(run, now, usable.length, [], annotations), detailed: false };
    writeRecord(wb.CustomDocumentProperties, JSON.stringify(record));
  }
  const comments = [...written.values()].reduce((n, l) => n + l.length, 0);
  return { rules, comments, tailNotesOmitted: Math.max(0, tails.length - TAIL_COMMENT_LIMIT) };
}

function writeRecord(props: WpsDocumentPropertiesSurface, text: string): void {
  for (let k = 0; k * PROPERTY_CHUNK < text.length; k++) {
    props.Add(`${RECORD_PROPERTY_PREFIX}${k + 1}`, false, XL.propertyString, text.slice(k * PROPERTY_CHUNK, (k + 1) * PROPERTY_CHUNK));
  }
}
