// A new workbook holding only the given sheet layouts (the 底稿 template of `final-accounts template` and the
// page's 下载底稿模板): one path, so both write the same file.
import ExcelJS from 'exceljs';
import type { SheetLayout } from '../../port/layout';
import { addLayoutSheet } from './exceljs-layout';

export async function layoutWorkbook(layouts: SheetLayout[]): Promise<{ bytes: Uint8Array; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  const names = layouts.map((layout) => addLayoutSheet(wb, layout).name);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), names };
}
