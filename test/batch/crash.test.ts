// A worker thread that dies mid-batch costs only the file it was processing: that file gets a failure row with
// the internal-error message, every other file its normal row, in task order, and the batch still ends.
// The dying worker is test/batch/crash-worker.ts, run through runPool's test-only `workerScript` option.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runPool, type BatchRow, type BatchTask } from '../../src/cli/batch';
import { syntheticWorkload } from '../../src/synthetic';
import { writeWorkload } from '../../src/synthetic/file';

// Slow by nature, hence the long timeouts below: every test starts worker threads, and each new thread loads the
// sources through tsx and ExcelJS before its first file (about 1.3 s idle, several times that on a busy machine).
const CRASH_WORKER = join(__dirname, 'crash-worker.ts');
const INTERNAL = /^处理该文件时出现内部错误：/;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fa-crash-'));
  await writeWorkload(syntheticWorkload('small', 'tables', 21, '甲单位'), join(dir, 'valid.xlsx'));
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Check tasks for the named files, each a copy of the same valid workbook (a crash row is the crash, not the file). */
function tasks(names: string[]): BatchTask[] {
  return names.map((n) => {
    const file = join(dir, n);
    copyFileSync(join(dir, 'valid.xlsx'), file);
    return { kind: 'check', file };
  });
}

/** The pool's rows, or a failure naming the hang instead of a bare jest timeout. */
async function pool(list: BatchTask[], workers: number, fileTimeoutMs?: number): Promise<{ rows: BatchRow[]; done: string[] }> {
  const done: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('runPool did not resolve: the batch hangs after a worker crash')), 90000);
  });
  try {
    const rows = await Promise.race([
      runPool(list, { workers, workerScript: CRASH_WORKER, fileTimeoutMs, onDone: (r) => done.push(basename(r.file)) }),
      hang,
    ]);
    return { rows, done };
  } finally {
    clearTimeout(timer);
  }
}

function expectNormal(row: BatchRow): void {
  expect(row).toMatchObject({ status: 'ok', unit: '甲单位', year: 2024, errors: 0, performanceTables: 3 });
  expect(row.message).toBeUndefined();
}

describe('a worker that dies mid-batch', () => {
  test('among several files on 2 workers: an exit and an uncaught error each cost one file, the rest are checked', async () => {
    const names = ['01.xlsx', '02-崩溃-exit.xlsx', '03.xlsx', '04-崩溃-throw.xlsx', '05.xlsx', '06.xlsx'];
    const list = tasks(names);
    const { rows, done } = await pool(list, 2);
    // In task order, one row each, every row reported once through onDone.
    expect(rows.map((r) => basename(r.file))).toEqual(names);
    expect([...done].sort()).toEqual([...names].sort());
    expect(rows[1]).toMatchObject({ status: 'failed', unit: null, errors: 0, performanceTables: 0 });
    expect(rows[1].message).toMatch(INTERNAL);
    expect(rows[1].message).toMatch(/工作线程意外退出（代码 7）/);
    expect(rows[3]).toMatchObject({ status: 'failed', unit: null });
    expect(rows[3].message).toMatch(INTERNAL);
    expect(rows[3].message).toMatch(/测试：工作线程在处理 04-崩溃-throw\.xlsx 时崩溃/);
    for (const i of [0, 2, 4, 5]) expectNormal(rows[i]);
  }, 120000);

  test('one worker, crash on the first file: the replacement worker checks all the others', async () => {
    const names = ['a-崩溃-exit.xlsx', 'b.xlsx', 'c.xlsx'];
    const { rows } = await pool(tasks(names), 1);
    expect(rows.map((r) => basename(r.file))).toEqual(names);
    expect(rows[0].status).toBe('failed');
    expect(rows[0].message).toMatch(INTERNAL);
    expectNormal(rows[1]);
    expectNormal(rows[2]);
  }, 120000);

  test('a crash with only one task left ends the batch (one worker and two workers)', async () => {
    for (const workers of [1, 2]) {
      const names = [`w${workers}-a.xlsx`, `w${workers}-b.xlsx`, `w${workers}-c-崩溃-throw.xlsx`];
      const { rows } = await pool(tasks(names), workers);
      expect(rows.map((r) => basename(r.file))).toEqual(names);
      expectNormal(rows[0]);
      expectNormal(rows[1]);
      expect(rows[2].status).toBe('failed');
      expect(rows[2].message).toMatch(INTERNAL);
    }
  }, 120000);

  test('more workers than files: the crashed file fails, the other is checked, the batch ends', async () => {
    const names = ['x-崩溃-exit.xlsx', 'y.xlsx'];
    const { rows } = await pool(tasks(names), 4);
    expect(rows.map((r) => basename(r.file))).toEqual(names);
    expect(rows[0].status).toBe('failed');
    expect(rows[0].message).toMatch(INTERNAL);
    expectNormal(rows[1]);

    // A single file whose worker dies, with 3 workers asked for.
    const only = await pool(tasks(['only-崩溃-throw.xlsx']), 3);
    expect(only.rows).toHaveLength(1);
    expect(only.rows[0].status).toBe('failed');
    expect(only.rows[0].message).toMatch(INTERNAL);
  }, 120000);

  test('a worker stuck on one file is stopped at the time limit: that file fails with the time-out message, the rest are checked', async () => {
    // The limit must cover a worker's start (tsx compiles the sources in the test), so it is generous here.
    const names = ['t1.xlsx', 't2-卡住.xlsx', 't3.xlsx', 't4.xlsx'];
    const { rows, done } = await pool(tasks(names), 2, 8000);
    expect(rows.map((r) => basename(r.file))).toEqual(names);
    expect([...done].sort()).toEqual([...names].sort());
    expect(rows[1]).toMatchObject({ status: 'failed', unit: null, errors: 0 });
    expect(rows[1].message).toBe('处理该文件超过 8 秒仍未完成，已中止。文件可能异常庞大或结构异常，请单独检查。');
    for (const i of [0, 2, 3]) expectNormal(rows[i]);
  }, 120000);
});
