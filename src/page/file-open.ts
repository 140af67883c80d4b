// Opening a picked or dropped file in the browser, with the reasons a file cannot be read in Chinese.
import { DEFAULT_MAX_TOTAL_MB, xlsxBytesProblem } from '../adapters/file/zip-directory';
import { PageWorkbookPort } from './page-port';

export class FileOpenError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** Why these bytes cannot be an .xlsx workbook, or null when they may be one. */
export function notAWorkbook(name: string, bytes: Uint8Array): string | null {
  const problem = xlsxBytesProblem(bytes, PAGE_MAX_INFLATED_BYTES);
  switch (problem?.kind) {
    case undefined:
      return null;
    case 'empty':
      return `“${name}”是空文件，无法读取。请选择填好公开表的 .xlsx 工作簿。`;
    case 'ole':
      return `“${name}”是旧版 Excel（.xls）文件或设置了打开密码的工作簿，本页只能读取 .xlsx。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx），如有打开密码请先去掉，再选择新文件。`;
    case 'not-zip':
      return `“${name}”不是 Excel 工作簿（.xlsx），无法读取。请选择 .xlsx 文件；.xls、.et、.csv 等请先在 Excel 或 WPS 中另存为 .xlsx。`;
    case 'truncated':
      return `“${name}”不完整（ZIP 结构被截断），可能下载或复制时出错。请重新获取原文件后再试。`;
    case 'too-large': {
      const mb = (b: number) => `${Math.ceil(b / (1024 * 1024))} MB`;
      return `“${name}”解压后有 ${mb(problem.inflated)}，超出本页可读取的上限 ${mb(problem.limit)}。请删除多余的行列或拆分工作簿后再试。`;
    }
  }
}

/** The inflated size the page reads at most (the CLI's default --max-size; the page cannot inflate to count). */
export const PAGE_MAX_INFLATED_BYTES = DEFAULT_MAX_TOTAL_MB * 1024 * 1024;

export async function openWorkbookFile(name: string, bytes: Uint8Array): Promise<PageWorkbookPort> {
  const why = notAWorkbook(name, bytes);
  if (why) throw new FileOpenError(why);
  try {
    return await PageWorkbookPort.open(name, bytes);
  } catch {
    throw new FileOpenError(`无法读取“${name}”：文件可能已损坏，或不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开它、另存为 .xlsx 后再试。`);
  }
}

/** 原文件名-公开表.xlsx */
export function generatedFileName(original: string, suffix = '公开表', extension = '.xlsx'): string {
  const base = original.replace(/\.[^.\\/]*$/, '') || '工作簿';
  return `${base}-${suffix}${extension}`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Saves bytes as a file through the browser's download (nothing leaves the machine). */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
