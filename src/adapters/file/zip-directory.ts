// The central directory of a zip file (an .xlsx is one), read without inflating anything: the names and the
// sizes each entry declares. PKWARE APPNOTE 4.3.12 (central header), 4.3.16 (end of central directory),
// 4.3.14/4.3.15 (ZIP64). Used to refuse a workbook that would inflate beyond a limit before a library parses it.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated, anything else unsupported. */
  method: number;
  compressedSize: number;
  /** As declared by the directory; checked against the data by verifyInflatedSizes. */
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** Bit 0 of the general-purpose flags: zip-level encryption. */
  encrypted: boolean;
}

/** 200 MB inflated: a consolidated department's workbook (3,000 项 rows, 200 绩效 tables) is under 30 MB. */
export const DEFAULT_MAX_TOTAL_MB = 200;

/** What the entries say they inflate to in all (a zip bomb declares its size, or is caught inflating). */
export function declaredSize(entries: readonly ZipEntry[]): number {
  return entries.reduce((s, e) => s + e.uncompressedSize, 0);
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: 'not-zip' | 'truncated' };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

export function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5 || data[2] === 7);
}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** The last end-of-central-directory record: searched backwards over at most a maximal comment. */
function findEocd(dv: DataView): number {
  const stop = Math.max(0, dv.byteLength - 22 - MAX_COMMENT);
  for (let i = dv.byteLength - 22; i >= stop; i--) if (dv.getUint32(i, true) === EOCD) return i;
  return -1;
}

function u64(dv: DataView, at: number): number {
  // Sizes beyond 2^53 are not real files; Number is exact below that.
  return Number(dv.getBigUint64(at, true));
}

export function readZipDirectory(data: Uint8Array): ZipDirectory {
  if (!looksLikeZip(data)) return { ok: false, problem: 'not-zip' };
  const dv = view(data);
  const eocd = data.length >= 22 ? findEocd(dv) : -1;
  if (eocd < 0) return { ok: false, problem: 'truncated' };
  let count = dv.getUint16(eocd + 10, true);
  let size = dv.getUint32(eocd + 12, true);
  let offset = dv.getUint32(eocd + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(dv, eocd - 20 + 8);
    if (at + 56 > data.length || dv.getUint32(at, true) !== ZIP64_EOCD) return { ok: false, problem: 'truncated' };
    count = u64(dv, at + 32);
    size = u64(dv, at + 40);
    offset = u64(dv, at + 48);
  }
  if (offset + size > data.length) return { ok: false, problem: 'truncated' };
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || dv.getUint32(p, true) !== CENTRAL) return { ok: false, problem: 'truncated' };
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > data.length) return { ok: false, problem: 'truncated' };
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extended information (header 0x0001): the fields that are 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = dv.getUint16(x, true);
      const len = dv.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          uncompressedSize = u64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          compressedSize = u64(dv, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= x + 4 + len) localOffset = u64(dv, q);
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset, encrypted: (flags & 1) === 1 });
    p = end;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed data starts (after its local header), or -1 when the file is cut short. */
export function entryDataOffset(data: Uint8Array, entry: ZipEntry): number {
  const dv = view(data);
  const at = entry.localOffset;
  if (at + 30 > data.length || dv.getUint32(at, true) !== 0x04034b50) return -1;
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  return start + entry.compressedSize > data.length ? -1 : start;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Why bytes picked in a browser cannot be an .xlsx, before any library inflates them; each caller words it. */
export type XlsxBytesProblem =
  | { kind: 'empty' }
  /** An .xls, or an .xlsx with an open password (both are OLE compound files). */
  | { kind: 'ole' }
  | { kind: 'not-zip' }
  | { kind: 'truncated' }
  | { kind: 'too-large'; inflated: number; limit: number };

export function xlsxBytesProblem(bytes: Uint8Array, maxInflated = DEFAULT_MAX_TOTAL_MB * 1024 * 1024): XlsxBytesProblem | null {
  if (bytes.length === 0) return { kind: 'empty' };
  if (OLE.every((b, i) => bytes[i] === b)) return { kind: 'ole' };
  // What the zip declares (a small file can inflate to gigabytes).
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return { kind: dir.problem };
  const inflated = declaredSize(dir.entries);
  return inflated > maxInflated ? { kind: 'too-large', inflated, limit: maxInflated } : null;
}
