// Writes an example workbook with fixed metadata, so that rebuilding gives the same file content.
import ExcelJS from 'exceljs';

export async function writeBook(path: string, fill: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算公开助手 examples';
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = new Date('2025-01-01T00:00:00Z');
  fill(wb);
  await wb.xlsx.writeFile(path);
  console.log(`wrote ${path}`);
}
