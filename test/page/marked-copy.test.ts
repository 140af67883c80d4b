// The page's 下载标记副本 is the file `final-accounts check --marked` writes: the same sheets, values, fills and
// notes, cell by cell, for the example and for a file that already carries a marked copy's record.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PaneController } from '../../src/taskpane/pane-controller';
import { openWorkbookFile } from '../../src/page/file-open';
import { FUZHOU_XLSX } from '../helpers/example';
import { runCli } from '../helpers/cli';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'marked-copy-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * The records' headers hold a random id, new on every write (two CLI runs differ in it too); a review record
 * also holds when and by whom it was written, and its seal over those.
 */
function sameId(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value !== 'string') return value;
  if (/^\{"kind":"final-accounts-(marks|review)"/.test(value)) return value.replace(/"id":"[^"]+"/, '"id":"…"');
  if (value.startsWith('{"id":') && value.includes('"sum":')) return value.replace(/"(time|user|sum)":"[^"]*"/g, '"$1":"…"');
  return value;
}

/** Every cell of every sheet (hidden ones too): value, fill and note; the sheets' names and states. */
function cellsOf(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(`sheet ${ws.name} ${ws.state}`);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) =>
        out.push(`${ws.name}!${c.address} ${JSON.stringify([sameId(c.value), c.fill ?? null, c.note ?? null])}`),
      ),
    );
  }
  return out;
}

async function pageMarkedCopy(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const port = await openWorkbookFile(name, bytes);
  const controller = new PaneController({ port });
  await controller.check();
  // A second check on the page replaces the first one's marks; the copy is still the CLI's.
  await controller.check();
  return port.markedCopy();
}

async function cliMarkedCopy(input: string, out: string): Promise<Buffer> {
  const r = await runCli(['check', input, '--marked', out]);
  expect(r.err).toBe('');
  return readFileSync(out);
}

test('the example: the page’s marked copy = check --marked, cell by cell', async () => {
  const cli = await load(await cliMarkedCopy(FUZHOU_XLSX, join(tmp, 'cli.xlsx')));
  const page = await load(await pageMarkedCopy('fuzhou-gxj-2024.xlsx', new Uint8Array(readFileSync(FUZHOU_XLSX))));
  const a = cellsOf(page);
  const b = cellsOf(cli);
  expect(a.length).toBe(b.length);
  expect(a.filter((x, i) => x !== b[i]).slice(0, 5)).toEqual([]);
  // It is a marked copy: the finding's cell is filled and carries its message.
  const g71 = page.getWorksheet('绩效自评11-20')!.getCell('G71');
  expect((g71.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(JSON.stringify(g71.note)).toContain('年度资金总额执行率印为71.17%');
  // The comparison sees a difference when there is one.
  expect(cellsOf(await load(readFileSync(FUZHOU_XLSX))).length).not.toBe(b.length);
}, 120_000);

test('a file that is already a marked copy: both keep its record the same way', async () => {
  const input = join(tmp, 'already-marked.xlsx');
  await cliMarkedCopy(FUZHOU_XLSX, input);
  const cli = await load(await cliMarkedCopy(input, join(tmp, 'again.xlsx')));
  const page = await load(await pageMarkedCopy('already-marked.xlsx', new Uint8Array(readFileSync(input))));
  const a = cellsOf(page);
  const b = cellsOf(cli);
  expect(a.filter((x, i) => x !== b[i]).slice(0, 5)).toEqual([]);
  expect(a.length).toBe(b.length);
}, 120_000);
