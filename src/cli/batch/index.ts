// `final-accounts check <folder>` and `final-accounts generate <folder> -o <outdir>`: every .xlsx of a folder,
// on worker threads, a progress bar on a terminal, a summary table printed and written as CSV and JSON.
// One bad file gives its error line and a row in the summary; it never stops the batch.
import { writeNewFile } from '../output-file';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { PerformanceOptions } from '../../core/performance';
import { defaultWorkers, runPool } from './pool';
import { ProgressBar, type ProgressStream } from './progress';
import { summaryCsv, summaryTable, totalsOf, type BatchSummaryJson } from './summary';
import type { BatchRow, BatchTask } from './task';

export { runTask, type BatchRow, type BatchTask } from './task';
export { runPool } from './pool';
export { summaryCsv, totalsOf } from './summary';

export interface BatchIo {
  out(text: string): void;
  err(text: string): void;
  /** Where the progress bar goes (stderr); the bar shows only when it is a TTY. */
  progress?: ProgressStream;
}

export interface BatchOptions {
  kind: 'check' | 'generate';
  folder: string;
  /** generate: the output folder (created if missing); check: where the summary goes (default: the current folder). */
  outDir?: string;
  workers?: number;
  /** Time limit per file (seconds); default the pool's (DEFAULT_FILE_TIMEOUT_MS), 0 for none. */
  fileTimeoutSeconds?: number;
  profile?: string;
  performance?: PerformanceOptions;
  /** Only the totals line and error lines, not the table. */
  quiet?: boolean;
  /** --max-size (MB) and --verbose, passed to each file's task. */
  maxSizeMb?: number;
  verbose?: boolean;
}

export interface BatchResult {
  rows: BatchRow[];
  csvPath: string;
  jsonPath: string;
  exitCode: number;
}

export class BatchInputError extends Error {}

/** The .xlsx files directly in `folder`, by name; Excel's lock files (~$…) left out. */
export function listWorkbooks(folder: string): string[] {
  return readdirSync(folder)
    .filter((n) => extname(n).toLowerCase() === '.xlsx' && !n.startsWith('~$'))
    .map((n) => join(folder, n))
    .filter((p) => statSync(p).isFile())
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** `name.csv`, or `name(2).csv` … if taken: an earlier summary is never overwritten. */
function freePath(dir: string, stem: string, ext: string): string {
  let p = join(dir, `${stem}${ext}`);
  for (let i = 2; existsSync(p); i++) p = join(dir, `${stem}(${i})${ext}`);
  return p;
}

export async function runBatch(options: BatchOptions, io: BatchIo): Promise<BatchResult> {
  const folder = resolve(options.folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new BatchInputError(`找不到文件夹“${options.folder}”。`);
  if (options.kind === 'generate' && !options.outDir)
    throw new BatchInputError('批量生成需要用 -o 指定输出文件夹，例如：final-accounts generate 底稿文件夹 -o 输出文件夹');
  // Never into the input folder: the summary would be mixed with (and later read as) the files checked.
  const outDir = resolve(options.outDir ?? process.cwd());
  if (outDir === folder)
    throw new BatchInputError(
      options.outDir
        ? '输出文件夹不能与输入文件夹相同（生成的文件或汇总会与原文件混在一起）；请用 -o 指定另一个文件夹。'
        : '当前文件夹就是要处理的文件夹，汇总不能写入其中；请用 -o 指定另一个文件夹。',
    );
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new BatchInputError(`输出位置“${options.outDir}”是一个文件；批量处理时 -o 应为文件夹。`);
  mkdirSync(outDir, { recursive: true });

  const files = listWorkbooks(folder);
  const workers = options.workers ?? defaultWorkers();
  const tasks: BatchTask[] = files.map((file) => ({
    kind: options.kind,
    file,
    outDir,
    profile: options.profile,
    performance: options.performance,
    maxSizeMb: options.maxSizeMb,
    verbose: options.verbose,
  }));
  const bar = new ProgressBar(io.progress ?? { isTTY: false, write: () => true }, tasks.length);
  const t0 = performance.now();
  const rows = await runPool(tasks, {
    workers,
    fileTimeoutMs: options.fileTimeoutSeconds === undefined ? undefined : options.fileTimeoutSeconds * 1000,
    onDone: (row, done) => {
      if (row.status === 'failed') {
        bar.clear();
        io.err(`错误：${basename(row.file)}：${row.message ?? '处理失败。'}`);
      }
      bar.update(done, basename(row.file));
    },
  });
  bar.clear();
  const elapsedMs = Math.round(performance.now() - t0);
  const totals = totalsOf(rows);

  const stem = options.kind === 'check' ? '批量检查汇总' : '批量生成汇总';
  const csvPath = freePath(outDir, stem, '.csv');
  const jsonPath = freePath(outDir, stem, '.json');
  const json: BatchSummaryJson = {
    command: options.kind,
    folder,
    ...(options.kind === 'generate' ? { outDir } : {}),
    workers,
    elapsedMs,
    totals,
    rows,
  };
  await writeNewFile(csvPath, summaryCsv(rows, options.kind));
  await writeNewFile(jsonPath, `${JSON.stringify(json, null, 2)}\n`);

  if (files.length === 0) io.out(`文件夹“${options.folder}”中没有 .xlsx 文件。`);
  else if (!options.quiet) io.out(summaryTable(rows, options.kind));
  io.out('');
  io.out(
    `共 ${totals.files} 个文件：完成 ${totals.ok}，失败 ${totals.failed}，无可识别的表 ${totals.noTables}（完成的文件中底稿 ${totals.workings} 个）；` +
      `错误 ${totals.errors}，提示 ${totals.warnings}，尾差 ${totals.tails}，绩效总分问题 ${totals.totalIssues}。` +
      `用时 ${(elapsedMs / 1000).toFixed(1)} 秒（${workers} 个线程）。`,
  );
  io.out(`汇总已写入：${csvPath}`);
  io.out(`　　　　　　${jsonPath}`);
  const exitCode = totals.failed > 0 ? 2 : totals.errors > 0 ? 1 : 0;
  return { rows, csvPath, jsonPath, exitCode };
}
