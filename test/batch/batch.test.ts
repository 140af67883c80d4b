// The folder batch: valid units among a corrupt file, an empty file and a workbook with no tables; each bad
// file is reported in its own row and error line, the others are checked / generated in full, on worker threads.
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/app/check';
import { runBatch, runTask } from '../../src/cli/batch';
import { snapshotOf } from '../helpers/example';
import { main } from '../../src/cli/main';
import { syntheticWorkload } from '../../src/synthetic';
import { writeWorkload } from '../../src/synthetic/file';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fa-batch-'));
  await writeWorkload(syntheticWorkload('small', 'tables', 11, '甲单位'), join(dir, 'a-甲单位.xlsx'));
  await writeWorkload(syntheticWorkload('small', 'workings', 12, '乙单位'), join(dir, 'b-乙单位底稿.xlsx'));
  // A zip cut in half: the start of a real workbook, then nothing.
  const whole = readFileSync(join(dir, 'a-甲单位.xlsx'));
  writeFileSync(join(dir, 'c-损坏.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(join(dir, 'd-空文件.xlsx'), Buffer.alloc(0));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('备忘').addRows([['会议纪要'], ['今天讨论了预算编制进度。']]);
  await wb.xlsx.writeFile(join(dir, 'e-没有表.xlsx'));
  writeFileSync(join(dir, 'notes.txt'), 'not a workbook');
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('batch check of a folder', () => {
  test('every .xlsx gets a row; the corrupt, empty and table-less files are reported, the valid ones checked', async () => {
    const { out, err, io } = capture();
    const summaryDir = join(dir, 'summary-check');
    const result = await runBatch({ kind: 'check', folder: dir, outDir: summaryDir, workers: 2 }, io);
    const byName = Object.fromEntries(result.rows.map((r) => [r.file.split(/[\\/]/).pop(), r]));
    expect(Object.keys(byName).sort()).toEqual(['a-甲单位.xlsx', 'b-乙单位底稿.xlsx', 'c-损坏.xlsx', 'd-空文件.xlsx', 'e-没有表.xlsx']);

    const a = byName['a-甲单位.xlsx'];
    expect(a).toMatchObject({ status: 'ok', unit: '甲单位', year: 2024, errors: 0, warnings: 0, performanceTables: 3, totalIssues: 0 });
    expect(a.tails).toBeGreaterThan(0);
    expect(a.kind).toBe('tables');
    // A 底稿 workbook is said to be one, and checked as working sheets: not nine "table not found" errors.
    expect(byName['b-乙单位底稿.xlsx']).toMatchObject({ status: 'ok', kind: 'workings', errors: 0, message: expect.stringContaining('底稿') });
    expect(byName['c-损坏.xlsx']).toMatchObject({ status: 'failed' });
    expect(byName['c-损坏.xlsx'].message).toMatch(/无法读取：文件不完整/);
    expect(byName['d-空文件.xlsx']).toMatchObject({ status: 'failed', message: expect.stringMatching(/空的/) });
    expect(byName['e-没有表.xlsx']).toMatchObject({ status: 'no-tables', kind: 'unknown', performanceTables: 0, errors: 0 });
    expect(byName['c-损坏.xlsx'].kind).toBe('unknown');

    // One error line per failed file, naming it.
    expect(err.filter((l) => l.startsWith('错误：c-损坏.xlsx'))).toHaveLength(1);
    expect(err.filter((l) => l.startsWith('错误：d-空文件.xlsx'))).toHaveLength(1);
    expect(err).toHaveLength(2);
    expect(out.join('\n')).toMatch(/共 5 个文件：完成 2，失败 2，无可识别的表 1/);
    expect(result.exitCode).toBe(2);

    const csv = readFileSync(result.csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('文件,类型,单位,年度,状态,错误,提示,尾差,绩效自评表数,绩效总分问题,说明,用时(毫秒)');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^a-甲单位\.xlsx,公开表,甲单位,2024,完成,0,0,\d+,3,0,,\d+$/);
    expect(lines[2]).toMatch(/^b-乙单位底稿\.xlsx,底稿,乙单位,2024,完成,0,/);
    expect(lines.slice(3).map((l) => l.split(',')[1])).toEqual(['无法识别', '无法识别', '无法识别']);
    // The totals count only real findings: the 底稿 file adds none.
    expect(result.rows.reduce((n, r) => n + r.errors, 0)).toBe(0);
    const json = JSON.parse(readFileSync(result.jsonPath, 'utf8'));
    expect(json.totals).toMatchObject({ files: 5, ok: 2, failed: 2, noTables: 1, workings: 1, errors: 0 });
    expect(json.rows.map((r: { status: string }) => r.status)).toEqual(['ok', 'ok', 'failed', 'failed', 'no-tables']);
  }, 120000);

  test('a second run does not overwrite the first summary', async () => {
    const summaryDir = join(dir, 'summary-twice');
    const first = await runBatch({ kind: 'check', folder: dir, outDir: summaryDir, workers: 0 }, capture().io);
    const second = await runBatch({ kind: 'check', folder: dir, outDir: summaryDir, workers: 0 }, capture().io);
    expect(second.csvPath).not.toBe(first.csvPath);
    expect(readdirSync(summaryDir).sort()).toEqual(['批量检查汇总(2).csv', '批量检查汇总(2).json', '批量检查汇总.csv', '批量检查汇总.json']);
  }, 120000);
});

describe('batch generate of a folder', () => {
  test('generates from the nine tables and from the working sheets; bad files are rows, not a stop', async () => {
    const outDir = join(dir, 'out');
    const { err, io } = capture();
    const result = await runBatch({ kind: 'generate', folder: dir, outDir, workers: 2 }, io);
    const byName = Object.fromEntries(result.rows.map((r) => [r.file.split(/[\\/]/).pop(), r]));
    // The 绩效 tables of the input are counted (they are carried into the output unchanged).
    // addedSheets: the nine tables and the 情况说明 draft.
    expect(byName['a-甲单位.xlsx']).toMatchObject({ status: 'ok', addedSheets: 10, errors: 0, unit: '甲单位', performanceTables: 3, totalIssues: 0 });
    expect(byName['a-甲单位.xlsx'].kind).toBe('tables');
    expect(byName['b-乙单位底稿.xlsx']).toMatchObject({
      status: 'ok',
      kind: 'workings',
      addedSheets: 10, // the nine tables and the 情况说明 draft
      errors: 0,
      unit: '乙单位',
      performanceTables: 3,
      totalIssues: 0,
    });
    expect(byName['c-损坏.xlsx'].status).toBe('failed');
    expect(byName['d-空文件.xlsx'].status).toBe('failed');
    expect(byName['e-没有表.xlsx'].status).toBe('no-tables');
    expect(err).toHaveLength(2);
    const files = readdirSync(outDir).sort();
    expect(files).toEqual(['a-甲单位-公开表.xlsx', 'b-乙单位底稿-公开表.xlsx', '批量生成汇总.csv', '批量生成汇总.json']);
    // The generated tables check clean on their own; the only errors are the draft 情况说明's unfilled 【请填写…】 (N6).
    const generated = join(outDir, 'b-乙单位底稿-公开表.xlsx');
    const again = await runTask({ kind: 'check', file: generated });
    expect(again).toMatchObject({ status: 'ok', kind: 'tables', unit: '乙单位' });
    const report = checkWorkbook(await snapshotOf(generated));
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((f) => f.rule !== 'N6' || !f.message.includes('【请填写'))).toEqual([]);
    expect(again).toMatchObject({ errors: errors.length });
  }, 120000);
});

describe('CLI dispatch', () => {
  test('check <folder> runs the batch; generate <folder> without -o is refused', async () => {
    const c = capture();
    expect(await main(['check', dir, '-o', join(dir, 'summary-cli'), '--workers', '1', '--timeout', '120', '--quiet'], c.io)).toBe(2);
    expect(c.out.join('\n')).toMatch(/共 5 个文件/);
    const g = capture();
    expect(await main(['generate', dir], g.io)).toBe(2);
    expect(g.err.join('\n')).toMatch(/-o/);
    const t = capture();
    expect(await main(['check', dir, '--timeout', '半小时'], t.io)).toBe(2);
    expect(t.err.join('\n')).toContain('--timeout 应为秒数（整数），而不是“半小时”');
  }, 120000);
});

describe('where the batch writes', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  test('without -o the summary goes to the current folder, never into the folder checked', async () => {
    const here = mkdtempSync(join(tmpdir(), 'fa-batch-cwd-'));
    try {
      process.chdir(here);
      const before = readdirSync(dir).sort();
      const result = await runBatch({ kind: 'check', folder: dir, workers: 0, quiet: true }, capture().io);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(readdirSync(here).sort()).toEqual(['批量检查汇总.csv', '批量检查汇总.json']);
      expect(result.csvPath.startsWith(realpathSync(here)) || result.csvPath.startsWith(here)).toBe(true);
    } finally {
      process.chdir(cwd);
      rmSync(here, { recursive: true, force: true });
    }
  }, 120000);

  test('run from inside the folder checked, or with -o naming it, the batch is refused and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    process.chdir(dir);
    const inside = capture();
    expect(await main(['check', '.', '--workers', '0'], inside.io)).toBe(2);
    expect(inside.err.join('\n')).toContain('请用 -o 指定另一个文件夹');
    process.chdir(cwd);
    const named = capture();
    expect(await main(['check', dir, '-o', dir, '--workers', '0'], named.io)).toBe(2);
    expect(named.err.join('\n')).toContain('输出文件夹不能与输入文件夹相同');
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60000);
});
