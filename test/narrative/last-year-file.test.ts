// The pane's reading of a picked 上年数 file (src/taskpane/last-year-file.ts): a real .xlsx through the ExcelJS
// file adapter; anything that cannot be one is refused in Chinese naming the file, before any parsing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLastYear } from '../../src/app/last-year';
import { LastYearFileError, readLastYearFile } from '../../src/taskpane/last-year-file';
import { FUZHOU_XLSX, ROOT } from '../helpers/example';

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await readLastYearFile(name, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(LastYearFileError);
    return (e as LastYearFileError).userMessage;
  }
  throw new Error('not refused');
}

test('a real workbook of tables is read and gives last year’s tables through app/last-year.ts', async () => {
  const snapshot = await readLastYearFile('上年.xlsx', new Uint8Array(readFileSync(FUZHOU_XLSX)));
  const read = readLastYear(snapshot, '上年.xlsx');
  expect(read.source).toBe('tables');
  expect(Object.keys(read.accounts!.tables).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
});

test('empty, old .xls, not a zip, cut short: each refused in Chinese with the file name', async () => {
  const xlsx = new Uint8Array(readFileSync(join(ROOT, 'examples', 'fuzhou-gxj-2024-workings.xlsx')));
  expect(await refusal('空.xlsx', new Uint8Array())).toContain('上年数文件“空.xlsx”是空文件');
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  expect(await refusal('旧.xls', ole)).toContain('是旧版 Excel（.xls）');
  expect(await refusal('说明.txt', new TextEncoder().encode('上年数'))).toContain('“说明.txt”不是 Excel 工作簿');
  expect(await refusal('半个.xlsx', xlsx.slice(0, Math.floor(xlsx.length / 2)))).toContain('“半个.xlsx”不完整');
});
