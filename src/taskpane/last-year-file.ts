// Reads the workbook the officer picks as last year's (上年数) in the pane: the bytes of a file chosen in the
// pane's browser, through the ExcelJS file adapter, refused in Chinese when they cannot be an .xlsx. Loaded
// only when a file is picked, so the pane does not carry ExcelJS until then.
import { ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';
import { declaredSize, DEFAULT_MAX_TOTAL_MB, readZipDirectory } from '../adapters/file/zip-directory';
import type { WorkbookSnapshot } from '../port/snapshot';

export class LastYearFileError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_BYTES = DEFAULT_MAX_TOTAL_MB * 1024 * 1024;

/** Why these bytes cannot be last year's .xlsx, or null when they may be. */
export function lastYearFileProblem(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `上年数文件“${name}”是空文件。请选择上年的九张公开表或底稿（.xlsx）。`;
  if (OLE.every((b, i) => bytes[i] === b)) {
    return `上年数文件“${name}”是旧版 Excel（.xls）或设置了打开密码的工作簿。请在 Excel 或 WPS 中另存为 .xlsx（去掉打开密码）后再选择。`;
  }
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    return dir.problem === 'truncated'
      ? `上年数文件“${name}”不完整（ZIP 结构被截断）。请重新获取原文件后再选择。`
      : `上年数文件“${name}”不是 Excel 工作簿（.xlsx）。请选择上年的九张公开表或底稿（.xlsx）。`;
  }
  if (declaredSize(dir.entries) > MAX_BYTES) return `上年数文件“${name}”解压后超过 ${DEFAULT_MAX_TOTAL_MB} MB，无法读取。`;
  return null;
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
