// Writes a synthetic workload as an .xlsx (ExcelJS), for the benchmarks and the batch tests.
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../adapters/file/exceljs-layout';
import type { Workload } from './index';

export function workloadWorkbook(w: Workload): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata: the same seed gives the same file content.
  wb.creator = '决算公开助手 synthetic';
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = new Date('2025-01-01T00:00:00Z');
  for (const layout of w.sheets) addLayoutSheet(wb, layout);
  return wb;
}

export async function workloadBuffer(w: Workload): Promise<Buffer> {
  return Buffer.from(await workloadWorkbook(w).xlsx.writeBuffer());
}

export async function writeWorkload(w: Workload, path: string): Promise<void> {
  await workloadWorkbook(w).xlsx.writeFile(path);
}
