// Runs batch tasks on a pool of worker threads, one file per task; a crashed worker costs its one file
// (that file gets a failure row) and is replaced, and so does a worker that takes longer than the time
// limit on one file (it is stopped). Rows come back in the order of the tasks.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { emptyRow, runTask, type BatchRow, type BatchTask } from './task';

export interface PoolOptions {
  /** Worker threads; 0 runs the tasks in this thread (one at a time). Default: the machine's cores. */
  workers?: number;
  onDone?: (row: BatchRow, done: number, total: number) => void;
  /**
   * Tests only: the worker entry to run instead of worker.js / worker.ts (a .ts path runs through tsx), so that a
   * test can make a worker die on a given file (test/batch/crash-worker.ts). Not exposed by runBatch or the CLI.
   */
  workerScript?: string;
  /**
   * Time limit per file on a worker (ms): a file still unfinished after it gets a failure row and its worker is
   * stopped and replaced, so one pathological workbook cannot hold up the batch. Default DEFAULT_FILE_TIMEOUT_MS;
   * 0 means none. (With workers: 0 the tasks run in this thread, where nothing can stop them: no limit.)
   */
  fileTimeoutMs?: number;
}

/** Ample: a consolidated department's workbook (3,000 项 rows, 200 绩效 tables) takes a few seconds. */
export const DEFAULT_FILE_TIMEOUT_MS = 5 * 60 * 1000;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A worker running the compiled worker.js, or (from the TypeScript sources: tests, tsx) worker.ts via tsx;
 * `script` another entry (the single-file --timeout run, src/cli/timed-run.ts), with its `workerData`.
 */
export function spawnWorker(script?: string, workerData?: unknown): Worker {
  const js = join(__dirname, 'worker.js');
  const entry = script ?? (existsSync(js) ? js : join(__dirname, 'worker.ts'));
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}

function crashRow(task: BatchTask, message: string): BatchRow {
  return emptyRow(task.file, 'failed', `处理该文件时出现内部错误：${message.slice(0, 200)}`, 0);
}

function timeoutRow(task: BatchTask, ms: number): BatchRow {
  return emptyRow(task.file, 'failed', `处理该文件超过 ${Math.round(ms / 1000)} 秒仍未完成，已中止。文件可能异常庞大或结构异常，请单独检查。`, ms);
}

export async function runPool(tasks: BatchTask[], options: PoolOptions = {}): Promise<BatchRow[]> {
  const rows: BatchRow[] = new Array(tasks.length);
  let done = 0;
  const finish = (i: number, row: BatchRow) => {
    rows[i] = row;
    done += 1;
    options.onDone?.(row, done, tasks.length);
  };
  const count = Math.min(options.workers ?? defaultWorkers(), tasks.length);
  if (count <= 0) {
    for (let i = 0; i < tasks.length; i++) finish(i, await runTask(tasks[i]));
    return rows;
  }
  const limit = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  let next = 0;
  await new Promise<void>((resolveAll) => {
    let live = 0;
    const start = () => {
      if (next >= tasks.length) {
        if (live === 0) resolveAll();
        return;
      }
      live += 1;
      const worker = spawnWorker(options.workerScript);
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (next >= tasks.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, task: tasks[current] });
        if (limit > 0) {
          timer = setTimeout(() => {
            // Stopped: the row says why; 'exit' then replaces the worker (current is -1, so no second row).
            finish(current, timeoutRow(tasks[current], limit));
            current = -1;
            void worker.terminate();
          }, limit);
        }
      };
      worker.on('message', (msg: { id: number; row?: BatchRow; error?: string }) => {
        // A late answer for a file already given up on (timed out) is dropped.
        if (msg.id !== current) return;
        clearTimeout(timer);
        finish(msg.id, msg.row ?? crashRow(tasks[msg.id], msg.error ?? ''));
        feed();
      });
      const lost = (message: string) => {
        clearTimeout(timer);
        if (current >= 0) finish(current, crashRow(tasks[current], message));
        current = -1;
      };
      worker.on('error', (e) => lost(e.message));
      worker.on('exit', (code) => {
        if (current >= 0) lost(`工作线程意外退出（代码 ${code}）`);
        live -= 1;
        // Replace a lost worker while work remains; finish when the last one ends.
        if (next < tasks.length) start();
        else if (live === 0) resolveAll();
      });
      feed();
    };
    for (let k = 0; k < count; k++) start();
  });
  return rows;
}
