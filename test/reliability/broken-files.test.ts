// Files that are not a readable .xlsx, or too large to read safely, are refused before ExcelJS parses them,
// with their cause in Chinese, the file named, exit code 2 and no library text (that only with --verbose).
// #14 points 4 (bounds) and 6 (messages).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { inspectWorkbook } from '../../src/adapters/file/inspect-workbook';
import { ROOT } from '../helpers/example';
import { oleFile } from './ole-craft';
import { bombEntry, deflatedEntry, SHEET_HEAD, withEntry } from './zip-craft';
import { runCli } from '../helpers/cli';

const SMALL = readFileSync(join(ROOT, 'examples', 'shanghai-putuo-czj-2024.xlsx'));
const tmp = mkdtempSync(join(tmpdir(), 'fa-broken-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, data: Uint8Array | string): string {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
}

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(entries)) z.file(name, text);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** What a refused file must look like: exit 2, the file named, the cause, nothing in English. */
async function expectRefused(path: string, cause: RegExp, extra: string[] = []) {
  const r = await runCli(['check', path, ...extra]);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain(`无法读取“${path}”`);
  expect(r.err).toMatch(cause);
  // No library text: no English error words, no stack, no URL (ZIP and .xlsx are part of the Chinese causes).
  expect(r.err).not.toMatch(/Error|Invalid|Corrupt|entity|at async|undefined|jszip|https?:|NaN|Infinity/i);
  return r;
}

const SHEET1 = 'xl/worksheets/sheet1.xml';

describe('files that are not an .xlsx', () => {
  it('text, CSV and a random binary are told apart from a damaged workbook', async () => {
    await expectRefused(file('text.xlsx', '这不是一个工作簿'), /它不是 \.xlsx 工作簿（\.xlsx 是 ZIP 格式/);
    await expectRefused(file('csv.xlsx', '单位,金额\n甲,12\n'), /它是文本文件（如 CSV、HTML 或 XML）/);
    await expectRefused(file('html.xls.xlsx', '<html><table><tr><td>1</td></tr></table></html>'), /它是文本文件/);
    await expectRefused(file('empty.xlsx', ''), /文件是空的（0 字节）/);
  });

  it('a zip cut short (a download interrupted) is 文件不完整, at any cut', async () => {
    for (const cut of [10, Math.floor(SMALL.length / 3), SMALL.length - 5]) {
      await expectRefused(file(`cut-${cut}.xlsx`, SMALL.subarray(0, cut)), /文件不完整（ZIP 目录缺失或被截断）/);
    }
  });

  it('an OLE container with EncryptionInfo is a password-protected workbook, without it an .xls', async () => {
    await expectRefused(file('password.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage'])), /工作簿设置了打开密码（已加密）.*删除密码/);
    await expectRefused(file('old.xlsx', oleFile(['Workbook', 'SummaryInformation'])), /旧版 Excel 97-2003 工作簿（\.xls）/);
    await expectRefused(file('doc.xlsx', oleFile(['WordDocument'])), /旧版 Office 文档（OLE 复合文档/);
  });

  it('.xlsb, .ods, .docx and a zip without a workbook are named for what they are', async () => {
    await expectRefused(file('b.xlsx', await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'x' })), /Excel 二进制工作簿（\.xlsb）/);
    await expectRefused(
      file('o.xlsx', await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' })),
      /OpenDocument 表格（\.ods）/,
    );
    await expectRefused(file('w.xlsx', await zipOf({ 'word/document.xml': '<w/>' })), /Word 文档（\.docx）/);
    await expectRefused(file('z.xlsx', await zipOf({ 'a.txt': 'hello' })), /ZIP 压缩包，但其中没有 Excel 工作簿/);
  });

  it('a workbook whose XML is broken or declares an entity: a Chinese cause, the library text only with --verbose', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;&undefinedentity;</workbook>';
    const path = file('xxe.xlsx', withEntry(SMALL, deflatedEntry('xl/workbook.xml', xxe)));
    const plain = await expectRefused(path, /工作簿内部的 XML 已损坏或含有不允许的内容|工作簿已损坏/);
    const verbose = await runCli(['check', path, '--verbose']);
    expect(verbose.code).toBe(2);
    expect(verbose.err).toContain(plain.err);
    expect(verbose.err).toMatch(/（详细信息：.*[A-Za-z]{4}/);
  });
});

describe('bounds: refused before parsing', () => {
  it('a 1 MB zip whose sheet inflates to 1 GB is refused from its directory, naming the limit', async () => {
    const bomb = withEntry(SMALL, bombEntry(SHEET1, SHEET_HEAD('A1'), 1024));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = await expectRefused(file('bomb.xlsx', bomb), /解压后超过 1025 MB，超出上限 200 MB（可用 --max-size 调整）/);
    expect(r.err).toContain('bomb.xlsx');
  });

  it('a directory that understates the size is caught while inflating, one byte past the declared size', async () => {
    const liar = withEntry(SMALL, bombEntry(SHEET1, SHEET_HEAD('A1'), 1024, 20_000));
    const refusal = await inspectWorkbook(liar);
    expect(refusal).toMatchObject({ reason: 'too-large' });
    expect(refusal?.cause).toContain(`“${SHEET1}”解压后比 ZIP 目录声明的大`);
    await expectRefused(file('liar.xlsx', liar), /解压后比 ZIP 目录声明的大/);
  });

  it('a sheet beyond the cell limit is refused by its <dimension> and size; --max-size lowers the size limit', async () => {
    // 1,000,000 rows × 26 columns declared, and 30 MB of sheet XML: about 3 million cells by its size.
    const big = withEntry(SMALL, bombEntry(SHEET1, SHEET_HEAD('A1:Z1000000'), 30));
    await expectRefused(file('rows.xlsx', big), /工作表文件“sheet1”约有 3,145,\d{3} 个单元格，超出上限 2,000,000 个/);
    // A small sheet that claims a huge dimension is read: the estimate takes the smaller bound.
    const claims = withEntry(SMALL, deflatedEntry('xl/worksheets/sheet9.xml', `${SHEET_HEAD('A1:XFD1048576')}</sheetData></worksheet>`));
    expect(await inspectWorkbook(claims)).toBeNull();
    await expectRefused(file('rows-20.xlsx', big), /解压后超过 31 MB，超出上限 20 MB/, ['--max-size', '20']);
    const good = file('good.xlsx', SMALL);
    expect((await runCli(['check', good, '--max-size', 'abc'])).err).toContain('--max-size 应为解压后的大小上限');
    expect((await runCli(['check', good])).code).not.toBe(2);
  });

  it('--timeout stops a single-file check that runs too long, writes nothing, and leaves a quick one as it was', async () => {
    const good = file('quick.xlsx', SMALL);
    const direct = await runCli(['check', good, '--json']);
    const timed = await runCli(['check', good, '--json', '--timeout', '120']);
    expect(timed.code).toBe(direct.code);
    expect(JSON.parse(timed.out)).toEqual(JSON.parse(direct.out));
    // A sheet of 400,000 cells, under every limit, takes far longer than 1 s to parse (and the worker's start alone is close to it).
    const rows = Array.from(
      { length: 40_000 },
      (_, r) =>
        `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r + c}</v></c>`).join('')}</row>`,
    ).join('');
    const slow = file('slow.xlsx', withEntry(SMALL, deflatedEntry(SHEET1, `${SHEET_HEAD('A1:J40000')}${rows}</sheetData></worksheet>`)));
    const marked = join(tmp, 'slow-marked.xlsx');
    const r = await runCli(['check', slow, '--marked', marked, '--timeout', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`处理“${slow}”超过 1 秒仍未完成，已中止（--timeout 1）`);
    expect(existsSync(marked)).toBe(false);
    expect((await runCli(['check', slow, '--timeout', 'x'])).err).toContain('--timeout 应为秒数');
  }, 120_000);
});
