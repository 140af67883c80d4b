// Marks as conditional-format overlays: added over the flagged cells, recorded in the workbook, removed exactly.
// The user's own formats and conditional formats are never written; only rules carrying our tag are deleted.
//
// Writes are planned as RequestOps, each measured in the bytes it adds to the request (request-packer.ts),
// and packed into requests of at most REQUEST_BUDGET bytes: one request whenever the marks fit (the usual
// case). Past the budget the notes of 尾差-only cells are left out first when that saves a request
// (planMarkWrite); one more request per extra 4 MB only if it still does not fit, like the read, which
// splits only when the host refuses.
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
import { packRequests, REQUEST_BUDGET, WriteMeter, workbookOp, type RequestOp } from './request-packer';
import { argbToHex } from './units';

/** The deletion of every mark the inspection found (rules by id, annotations by cell) and of the record. */
export function removalOps(workbook: WorkbookSurface, inspection: MarkInspection, features: ExcelFeatures, meter = new WriteMeter()): RequestOp[] {
  const op = (write: (wb: WorkbookSurface) => void) => workbookOp(workbook, write, meter);
  const ops: RequestOp[] = [];
  for (const rule of inspection.ownRules)
    ops.push(op((wb) => wb.worksheets.getItem(rule.sheet).getRange().conditionalFormats.getItem(rule.id).delete()));
  for (const address of inspection.ownAnnotations) {
    if (features.annotations === 'notes') ops.push(op((wb) => wb.notes.getItem(address).delete()));
    else if (features.annotations === 'comments') ops.push(op((wb) => wb.comments.getItemByCell(address).delete()));
  }
  if (inspection.record) ops.push(op((wb) => wb.settings.getItemOrNullObject(MARK_RECORD_KEY).delete()));
  return ops;
}

/** What one mark write does: its ops packed into requests (in order), the record it stores, and the notes it left out. */
export interface MarkPlan {
  requests: RequestOp[][];
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
  op: RequestOp;
}

/**
 * The whole mark write: removal of the previous marks, the new rules (one per severity and area list on
 * ExcelApi 1.9, one per rectangle on 1.7), the record, then the notes/comments (last: a cell that gained a
 * user note meanwhile fails only that step).
 *
 * Policy: when everything fits one request of `budget` bytes it is all written. When it does not, the notes
 * of cells whose only marks are 尾差 are left out (those cells are still coloured by their rule, and the pane
 * lists their findings) if that saves a request; notes of cells with an error or warning are always kept.
 * Only if it still exceeds the budget does the write take several requests (packRequests). The record lists
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
  const budget = options.budget ?? REQUEST_BUDGET;
  const now = options.now ?? new Date();
  const meter = new WriteMeter();
  const op = (write: (wb: WorkbookSurface) => void) => workbookOp(workbook, write, meter);
  const removal = removalOps(workbook, inspection, features, meter);
  const known = new Set(inspection.sheets);
  const usable = cells.filter((c) => known.has(c.sheet));
  const ruleOps: RequestOp[] = [];
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
    const targets = features.rangeAreas ? addressLists(ranges) : ranges;
    for (const address of targets) {
      ruleOps.push(
        op((wb) => {
          const ws = wb.worksheets.getItem(sheet);
          const cf = (features.rangeAreas ? ws.getRanges(address) : ws.getRange(address)).conditionalFormats.add('Custom');
          cf.custom.rule.formula = formula;
          cf.custom.format.fill.color = color;
        }),
      );
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
      op: op((wb) => (kind === 'notes' ? wb.notes.add(address, text) : wb.comments.add(address, text))),
    };
  });
  const withRecord = (notes: PlannedAnnotation[]): { record: MarkRecord; op: RequestOp | null } => {
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
    return { record, op: op((wb) => wb.settings.add(MARK_RECORD_KEY, value)) };
  };
  const assemble = (notes: PlannedAnnotation[]) => {
    const written = withRecord(notes);
    const ops = [...removal, ...ruleOps, ...(written.op ? [written.op] : []), ...notes.map((a) => a.op)];
    return { ops, record: written.record, tailNotesOmitted: planned.length - notes.length };
  };
  // Each candidate is packed once; the port sends the chosen packing as it is.
  const packed = (a: ReturnType<typeof assemble>): MarkPlan => ({
    requests: packRequests(a.ops, budget),
    record: a.record,
    tailNotesOmitted: a.tailNotesOmitted,
  });
  const full = packed(assemble(planned));
  if (full.requests.length === 1) return full;
  const kept = planned.filter((a) => a.severity !== 'tail');
  if (kept.length === planned.length) return full;
  const reduced = packed(assemble(kept));
  // Left out only when it saves a request (it may not, when the removal of earlier marks alone needs several).
  return reduced.requests.length < full.requests.length ? reduced : full;
}
