// Builds zip files byte by byte for the reliability tests and the fuzz script: an .xlsx whose entries are
// copied from a real one, with one entry replaced, e.g. by a zip bomb made of one deflated block repeated
// (1 GB of spaces in about 1 MB, built without ever holding the 1 GB).
import { constants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { entryDataOffset, readZipDirectory } from '../../src/adapters/file/zip-directory';

export interface CraftEntry {
  name: string;
  /** 8 deflated, 0 stored. */
  method: number;
  /** The compressed data, in pieces (a piece may repeat: the same buffer listed many times). */
  pieces: Uint8Array[];
  /** What the directory declares. */
  size: number;
  crc: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A zip of `entries` (sizes below 4 GB, so no ZIP64). */
export function craftZip(entries: CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = e.pieces.reduce((s, p) => s + p.length, 0);
    const common = [u16(20), u16(0x0800), u16(e.method), u16(0), u16(0x21), u32(e.crc), u32(compressed), u32(e.size), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    parts.push(local, ...e.pieces.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
    offset += local.length + compressed;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(dir.length), u32(offset), u16(0)]);
  return Buffer.concat([...parts, dir, end]);
}

/** The entries of a real zip, as they are (compressed data copied, not re-deflated). */
export function entriesOf(zip: Uint8Array): CraftEntry[] {
  const dir = readZipDirectory(zip);
  if (!dir.ok) throw new Error('not a zip');
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return dir.entries.map((e) => {
    const start = entryDataOffset(zip, e);
    return {
      name: e.name,
      method: e.method,
      pieces: [zip.subarray(start, start + e.compressedSize)],
      size: e.uncompressedSize,
      crc: dv.getUint32(e.localOffset + 14, true),
    };
  });
}

/** A deflated entry of `text`. */
export function deflatedEntry(name: string, text: string): CraftEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 8, pieces: [deflateRawSync(data)], size: data.length, crc: crc32(data) };
}

function crc32(data: Buffer): number {
  return zlibCrc32(data);
}

const MB = 1024 * 1024;

/**
 * A worksheet entry that inflates to `head` then `megabytes` MB of spaces, as one 1 MB block deflated once and
 * listed `megabytes` times (full flushes make each copy stand alone). `declaredSize` is what the directory says:
 * the true size (an honest bomb) or less (a directory that lies). The CRC is not computed (0): nothing gets that far.
 */
export function bombEntry(name: string, head: string, megabytes: number, declaredSize?: number): CraftEntry {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const first = deflateRawSync(Buffer.from(head, 'utf8'), flush);
  const block = deflateRawSync(Buffer.alloc(MB, 0x20), flush);
  const last = deflateRawSync(Buffer.alloc(0));
  const pieces: Uint8Array[] = [first];
  for (let i = 0; i < megabytes; i++) pieces.push(block);
  pieces.push(last);
  const size = Buffer.byteLength(head) + megabytes * MB;
  return { name, method: 8, pieces, size: declaredSize ?? size, crc: 0 };
}

/** `zip` with the entry `name` replaced (or added). */
export function withEntry(zip: Uint8Array, entry: CraftEntry): Buffer {
  const entries = entriesOf(zip).filter((e) => e.name !== entry.name);
  return craftZip([...entries, entry]);
}

export const SHEET_HEAD = (dimension: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>`;
