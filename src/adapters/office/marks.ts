// Marks as conditional-format overlays: added over the flagged cells, recorded in the workbook, removed exactly.
// The user's own formats and conditional formats are never written; only rules carrying our tag are deleted.
import type { Severity } from '../../core/findings';
import { MARK_FILL, type Mark } from '../../port/port';
import { addressLists, cellsToRects, qualified, rectAddress } from './addresses';
import type { ExcelFeatures } from './api-support';
import type { ConditionalFormatCollectionSurface, ExcelContextSurface, WorkbookSurface } from './excel-surface';
import {
  ANNOTATION_PREFIX,
  MARK_RECORD_KEY,
  markFormula,
  type MarkRecord,
  type RecordedAnnotation,
  type RecordedRule,
} from './mark-record';
import { cellKey, type MarkInspection } from './read-workbook';
import { argbToHex } from './units';

const RANK: Record<Severity, number> = { error: 0, warning: 1, tail: 2 };

export interface CellMark {
  sheet: string;
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
}

/** One entry per cell: the worst severity, every distinct message. */
export function groupMarksByCell(marks: Mark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const m of marks) {
    const k = cellKey(m.cell.sheet, m.cell.row, m.cell.col);
    const cur = byCell.get(k);
    if (!cur) byCell.set(k, { ...m.cell, severity: m.severity, messages: [m.message] });
    else {
      if (RANK[m.severity] < RANK[cur.severity]) cur.severity = m.severity;
      if (!cur.messages.includes(m.message)) cur.messages.push(m.message);
    }
  }
  return [...byCell.values()];
}

/** Queues the deletion of every mark the inspection found (rules by id, annotations by cell) and of the record. */
export function queueRemoval(workbook: WorkbookSurface, inspection: MarkInspection, features: ExcelFeatures): void {
  for (const rule of inspection.ownRules) {
    workbook.worksheets.getItem(rule.sheet).getRange().conditionalFormats.getItem(rule.id).delete();
  }
  for (const address of inspection.ownAnnotations) {
    if (features.annotations === 'notes') workbook.notes.getItem(address).delete();
    else if (features.annotations === 'comments') workbook.comments.getItemByCell(address).delete();
  }
  if (inspection.record) workbook.settings.getItemOrNullObject(MARK_RECORD_KEY).delete();
}

/**
 * Queues the new marks (one rule per severity and area list on ExcelApi 1.9, one per rectangle on 1.7),
 * the record, then the notes/comments (last: a cell that gained a user note meanwhile fails only that step).
 */
export function queueMarks(
  context: ExcelContextSurface,
  features: ExcelFeatures,
  inspection: MarkInspection,
  cells: CellMark[],
  run: string,
  now: Date = new Date(),
): MarkRecord {
  const wb = context.workbook;
  const known = new Set(inspection.sheets);
  const usable = cells.filter((c) => known.has(c.sheet));
  const rules: RecordedRule[] = [];
  const bySheetSeverity = new Map<string, CellMark[]>();
  for (const c of usable) {
    const k = `${c.severity}\u0000${c.sheet}`;
    bySheetSeverity.set(k, [...(bySheetSeverity.get(k) ?? []), c]);
  }
  const formula = markFormula(run);
  for (const group of bySheetSeverity.values()) {
    const { sheet, severity } = group[0];
    const ws = wb.worksheets.getItem(sheet);
    const ranges = cellsToRects(group).map(rectAddress);
    const color = argbToHex(MARK_FILL[severity]);
    const targets: ConditionalFormatCollectionSurface[] = features.rangeAreas
      ? addressLists(ranges).map((list) => ws.getRanges(list).conditionalFormats)
      : ranges.map((r) => ws.getRange(r).conditionalFormats);
    for (const target of targets) {
      const cf = target.add('Custom');
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = color;
    }
    rules.push({ sheet, severity, ranges });
  }
  const annotations: RecordedAnnotation[] = [];
  const kind = features.annotations;
  const writable = kind === 'none' ? [] : usable.filter((c) => !inspection.userAnnotatedCells.has(cellKey(c.sheet, c.row, c.col)));
  for (const c of writable) annotations.push({ sheet: c.sheet, address: rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col }), kind: kind as 'notes' | 'comments' });
  const record: MarkRecord = { version: 1, run, createdAt: now.toISOString(), cells: usable.length, rules, annotations };
  if (usable.length > 0) wb.settings.add(MARK_RECORD_KEY, JSON.stringify(record));
  writable.forEach((c, i) => {
    const text = ANNOTATION_PREFIX + c.messages.join('\n');
    const address = qualified(c.sheet, annotations[i].address);
    if (kind === 'notes') wb.notes.add(address, text);
    else wb.comments.add(address, text);
  });
  return record;
}
