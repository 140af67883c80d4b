// The page's 下载底稿模板: the same file `final-accounts template` writes (the template sheets of
// src/app/template.ts in a new workbook, through adapters/file/layout-workbook.ts).
import { layoutWorkbook } from '../adapters/file/layout-workbook';
import { workingTemplate } from '../app/template';

export const TEMPLATE_FILE_NAME = '决算底稿模板.xlsx';

export async function templateWorkbookBytes(): Promise<Uint8Array> {
  return (await layoutWorkbook(workingTemplate())).bytes;
}
