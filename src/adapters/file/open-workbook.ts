// Opens an .xlsx file or buffer for the CLI and its batch workers: inspected first (inspect-workbook.ts), then
// parsed by ExcelJS. Every failure is a WorkbookOpenError with its cause in Chinese; the library's own text is
// kept apart (`detail`), for --verbose only. ExcelJS (about 150 modules) is loaded on the first full load only,
// so that a command that does not need it (a lean `check`, see read-snapshot.ts) never loads it.
import { readFile, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { DEFAULT_LIMITS, inspectWorkbook, type ReadLimits, type RefusalReason } from './inspect-workbook';

export class WorkbookOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: RefusalReason | 'missing' | 'folder',
    /** The cause in Chinese, without the file name. */
    readonly cause: string,
    /** The library's own message, if any (shown with --verbose). */
    readonly detail?: string,
  ) {
    super(`无法读取“${file}”：${cause}`);
  }
}

/** The library's message as a Chinese cause: what the user can do about it. */
export function libraryCause(e: unknown): { reason: RefusalReason; cause: string } {
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || /Invalid (string|array) length|allocation failed|out of memory/i.test(text)) {
    return { reason: 'too-large', cause: '工作簿太大，读取时超出了可用内存。请删除多余的行列或拆分工作簿后再试。' };
  }
  if (/entity|DOCTYPE|xml|tag|attribute|Unexpected|sax/i.test(text)) {
    return {
      reason: 'damaged',
      cause: '工作簿内部的 XML 已损坏或含有不允许的内容（如外部实体），无法读取。请在 Excel 中打开并另存为 .xlsx 后再试。',
    };
  }
  if (/zip|central|signature|end of data|corrupt|crc|inflate|compress/i.test(text)) {
    return { reason: 'damaged', cause: '文件已损坏（ZIP 结构不完整），可能下载或复制时出错。请重新获取原文件后再试。' };
  }
  return { reason: 'damaged', cause: '工作簿已损坏或结构不符合 .xlsx 规范，无法读取。请在 Excel 中打开并另存为 .xlsx 后再试。' };
}

/** Inspects `data` and parses it; `file` names it in messages. */
export async function loadWorkbook(data: Uint8Array, file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  const refusal = await inspectWorkbook(data, limits);
  if (refusal) throw new WorkbookOpenError(file, refusal.reason, refusal.cause);
  return parseWorkbook(data, file);
}

/** Parses bytes already inspected (readWorkbookBytes, loadWorkbook) with ExcelJS. */
export async function parseWorkbook(data: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
  const ExcelJSLib = require('exceljs') as typeof ExcelJS;
  const wb = new ExcelJSLib.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const { reason, cause } = libraryCause(e);
    throw new WorkbookOpenError(file, reason, cause, e instanceof Error ? e.message : String(e));
  }
  return wb;
}

/** Reads and opens `path`; a file already larger than the inflated limit is refused without reading it. */
export async function openWorkbookFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  return parseWorkbook(await readWorkbookBytes(path, limits), path);
}

/**
 * The bytes of `path`, inspected (inspect-workbook.ts): refused with a WorkbookOpenError, never half read.
 * `parts` receives the entries the inspection inflated (for the lean read).
 */
export async function readWorkbookBytes(path: string, limits: ReadLimits = DEFAULT_LIMITS, parts?: Map<string, Uint8Array>): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new WorkbookOpenError(path, 'folder', '它是一个文件夹；请指定一个 .xlsx 文件。');
    size = s.size;
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw e;
    throw new WorkbookOpenError(path, 'missing', '找不到文件。', e instanceof Error ? e.message : String(e));
  }
  if (size > limits.maxTotalBytes) {
    const mb = (b: number) => `${Math.ceil(b / (1024 * 1024))} MB`;
    throw new WorkbookOpenError(path, 'too-large', `文件有 ${mb(size)}，超出上限 ${mb(limits.maxTotalBytes)}（可用 --max-size 调整）。`);
  }
  const data = new Uint8Array(await readFile(path));
  const refusal = await inspectWorkbook(data, limits, parts);
  if (refusal) throw new WorkbookOpenError(path, refusal.reason, refusal.cause);
  return data;
}
