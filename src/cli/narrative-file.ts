// Reads a 情况说明 file for `check --narrative`: a .docx (its raw text, through mammoth) or a .txt
// (UTF-8, or GB18030 as Chinese Windows editors save it). Every refusal is a Chinese message naming the file.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { NarrativeDocument } from '../core/narrative';
import { narrativeFromText } from '../app/narrative-check';

export class NarrativeFileError extends Error {}

/** The OLE2 signature of old Word (.doc), Excel (.xls) and other compound files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A .docx is a zip. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

function decodeText(buf: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw new NarrativeFileError(`无法读取“${path}”：文字编码既不是 UTF-8 也不是 GBK。请在记事本中另存为 UTF-8 编码后再试。`);
    }
  }
}

export async function readNarrativeFile(path: string): Promise<NarrativeDocument> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new NarrativeFileError(`找不到情况说明文件“${path}”。`);
  }
  if (info.isDirectory()) throw new NarrativeFileError(`“${path}”是一个文件夹；请指定情况说明的 .docx 或 .txt 文件。`);
  const buf = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (startsWith(buf, OLE)) {
    throw new NarrativeFileError(
      `“${path}”是旧版 Word 文档（.doc），无法读取。请在 Word 或 WPS 中“另存为” Word 文档（*.docx）或纯文本（*.txt）后再试。`,
    );
  }
  let text: string;
  let kind: 'docx' | 'txt';
  if (startsWith(buf, ZIP) || ext === '.docx') {
    kind = 'docx';
    try {
      // mammoth is loaded only for a .docx (it is large, and most checks have no 情况说明 file).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
      const mammoth = require('mammoth') as typeof import('mammoth');
      text = (await mammoth.extractRawText({ buffer: buf })).value;
    } catch (e) {
      throw new NarrativeFileError(
        `无法读取“${path}”：它不是有效的 Word 文档（.docx）（${String((e as Error).message ?? e).slice(0, 80)}）。请在 Word 中另存为 .docx 后再试。`,
      );
    }
  } else if (ext === '.txt' || ext === '') {
    kind = 'txt';
    text = decodeText(buf, path);
  } else {
    throw new NarrativeFileError(`不支持的情况说明文件“${path}”：请使用 Word 文档（.docx）或纯文本（.txt）。`);
  }
  if (text.trim() === '') throw new NarrativeFileError(`情况说明文件“${path}”中没有任何文字。`);
  return narrativeFromText(text, { kind, name: path });
}
