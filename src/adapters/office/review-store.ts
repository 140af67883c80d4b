// The review store inside Excel (port/review-store.ts): our very hidden sheet, column A. Read with the
// snapshot (readSnapshot splits it off); written through the request packer, so that a check's record goes
// out in the same requests as its marks (office-port applyMarks), within REQUEST_BUDGET.
import type { ReviewRecord } from '../../core/review/record';
import { uniqueSheetName } from '../../port/port';
import { EMPTY_STORE, newStoreId, REVIEW_SHEET, storeColumn, storeFromColumn, storeIdOf, type ReviewStore } from '../../port/review-store';
import type { CellValue } from '../../port/snapshot';
import type { ExcelContextSurface, WorkbookSurface, WorksheetSurface } from './excel-surface';
import type { RequestPacker } from './request-packer';

/** Rows written per op: a large record is split so that the packer can spread it over requests. */
export const REVIEW_ROWS_PER_OP = 500;

/**
 * Queues on `packer` the writes that make our store hold these records: the existing sheet rewritten (rows it
 * no longer needs blanked), or a new very hidden sheet. No records and no store: nothing. `sheets`: the
 * workbook's sheet names.
 */
export function queueReviewStore(packer: RequestPacker, store: ReviewStore, records: ReviewRecord[], sheets: string[]): void {
  if (records.length === 0 && !store.sheet) return;
  const column: string[] = storeColumn(records, newStoreId());
  while (column.length < store.rows) column.push('');
  const name = store.sheet ?? uniqueSheetName(REVIEW_SHEET, sheets);
  let sheet: WorksheetSurface | null = null;
  // The sheet: found or made by the first op that runs, reused by the later ones (as write-sheets does).
  const target = (wb: WorkbookSurface, made: () => WorksheetSurface | null) => {
    const earlier = made();
    if (earlier) return earlier;
    if (store.sheet) return wb.worksheets.getItem(name);
    const ws = wb.worksheets.add(name);
    ws.visibility = 'VeryHidden';
    return ws;
  };
  for (let start = 0; start < column.length; start += REVIEW_ROWS_PER_OP) {
    const rows = column.slice(start, start + REVIEW_ROWS_PER_OP).map((v) => [v]);
    const first = start === 0;
    const write = (ws: WorksheetSurface) => {
      ws.getRangeByIndexes(start, 0, rows.length, 1).values = rows;
    };
    packer.addOps([
      {
        bytes: packer.meter.measureWith((wb, made) => target(wb, () => (first ? null : (made() as WorksheetSurface))), write),
        queue: () => {
          sheet = target(packer.workbook, () => sheet);
          write(sheet);
        },
      },
    ]);
  }
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
