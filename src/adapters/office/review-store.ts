// The review store inside Excel (port/review-store.ts): our very hidden sheet, column A. Read with the
// snapshot (readSnapshot splits it off); written as MarkOps, so that a check's record goes out in the same
// request as its marks (office-port applyMarks), within MARK_REQUEST_BUDGET.
import type { ReviewRecord } from '../../core/review/record';
import { uniqueSheetName } from '../../port/port';
import { EMPTY_STORE, newStoreId, REVIEW_SHEET, storeColumn, storeFromColumn, storeIdOf, type ReviewStore } from '../../port/review-store';
import type { CellValue } from '../../port/snapshot';
import type { ExcelContextSurface, WorkbookSurface, WorksheetSurface } from './excel-surface';
import { estimateBytes, type MarkOp } from './marks';

/** Rows written per op: a large record is split so that the packer can spread it over requests. */
export const REVIEW_ROWS_PER_OP = 500;

/**
 * The writes that make our store hold these records: the existing sheet rewritten (rows it no longer needs
 * blanked), or a new very hidden sheet. No records and no store: nothing. `sheets`: the workbook's sheet names.
 */
export function reviewStoreOps(workbook: WorkbookSurface, store: ReviewStore, records: ReviewRecord[], sheets: string[]): MarkOp[] {
  if (records.length === 0 && !store.sheet) return [];
  const column: string[] = storeColumn(records, newStoreId());
  while (column.length < store.rows) column.push('');
  const name = store.sheet ?? uniqueSheetName(REVIEW_SHEET, sheets);
  let sheet: WorksheetSurface | null = null;
  const target = () =>
    (sheet ??= store.sheet
      ? workbook.worksheets.getItem(name)
      : (() => {
          const ws = workbook.worksheets.add(name);
          ws.visibility = 'VeryHidden';
          return ws;
        })());
  const ops: MarkOp[] = [];
  for (let start = 0; start < column.length; start += REVIEW_ROWS_PER_OP) {
    const rows = column.slice(start, start + REVIEW_ROWS_PER_OP).map((v) => [v]);
    ops.push({
      bytes: estimateBytes(3, name, rows),
      queue: () => {
        target().getRangeByIndexes(start, 0, rows.length, 1).values = rows;
      },
    });
  }
  return ops;
}

/** Finds and reads our store (3 syncs: names, every A1, our column A); EMPTY when there is none. */
export async function readReviewStore(ctx: ExcelContextSurface): Promise<ReviewStore> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const heads = sheets.items.map((ws) => {
    const r = ws.getRange('A1');
    r.load('values');
    return { ws, r };
  });
  await ctx.sync();
  const ours = heads.find((h) => storeIdOf(h.r.values[0]?.[0]) !== null);
  if (!ours) return EMPTY_STORE;
  const used = ours.ws.getUsedRangeOrNullObject(true);
  used.load('values,rowCount');
  await ctx.sync();
  const column = used.isNullObject ? [] : used.values.map((line) => (line[0] ?? null) as CellValue);
  return storeFromColumn(ours.ws.name, column);
}
