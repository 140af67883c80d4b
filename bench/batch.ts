// Batch throughput as shipped: N generated unit workbooks (reference size, nine tables + 57 绩效 tables, distinct
// seeds) checked by the compiled command — `node bin/final-accounts.js check <folder> --workers W`, i.e. lib/cli
// (runBatch) and lib/cli/batch/worker.js on W worker threads — in a plain node process: no tsx hooks in the
// measured process or its workers (a worker inherits its parent's execArgv). Only the preparation of the
// workbooks, cached in bench/work/batch-<size>-<N>/ (not in git), uses the TypeScript sources.
// Usage: npm run bench:batch -- [--files 500] [--workers 2] [--size reference] [--distinct 500]
//   (= npm run build:cli, then tsx bench/batch.ts …)
// --distinct N: at most N distinct workbooks are generated; file i is a hard link to workbook ((i-1) mod N)+1, so
// that 10,000 files take the disk and preparation time of N (each is still opened, read and checked on its own).
// Peak memory is the command's high-water RSS (VmHWM of /proc/<pid>/status, sampled while it runs: Linux only),
// worker threads included. Results: bench/batch-results.json, one entry per file count.
import { spawn, execSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { syntheticWorkload, type SizeId } from '../src/synthetic';
import { writeWorkload } from '../src/synthetic/file';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'final-accounts.js');
const LIB = join(ROOT, 'lib', 'cli');

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

/** The compiled CLI must be there, and not older than the sources it is built from. */
function requireBuild(): void {
  const needed = [join(LIB, 'main.js'), join(LIB, 'batch', 'index.js'), join(LIB, 'batch', 'worker.js')];
  const missing = needed.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`找不到编译后的命令行代码（${missing.join('、')}）。请先运行 npm run build:cli，或直接用 npm run bench:batch。`);
  }
  const built = Math.min(...needed.map((p) => statSync(p).mtimeMs));
  const stale = ['core', 'readers', 'generator', 'adapters/file', 'cli', 'port'].some((d) => newestTs(join(ROOT, 'src', d)) > built);
  if (stale) process.stderr.write('警告：lib/ 比 src/ 中的源文件旧，测的不是当前源代码；请用 npm run bench:batch（先编译再测）。\n');
}

function newestTs(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestTs(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}

function git(args: string): string {
  try {
    return execSync(`git ${args}`, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Runs the command, sampling its high-water RSS from /proc while it runs. */
function runSampled(cmd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; peakRssMb: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    let peakKb: number | null = null;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb ?? 0, Number(m[1]));
      } catch {
        // not Linux, or the process has just ended
      }
    };
    const timer = setInterval(sample, 100);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, stdout, stderr, peakRssMb: peakKb === null ? null : Math.round(peakKb / 1024) });
    });
  });
}

async function main(): Promise<void> {
  const files = Number(arg('--files', '500'));
  const workers = Number(arg('--workers', '2'));
  const size = arg('--size', 'reference') as SizeId;
  const distinct = Math.min(files, Number(arg('--distinct', '500')));
  if (!Number.isInteger(files) || files <= 0 || !Number.isInteger(workers) || workers < 0)
    throw new Error('--files 应为正整数，--workers 应为非负整数。');
  requireBuild();
  const sources = join(__dirname, 'work', `batch-${size}-distinct`);
  const dir = join(__dirname, 'work', `batch-${size}-${files}`);
  mkdirSync(sources, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const haveSources = new Set(readdirSync(sources));
  const sourceName = (i: number) => `unit-${String(i).padStart(5, '0')}.xlsx`;
  for (let i = 1; i <= distinct; i++) {
    if (!haveSources.has(sourceName(i)))
      await writeWorkload(syntheticWorkload(size, 'tables', 10_000 + i, `合成单位${i}`), join(sources, sourceName(i)));
  }
  const have = new Set(readdirSync(dir));
  for (let i = 1; i <= files; i++) {
    if (!have.has(sourceName(i))) linkSync(join(sources, sourceName(((i - 1) % distinct) + 1)), join(dir, sourceName(i)));
  }
  const prepMs = performance.now() - t0;

  const summaryDir = join(__dirname, 'work', `batch-summary-${Date.now()}`);
  const w0 = performance.now();
  const run = await runSampled(process.execPath, [BIN, 'check', dir, '-o', summaryDir, '--workers', String(workers), '--quiet']);
  const wallMs = Math.round(performance.now() - w0);
  const jsonPath = join(summaryDir, '批量检查汇总.json');
  if (run.status === 2 || !existsSync(jsonPath)) {
    throw new Error(`批量检查没有完成（退出码 ${run.status}）：\n${run.stderr}${run.stdout}`);
  }
  const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
  rmSync(summaryDir, { recursive: true, force: true });
  const ms: number[] = json.rows.map((r: { ms: number }) => r.ms).sort((a: number, b: number) => a - b);
  const figures = {
    measuredAt: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    code: 'node bin/final-accounts.js check (lib/, worker.js)',
    commit: git('rev-parse --short HEAD'),
    // Files under src/ with uncommitted changes when measured: they are in the build measured.
    uncommittedSources: git('status --porcelain -- src').split('\n').filter(Boolean).length,
    size,
    files,
    distinctWorkbooks: distinct,
    workers,
    /** High-water RSS of the command (main thread and workers), MB; null where /proc is not there. */
    peakRssMb: run.peakRssMb,
    /** The batch itself (runBatch's elapsedMs: the pool, from the first task to the last row). */
    elapsedMs: json.elapsedMs,
    /** The whole command: node start, module loading, listing, the batch, the summary files. */
    wallMs,
    filesPerSecond: Math.round((files / json.elapsedMs) * 1000 * 10) / 10,
    totals: json.totals,
    medianFileMs: ms[Math.floor(ms.length / 2)],
    preparationMs: Math.round(prepMs),
  };
  if (json.totals.files !== files || json.totals.ok !== files) process.stderr.write(`警告：${files} 个文件中只有 ${json.totals.ok} 个完成。\n`);
  const resultsPath = join(__dirname, 'batch-results.json');
  const previous = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
  // One entry per file count ("500", "10000"); an older single-run file is kept under its own count.
  const byFiles = 'files' in previous ? { [String(previous.files)]: previous } : previous;
  writeFileSync(resultsPath, `${JSON.stringify({ ...byFiles, [String(files)]: figures }, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
