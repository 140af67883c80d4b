// Reads the workbook the officer picks as last year's (上年数) in the pane: the bytes of a file chosen in the
// pane's browser, through the ExcelJS file adapter, refused in Chinese when they cannot be an .xlsx. Loaded
// only when a file is picked, so the pane does not carry ExcelJS until then.
import { ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';
import { DEFAULT_MAX_TOTAL_MB, xlsxBytesProblem } from '../adapters/file/zip-directory';
import type { WorkbookSnapshot } from '../port/snapshot';

export class LastYearFileError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** Why these bytes cannot be last year's .xlsx, or null when they may be. */
export function lastYearFileProblem(name: string, bytes: Uint8Array): string | null {
  const problem = xlsxBytesProblem(bytes);
  switch (problem?.kind) {
    case undefined:
      return null;
    case 'empty':
      return `上年数文件“${name}”是空文件。请选择上年的九张公开表或底稿（.xlsx）。`;
    case 'ole':
      return `上年数文件“${name}”是旧版 Excel（.xls）或设置了打开密码的工作簿。请在 Excel 或 WPS 中另存为 .xlsx（去掉打开密码）后再选择。`;
    case 'truncated':
      return `上年数文件“${name}”不完整（ZIP 结构被截断）。请重新获取原文件后再选择。`;
    case 'not-zip':
      return `上年数文件“${name}”不是 Excel 工作簿（.xlsx）。请选择上年的九张公开表或底稿（.xlsx）。`;
    case 'too-large':
      return `上年数文件“${name}”解压后超过 ${DEFAULT_MAX_TOTAL_MB} MB，无法读取。`;
  }
}

export async function readLastYearFile(name: string, bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const problem = lastYearFileProblem(name, bytes);
  if (problem) throw new LastYearFileError(problem);
  let port: ExcelJsWorkbookPort;
  try {
    port = await ExcelJsWorkbookPort.fromBuffer(bytes);
  } catch {
    throw new LastYearFileError(`无法读取上年数文件“${name}”：文件可能已损坏。请在 Excel 或 WPS 中打开它、另存为 .xlsx 后再选择。`);
  }
  return port.readSnapshot();
}
