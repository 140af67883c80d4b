// The lean read path for `check`: the snapshot straight from the sheet XML (values, shared strings, merges,
// number formats), without ExcelJS's styled object model. It gives exactly the snapshot the full load gives
// (test/adapters/lean-snapshot.test.ts compares them); where it cannot promise that — an unusual structure,
// a marked copy (our record sheet is left out by the full path), XML the tokenizer does not handle — it returns
// null and the caller does the full load, which also gives the library's own error for a damaged file.
import { inflateRawSync } from 'node:zlib';
import type { SheetSnapshot, WorkbookSnapshot } from '../../port/snapshot';
import { NAME_PATTERN } from './marks-record';
import { readSheetXml } from './lean/sheet-xml';
import { parseRels, parseSharedStrings, parseStyles, parseWorkbookXml } from './lean/workbook-parts';
import { LeanBail } from './lean/xml-scan';
import { entryDataOffset, readZipDirectory, type ZipEntry } from './zip-directory';

// ExcelJS parses a zip entry as a worksheet only when its name matches this (lib/xlsx/xlsx.js).
const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml/;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function entryText(data: Uint8Array, entry: ZipEntry, parts: Map<string, Uint8Array> | undefined): string {
  const kept = parts?.get(entry.name);
  if (kept) return decode(kept);
  const start = entryDataOffset(data, entry);
  if (start < 0) throw new LeanBail('entry');
  const body = data.subarray(start, start + entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === 0) bytes = body;
  else if (entry.method === 8) bytes = inflateRawSync(body, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  else throw new LeanBail('compression method');
  return decode(bytes);
}

function decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new LeanBail('not UTF-8');
  }
}

function validSheetName(name: string): boolean {
  return name !== '' && name !== 'History' && name.length <= 31 && !/[*?:/\\[\]]/.test(name) && !/(^')|('$)/.test(name);
}

/**
 * The snapshot of an .xlsx already inspected (inspect-workbook.ts), or null when the full load must decide.
 * `parts`: the entries the inspection inflated, by name (else they are inflated here).
 */
export function leanSnapshot(data: Uint8Array, parts?: Map<string, Uint8Array>): WorkbookSnapshot | null {
  try {
    return readLean(data, parts);
  } catch {
    // A LeanBail, or zlib's error on damaged data: the full load decides (and words any error); nothing is guessed.
    return null;
  }
}

function readLean(data: Uint8Array, parts: Map<string, Uint8Array> | undefined): WorkbookSnapshot | null {
  const dir = readZipDirectory(data);
  if (!dir.ok) return null;
  const entries = new Map<string, ZipEntry>();
  for (const e of dir.entries) {
    if (e.name.endsWith('/')) continue;
    const name = e.name[0] === '/' ? e.name.slice(1) : e.name;
    if (entries.has(name)) return null;
    entries.set(name, e);
  }
  const text = (name: string): string | null => {
    const e = entries.get(name);
    return e ? entryText(data, e, parts) : null;
  };
  const workbookXml = text('xl/workbook.xml');
  const relsXml = text('xl/_rels/workbook.xml.rels');
  const stylesXml = text('xl/styles.xml');
  if (workbookXml === null || relsXml === null || stylesXml === null) return null;
  const book = parseWorkbookXml(workbookXml);
  if (book.definedNames.some((n) => NAME_PATTERN.test(n))) return null;
  const rels = parseRels(relsXml);
  const styles = parseStyles(stylesXml);
  const ssXml = text('xl/sharedStrings.xml');
  const ctx = { styles, sharedStrings: ssXml === null ? null : parseSharedStrings(ssXml), date1904: book.date1904 };

  const ids = new Set<number>();
  const names = new Set<string>();
  const paths = new Set<string>();
  const sheets: SheetSnapshot[] = [];
  for (const s of book.sheets) {
    const target = s.rId === undefined ? undefined : rels.get(s.rId);
    if (target === undefined) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!WORKSHEET_ENTRY.test(path) || !entries.has(path)) continue; // a chartsheet, or no such part: ExcelJS skips it
    if (!(s.id >= 1) || ids.has(s.id) || paths.has(path) || !validSheetName(s.name) || names.has(s.name.toLowerCase())) return null;
    ids.add(s.id);
    paths.add(path);
    names.add(s.name.toLowerCase());
    sheets.push(readSheetXml(text(path)!, s.name, ctx));
  }
  return { sheets };
}
