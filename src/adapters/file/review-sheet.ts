// The file adapter's review store: our very hidden sheet (port/review-store.ts), rewritten whole.
import type ExcelJS from 'exceljs';
import type { ReviewRecord } from '../../core/review/record';
import { uniqueSheetName } from '../../port/port';
import { newStoreId, REVIEW_SHEET, storeColumn } from '../../port/review-store';

/** Replaces our store sheet (`current`, found by its header) with one holding these records; none → no sheet. */
export function writeReviewSheet(wb: ExcelJS.Workbook, current: string | null, records: ReviewRecord[]): void {
  const old = current ? wb.getWorksheet(current) : undefined;
  if (old) wb.removeWorksheet(old.id);
  if (records.length === 0) return;
  const name = uniqueSheetName(
    REVIEW_SHEET,
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name, { state: 'veryHidden' });
  storeColumn(records, newStoreId()).forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
  });
}
