// Looks at a file before ExcelJS parses it: what it is (an .xlsx, or an .xls, a password-protected workbook,
// an .xlsb, an .ods, a damaged or cut-short zip …) and how large it would become once inflated. A file that is
// not an .xlsx, or beyond the limits, is refused here with its cause in Chinese, so no library error and no
// unbounded inflation reaches the user.
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_MAX_TOTAL_MB, declaredSize, entryDataOffset, readZipDirectory, type ZipEntry } from './zip-directory';

export interface ReadLimits {
  /** Total uncompressed size of the zip's entries, bytes. */
  maxTotalBytes: number;
  /** Cells one worksheet may hold (estimated from its <dimension> and its size). */
  maxSheetCells: number;
}

export { DEFAULT_MAX_TOTAL_MB };
/** Two million cells on one sheet: thirty times the largest real workbook seen (about 60,000). */
export const DEFAULT_MAX_SHEET_CELLS = 2_000_000;

export const DEFAULT_LIMITS: ReadLimits = { maxTotalBytes: DEFAULT_MAX_TOTAL_MB * 1024 * 1024, maxSheetCells: DEFAULT_MAX_SHEET_CELLS };

export type RefusalReason =
  | 'empty'
  | 'not-zip'
  | 'text'
  | 'truncated'
  | 'encrypted'
  | 'xls'
  | 'ole'
  | 'xlsb'
  | 'ods'
  | 'other-office'
  | 'not-workbook'
  | 'too-large'
  | 'too-many-cells'
  | 'damaged';

export interface Refusal {
  reason: RefusalReason;
  /** The cause in Chinese, one or two sentences, without the file name (the caller names the file). */
  cause: string;
}

const SAVE_AS = '请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿 (*.xlsx)”后再试。';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** A UTF-16LE name in an OLE directory (stream names are stored so). */
function hasUtf16(data: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(needle);
}

function mb(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

/** The cause for a file that is not a zip: an OLE container (encrypted .xlsx or .xls), text, or unknown. */
function notZipCause(data: Uint8Array): Refusal {
  if (startsWith(data, OLE_MAGIC)) {
    // Excel saves a password-protected .xlsx as an OLE container with EncryptionInfo and EncryptedPackage.
    if (hasUtf16(data, 'EncryptionInfo') || hasUtf16(data, 'EncryptedPackage')) {
      return {
        reason: 'encrypted',
        cause: '工作簿设置了打开密码（已加密），无法读取。请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删除密码并保存后再试。',
      };
    }
    if (hasUtf16(data, 'Workbook') || hasUtf16(data, 'Book')) {
      return { reason: 'xls', cause: `它是旧版 Excel 97-2003 工作簿（.xls），本工具只读 .xlsx。${SAVE_AS}` };
    }
    return { reason: 'ole', cause: `它是旧版 Office 文档（OLE 复合文档，如 .xls 或 .doc），不是 .xlsx 工作簿。${SAVE_AS}` };
  }
  const head = Buffer.from(data.subarray(0, 512)).toString('utf8').trimStart();
  if (looksLikeText(head)) {
    return { reason: 'text', cause: `它是文本文件（如 CSV、HTML 或 XML），不是 .xlsx 工作簿（有些系统导出的“.xls”其实是网页或文本）。${SAVE_AS}` };
  }
  return { reason: 'not-zip', cause: `它不是 .xlsx 工作簿（.xlsx 是 ZIP 格式，此文件不是）。${SAVE_AS}` };
}

/** Markup, JSON, or lines with separators, and no control characters (binary data has them). */
function looksLikeText(head: string): boolean {
  const binary = [...head].some((ch) => ch.charCodeAt(0) < 9 || (ch.charCodeAt(0) > 13 && ch.charCodeAt(0) < 32));
  return !binary && (/^[<{]/.test(head) || /[,\t;].*\n/.test(head));
}

/** What a zip holds if not an .xlsx: an .xlsb, an .ods, a Word or PowerPoint file. */
function packageCause(names: Set<string>): Refusal | null {
  if (names.has('xl/workbook.xml')) return null;
  if (names.has('xl/workbook.bin')) return { reason: 'xlsb', cause: `它是 Excel 二进制工作簿（.xlsb），本工具只读 .xlsx。${SAVE_AS}` };
  if (names.has('content.xml') && names.has('mimetype'))
    return { reason: 'ods', cause: `它是 OpenDocument 表格（.ods），本工具只读 .xlsx。${SAVE_AS}` };
  if (names.has('word/document.xml')) return { reason: 'other-office', cause: '它是 Word 文档（.docx），不是 Excel 工作簿。请选择 .xlsx 文件。' };
  if (names.has('ppt/presentation.xml'))
    return { reason: 'other-office', cause: '它是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿。请选择 .xlsx 文件。' };
  return { reason: 'not-workbook', cause: `它是 ZIP 压缩包，但其中没有 Excel 工作簿（xl/workbook.xml）。${SAVE_AS}` };
}

interface Inflated {
  /** Bytes the entry inflated to, up to one past its declared size. */
  size: number;
  /** The first bytes of the inflated data (for a worksheet's <dimension>). */
  head: string;
  failed: boolean;
  /** The inflated data, when within the declared size. */
  bytes: Uint8Array | null;
}

const HEAD_BYTES = 4096;

/**
 * Inflates one entry into at most its declared size: a directory that understates a size (a crafted bomb) is
 * caught with at most that much work and memory (zlib stops at maxOutputLength). Synchronous: one call per
 * entry costs far less than a stream's events, and the bytes can be kept for the lean read (lean-snapshot.ts).
 */
function inflateBounded(data: Uint8Array, entry: ZipEntry): Inflated {
  const start = entryDataOffset(data, entry);
  if (start < 0) return { size: 0, head: '', failed: true, bytes: null };
  const body = data.subarray(start, start + entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === 0) bytes = body;
  else if (entry.method !== 8) return { size: 0, head: '', failed: true, bytes: null };
  else {
    try {
      bytes = inflateRawSync(body, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (e) {
      // More than declared: said as one byte past the declared size, as the caller checks.
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { size: entry.uncompressedSize + 1, head: '', failed: false, bytes: null };
      return { size: 0, head: '', failed: true, bytes: null };
    }
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('utf8');
  return { size: bytes.length, head, failed: false, bytes };
}

/** Cells of a <dimension ref="A1:K3000">, or null when the sheet does not say. */
export function dimensionCells(xmlHead: string): number | null {
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/.exec(xmlHead);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Math.abs(Number(m[4] ?? m[2]) - Number(m[2])) + 1;
  const cols = Math.abs(col(m[3] ?? m[1]) - col(m[1])) + 1;
  return rows * cols;
}

/** A real cell takes at least this many bytes of sheet XML (`<c r="A1"><v>1</v></c>` is 21). */
const MIN_BYTES_PER_CELL = 10;

function sheetName(path: string): string {
  return path.replace(/^xl\/worksheets\//, '').replace(/\.xml$/, '');
}

/**
 * Null when `data` is an .xlsx within the limits; otherwise why it is refused. Reads the zip directory, then
 * inflates each entry without keeping it, so that neither the directory nor the data can lie about the size.
 */
export async function inspectWorkbook(
  data: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
  /** When given, receives each entry's inflated bytes by name (the lean read reuses them instead of inflating again). */
  parts?: Map<string, Uint8Array>,
): Promise<Refusal | null> {
  if (data.length === 0) return { reason: 'empty', cause: '文件是空的（0 字节），不是有效的 .xlsx 工作簿。' };
  const dir = readZipDirectory(data);
  if (!dir.ok) {
    if (dir.problem === 'not-zip') return notZipCause(data);
    return { reason: 'truncated', cause: '文件不完整（ZIP 目录缺失或被截断），可能下载或复制时中断。请重新获取原文件后再试。' };
  }
  const packaged = packageCause(new Set(dir.entries.map((e) => e.name)));
  if (packaged) return packaged;
  if (dir.entries.some((e) => e.encrypted)) {
    return { reason: 'encrypted', cause: '工作簿中的内容经过加密，无法读取。请去掉密码后另存为 .xlsx 再试。' };
  }
  const tooLarge = (total: number): Refusal => ({
    reason: 'too-large',
    cause: `解压后超过 ${mb(total)}，超出上限 ${mb(limits.maxTotalBytes)}（可用 --max-size 调整）。文件可能异常或被恶意构造；正常的决算工作簿解压后不超过几十 MB。`,
  });
  const declared = declaredSize(dir.entries);
  if (declared > limits.maxTotalBytes) return tooLarge(declared);
  let total = 0;
  for (const entry of dir.entries) {
    if (entry.name.endsWith('/')) continue;
    const inflated = inflateBounded(data, entry);
    if (inflated.failed) return damaged();
    if (parts && inflated.bytes) parts.set(entry.name, inflated.bytes);
    total += inflated.size;
    if (inflated.size > entry.uncompressedSize || total > limits.maxTotalBytes) {
      return inflated.size > entry.uncompressedSize
        ? { reason: 'too-large', cause: `文件中的“${entry.name}”解压后比 ZIP 目录声明的大，文件已损坏或被恶意构造，未读取。` }
        : tooLarge(total);
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const byDimension = dimensionCells(inflated.head);
      const bySize = Math.floor(inflated.size / MIN_BYTES_PER_CELL);
      const cells = byDimension === null ? bySize : Math.min(byDimension, bySize);
      if (cells > limits.maxSheetCells) {
        return {
          reason: 'too-many-cells',
          cause: `工作表文件“${sheetName(entry.name)}”约有 ${cells.toLocaleString('en-US')} 个单元格，超出上限 ${limits.maxSheetCells.toLocaleString('en-US')} 个。请删除多余的行列（如整列填充的格式或公式）后另存再试。`,
        };
      }
    }
  }
  return null;
}

function damaged(): Refusal {
  return { reason: 'damaged', cause: '文件已损坏（其中的压缩数据无法解开），可能下载或复制时出错。请重新获取原文件后再试。' };
}
