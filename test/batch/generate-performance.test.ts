// Batch generate reports the 绩效自评 tables of the input workbook (they are carried into the output unchanged):
// their count and the 总分 that do not match, as `check` of the same file does; and it writes the same sheets
// as the single-file runGenerate, from one read of the input.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { runBatch, runTask } from '../../src/cli/batch';
import { runGenerate } from '../../src/cli/generate-file';
import { syntheticWorkload } from '../../src/synthetic';
import { workloadWorkbook, writeWorkload } from '../../src/synthetic/file';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fa-batch-perf-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  // 九张表 + 3 绩效 tables (2 项目, 1 部门整体), all 总分 right.
  await writeWorkload(syntheticWorkload('small', 'tables', 31, '甲单位'), join(input, 'a-甲单位.xlsx'));
  // 底稿 + the same 3 绩效 tables, with the first 总分 printed 5 points too high.
  const wb = workloadWorkbook(syntheticWorkload('small', 'workings', 32, '乙单位'));
  const total = wb.worksheets.flatMap((ws) => ws.getRows(1, ws.rowCount) ?? []).find((r) => r.getCell(1).value === '总分');
  if (!total) throw new Error('no 总分 row in the synthetic workbook');
  total.getCell(8).value = Number(total.getCell(8).value) + 5;
  await wb.xlsx.writeFile(join(input, 'b-乙单位底稿.xlsx'));
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const name = (f: string) => f.split(/[\\/]/).pop();

test('generate rows count the 绩效 tables of the input and their 总分 issues, as check rows do', async () => {
  const io = { out: () => {}, err: () => {} };
  const generated = await runBatch({ kind: 'generate', folder: join(dir, 'in'), outDir: join(dir, 'out'), workers: 2 }, io);
  const checked = await runBatch({ kind: 'check', folder: join(dir, 'in'), outDir: join(dir, 'summary'), workers: 0 }, io);
  const g = Object.fromEntries(generated.rows.map((r) => [name(r.file), r]));
  const c = Object.fromEntries(checked.rows.map((r) => [name(r.file), r]));
  expect(g['a-甲单位.xlsx']).toMatchObject({ status: 'ok', addedSheets: 10, errors: 0, performanceTables: 3, totalIssues: 0 });
  expect(g['b-乙单位底稿.xlsx']).toMatchObject({ status: 'ok', addedSheets: 10, errors: 0, performanceTables: 3, totalIssues: 1 });
  for (const f of ['a-甲单位.xlsx', 'b-乙单位底稿.xlsx']) {
    expect([g[f].performanceTables, g[f].totalIssues]).toEqual([c[f].performanceTables, c[f].totalIssues]);
  }
  // In the totals line and the summary files too.
  const json = JSON.parse(readFileSync(generated.jsonPath, 'utf8'));
  expect(json.totals.totalIssues).toBe(1);
  const csv = readFileSync(generated.csvPath, 'utf8') as string;
  expect(csv).toMatch(/\r\nb-乙单位底稿\.xlsx,底稿,乙单位,2024,完成,0,\d+,\d+,3,1,10,b-乙单位底稿-公开表\.xlsx,,\d+\r\n/);
}, 120000);

test('a batch generate row writes the same sheets as runGenerate', async () => {
  const input = join(dir, 'in', 'b-乙单位底稿.xlsx');
  const single = join(dir, 'single.xlsx');
  const outDir = join(dir, 'out-same');
  mkdirSync(outDir);
  const expected = await runGenerate(input, single);
  const row = await runTask({ kind: 'generate', file: input, outDir });
  expect(row.addedSheets).toBe(expected.addedSheets.length);
  const read = async (path: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return workbookSnapshot(wb).sheets;
  };
  const [a, b] = await Promise.all([read(single), read(row.output!)]);
  expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name));
  expect(b).toEqual(a);
}, 120000);
