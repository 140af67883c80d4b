// Batch throughput as shipped: N generated unit workbooks (reference size, nine tables + 57 绩效 tables, distinct
// seeds) checked by the compiled command — `node bin/final-accounts.js check <folder> --workers W`, i.e. lib/cli
// (runBatch) and lib/cli/batch/worker.js on W worker threads — in a plain node process: no tsx hooks in the
// measured process or its workers (a worker inherits its parent's execArgv). Only the preparation of the
// workbooks, cached in bench/work/batch-<size>-<N>/ (not in git), uses the TypeScript sources.
// Usage: npm run bench:batch -- [--files 500] [--workers 2] [--size reference]
//   (= npm run build:cli, then tsx bench/batch.ts …)
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

async function main(): Promise<void> {
  const files = Number(arg('--files', '500'));
  const workers = Number(arg('--workers', '2'));
  const size = arg('--size', 'reference') as SizeId;
  if (!Number.isInteger(files) || files <= 0 || !Number.isInteger(workers) || workers < 0)
    throw new Error('--files 应为正整数，--workers 应为非负整数。');
  requireBuild();
  const dir = join(__dirname, 'work', `batch-${size}-${files}`);
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  const t0 = performance.now();
  for (let i = 1; i <= files; i++) {
    const name = `unit-${String(i).padStart(4, '0')}.xlsx`;
    if (!have.has(name)) await writeWorkload(syntheticWorkload(size, 'tables', 10_000 + i, `合成单位${i}`), join(dir, name));
  }
  const prepMs = performance.now() - t0;

  const summaryDir = join(__dirname, 'work', `batch-summary-${Date.now()}`);
  const w0 = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'check', dir, '-o', summaryDir, '--workers', String(workers), '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
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
    workers,
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
  writeFileSync(join(__dirname, 'batch-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
