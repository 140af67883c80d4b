// Marks as conditional-format overlays: added over the flagged cells, recorded in the workbook, removed exactly.
// The user's own formats and conditional formats are never written; only rules carrying our tag are deleted.
//
// Writes are planned as MarkOps, each with an estimate of what it adds to the request, and packed into
// requests of at most MARK_REQUEST_BUDGET bytes: one request whenever the marks fit (the usual case). Past
// the budget the notes of 尾差-only cells are left out first when that saves a request (planMarkWrite); one
// more request per extra chunk only if it still does not fit, like the read, which splits only when the
// host refuses.
import { a1 } from '../../core/cells';
import type { Severity } from '../../core/findings';
import { MARK_FILL, type CellMark } from '../../port/port';
import { addressLists, cellsToRects, qualified, rectAddress } from './addresses';
import type { ExcelFeatures } from './api-support';
import type { WorkbookSurface } from './excel-surface';
import {
  ANNOTATION_PREFIX,
  buildRecord,
  encodeNotes,
  MARK_RECORD_KEY,
  markFormula,
  type MarkRecord,
  type RecordedAnnotations,
  type RecordedRule,
} from './mark-record';
import { cellKey, type MarkInspection } from './read-workbook';
import { argbToHex } from './units';

/**
 * Estimated request size per sync for mark writes and removals. Excel on the web refuses requests over
 * 5 MB; the estimate (UTF-8 JSON of the arguments plus OP_OVERHEAD per call) is deliberately pessimistic
 * (the host counts its own serialisation, which we cannot see), and the budget leaves the rest as margin.
 */
export const MARK_REQUEST_BUDGET = 2 * 1024 * 1024;
/** Bytes one API call adds besides its arguments (action and object-path entries of the request). */
export const OP_OVERHEAD = 64;

/** One unit of mark work: `queue` adds its calls to the batch; `bytes` is its estimated request size. */
export interface MarkOp {
  bytes: number;
  queue(): void;
}

/** UTF-8 length of a string (what travels in the request body), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request bytes of `calls` API calls carrying these arguments. */
export function estimateBytes(calls: number, ...args: unknown[]): number {
  return calls * OP_OVERHEAD + args.reduce<number>((n, a) => n + utf8Length(JSON.stringify(a) ?? ''), 0);
}

/** Packs ops, in order, into requests within the budget (an op larger than the budget gets one of its own). Never empty. */
export function packMarkOps(ops: MarkOp[], budget = MARK_REQUEST_BUDGET): MarkOp[][] {
  const chunks: MarkOp[][] = [[]];
  let bytes = 0;
  for (const op of ops) {
    const cur = chunks[chunks.length - 1];
    if (cur.length > 0 && bytes + op.bytes > budget) {
      chunks.push([op]);
      bytes = op.bytes;
    } else {
      cur.push(op);
      bytes += op.bytes;
    }
  }
  return chunks;
}

/** The deletion of every mark the inspection found (rules by id, annotations by cell) and of the record. */
export function removalOps(workbook: WorkbookSurface, inspection: MarkInspection, features: ExcelFeatures): MarkOp[] {
  const ops: MarkOp[] = [];
  for (const rule of inspection.ownRules) {
    ops.push({
      bytes: estimateBytes(5, rule.sheet, rule.id),
      queue: () => workbook.worksheets.getItem(rule.sheet).getRange().conditionalFormats.getItem(rule.id).delete(),
    });
  }
  for (const address of inspection.ownAnnotations) {
    if (features.annotations === 'notes') ops.push({ bytes: estimateBytes(2, address), queue: () => workbook.notes.getItem(address).delete() });
    else if (features.annotations === 'comments')
      ops.push({ bytes: estimateBytes(2, address), queue: () => workbook.comments.getItemByCell(address).delete() });
  }
  if (inspection.record)
    ops.push({ bytes: estimateBytes(2, MARK_RECORD_KEY), queue: () => workbook.settings.getItemOrNullObject(MARK_RECORD_KEY).delete() });
  return ops;
}

/** What one mark write does: its ops in request order, the record it stores, and the notes it left out. */
export interface MarkPlan {
  ops: MarkOp[];
  record: MarkRecord;
  /** Cells marked only as 尾差 left without a note/comment: every note would not fit one request, and leaving these out saves one. */
  tailNotesOmitted: number;
}

interface PlannedAnnotation {
  sheet: string;
  /** Local A1 address. */
  local: string;
  /** The text written. */
  text: string;
  severity: Severity;
  op: MarkOp;
}

/**
 * The whole mark write: removal of the previous marks, the new rules (one per severity and area list on
 * ExcelApi 1.9, one per rectangle on 1.7), the record, then the notes/comments (last: a cell that gained a
 * user note meanwhile fails only that step).
 *
 * Policy: when everything fits one request of `budget` bytes it is all written. When it does not, the notes
 * of cells whose only marks are 尾差 are left out (those cells are still coloured by their rule, and the pane
 * lists their findings) if that saves a request; notes of cells with an error or warning are always kept.
 * Only if it still exceeds the budget does the write take several requests (packMarkOps). The record lists
 * only the notes written, so clearMarks removes exactly what was made.
 */
export function planMarkWrite(
  workbook: WorkbookSurface,
  features: ExcelFeatures,
  inspection: MarkInspection,
  cells: CellMark[],
  run: string,
  options: { now?: Date; budget?: number } = {},
): MarkPlan {
  const budget = options.budget ?? MARK_REQUEST_BUDGET;
  const now = options.now ?? new Date();
  const removal = removalOps(workbook, inspection, features);
  const known = new Set(inspection.sheets);
  const usable = cells.filter((c) => known.has(c.sheet));
  const ruleOps: MarkOp[] = [];
  const rules: RecordedRule[] = [];
  const bySheetSeverity = new Map<string, CellMark[]>();
  for (const c of usable) {
    const k = `${c.severity}\u0000${c.sheet}`;
    const group = bySheetSeverity.get(k);
    if (group) group.push(c);
    else bySheetSeverity.set(k, [c]);
  }
  const formula = markFormula(run);
  for (const group of bySheetSeverity.values()) {
    const { sheet, severity } = group[0];
    const ranges = cellsToRects(group).map(rectAddress);
    const color = argbToHex(MARK_FILL[severity]);
    // A rule's calls: worksheet, range(s), collection, add, rule formula, fill colour.
    const targets = features.rangeAreas ? addressLists(ranges) : ranges;
    for (const address of targets) {
      ruleOps.push({
        bytes: estimateBytes(6, sheet, address, formula, color),
        queue: () => {
          const ws = workbook.worksheets.getItem(sheet);
          const cf = (features.rangeAreas ? ws.getRanges(address) : ws.getRange(address)).conditionalFormats.add('Custom');
          cf.custom.rule.formula = formula;
          cf.custom.format.fill.color = color;
        },
      });
    }
    rules.push({ sheet, severity, ranges });
  }
  const kind = features.annotations;
  const writable = kind === 'none' ? [] : usable.filter((c) => !inspection.userAnnotatedCells.has(cellKey(c.sheet, c.row, c.col)));
  const planned: PlannedAnnotation[] = writable.map((c) => {
    const local = a1(c.row, c.col);
    const address = qualified(c.sheet, local);
    const text = ANNOTATION_PREFIX + c.messages.join('\n');
    return {
      sheet: c.sheet,
      local,
      text,
      severity: c.severity,
      op: {
        bytes: estimateBytes(2, address, text),
        queue: () => (kind === 'notes' ? workbook.notes.add(address, text) : workbook.comments.add(address, text)),
      },
    };
  });
  const withRecord = (notes: PlannedAnnotation[]): { record: MarkRecord; op: MarkOp | null } => {
    const bySheet = new Map<string, PlannedAnnotation[]>();
    for (const a of notes) {
      const list = bySheet.get(a.sheet);
      if (list) list.push(a);
      else bySheet.set(a.sheet, [a]);
    }
    const annotations: RecordedAnnotations[] = [...bySheet].map(([sheet, list]) => ({
      sheet,
      kind: kind as 'notes' | 'comments',
      notes: encodeNotes(list),
    }));
    const record = buildRecord(run, now, usable.length, rules, annotations);
    if (usable.length === 0) return { record, op: null };
    const value = JSON.stringify(record);
    return { record, op: { bytes: estimateBytes(2, MARK_RECORD_KEY, value), queue: () => workbook.settings.add(MARK_RECORD_KEY, value) } };
  };
  const assemble = (notes: PlannedAnnotation[]) => {
    const written = withRecord(notes);
    const ops = [...removal, ...ruleOps, ...(written.op ? [written.op] : []), ...notes.map((a) => a.op)];
    return { ops, record: written.record, tailNotesOmitted: planned.length - notes.length };
  };
  const full = assemble(planned);
  if (full.ops.reduce((n, op) => n + op.bytes, 0) <= budget) return full;
  const kept = planned.filter((a) => a.severity !== 'tail');
  if (kept.length === planned.length) return full;
  const reduced = assemble(kept);
  // Left out only when it saves a request (it may not, when the removal of earlier marks alone needs several).
  return packMarkOps(reduced.ops, budget).length < packMarkOps(full.ops, budget).length ? reduced : full;
}
