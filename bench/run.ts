// npm run bench: every workload size in its own process (peak memory per size), then the table printed,
// bench/results.json written and the table put into docs/benchmarks.md. Not part of npm test.
// Usage: npm run bench [-- --runs N] [-- --sizes small,reference,xl]
// The Office adapter's syncs and bytes per request (bench/syncs.ts) are stored as each size's `syncs` in
// results.json and written to their own section of docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SIZE_IDS, SIZES, type SizeId } from '../src/synthetic';
import type { FormFigures, Stat } from './measure-size';
import { syncFiguresInChild, writeSyncsSection, type SizeSyncs } from './syncs';

type BenchSize = SizeId | 'xl';

interface SizeResult {
  size: BenchSize;
  runs: number;
  peakRssMb: number;
  forms: FormFigures[];
  /** Office.js round trips (bench/syncs.ts): syncs and payloadBytes of check+mark, clear and generate. */
  syncs?: SizeSyncs;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('--runs') ?? 5);
const sizes = (arg('--sizes')?.split(',') as BenchSize[] | undefined) ?? [...SIZE_IDS, 'xl'];
const label = (size: BenchSize) => (size === 'xl' ? '20 万单元格 (xl)' : `${SIZES[size].label} (${size})`);
const root = join(__dirname, '..');

const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`measuring ${size} …\n`);
  // A fresh process per size: peak RSS is this size's, not the largest so far.
  const out = execFileSync(process.execPath, [...process.execArgv, join(__dirname, 'measure-size.ts'), size, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  results.push(JSON.parse(out.trim().split('\n').pop()!) as SizeResult);
}

const r2 = (x: number) => x.toFixed(2);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function timeTable(): string {
  const head =
    '| 规模 | 形式 | 项行 | 绩效表 | 文件 KB | 非空单元格 | ExcelJS 载入 ms (=1) | 快照 | 读模型 | 全部检查 | 绩效评分 | 读+查+评 | 目标 ≤0.20 | 首次：载入 ms / 快照+读+查+评 ms | 生成 | 写出 | 峰值内存 MB |\n' +
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|';
  const lines = results.flatMap((s) =>
    s.forms.map((f) => {
      const L = f.loadMs;
      const core = (f.readModelMs + f.checksMs + f.scoringMs) / L;
      const size = s.size === 'xl' ? { items: 5000, projects: 200, dept: true } : SIZES[s.size];
      return `| ${label(s.size)} | ${f.form === 'tables' ? '九张表' : '底稿'} | ${size.items} | ${size.projects}${size.dept ? ' + 1' : ''} | ${Math.round(f.fileBytes / 1024)} | ${f.cells} | ${ms(L)} | ${r2(f.snapshotMs / L)} | ${r2(f.readModelMs / L)} | ${r2(f.checksMs / L)} | ${r2(f.scoringMs / L)} | **${r2(core)}** | ${core <= 0.2 ? '达到' : '未达到'} | ${ms(f.coldLoadMs)} / ${ms(f.coldCoreMs)} | ${r2(f.generateMs / L)} | ${r2(f.writeMs / L)} | ${s.peakRssMb} |`;
    }),
  );
  return [head, ...lines].join('\n');
}

function officeTable(): string {
  const head =
    '| 规模 | 形式 | 标记数 | 检查+标记 sync | 每次请求最大 KB | 清除 sync | 每次请求最大 KB | 生成 sync | 写入分块 | 目标 ≤ 2 + 分块 | 每次请求最大 KB |\n' +
    '|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|---:|';
  const kb = (b: number) => (b / 1024).toFixed(1);
  const lines = results.flatMap((s) =>
    s.forms.map((f) => {
      const o = f.office;
      if ((o as unknown as { failed?: string }).failed)
        return `| ${s.size} | ${f.form === 'tables' ? '九张表' : '底稿'} | 失败：${(o as unknown as { failed: string }).failed} |||||||||`;
      return `| ${s.size} | ${f.form === 'tables' ? '九张表' : '底稿'} | ${o.marks} | ${o.checkMarkSyncs}${o.checkMarkSyncs <= 3 ? '' : `（读 2 + 标记 ${o.checkMarkSyncs - 2} 块：超过单次请求上限才分块）`} | ${kb(o.maxRequestBytes.checkMark)} | ${o.clearSyncs} | ${kb(o.maxRequestBytes.clear)} | ${o.generateSyncs} | ${o.generateChunks} | ${o.generateSyncs <= 2 + o.generateChunks ? '达到' : '未达到'} | ${kb(o.maxRequestBytes.generate)} |`;
    }),
  );
  return [head, ...lines].join('\n');
}

const st = (x: Stat) => `${ms(x.min)} / ${ms(x.median)}`;
const met = (ok: boolean) => (ok ? '达到' : '未达到');

/** Issue 17: the engine beside both read paths (warm: interleaved, min / median; cold: fresh processes). */
function engineTable(): string {
  const head =
    '| 规模 | 形式 | 非空单元格 | ExcelJS 载入 ms | 全量读取 ms（载入+快照） | 精简读取 ms（检查+解析） | 其中解析 ms | 引擎 ms | 引擎 ÷ 精简读取 预热 / 首次 | ≤0.15 | 引擎 ÷ 全量读取 预热 / 首次 | 检查 ÷ 载入 预热 / 首次 | 首次 ms：精简读取 / 引擎 / 载入 |\n' +
    '|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|';
  const lines = results.flatMap((s) =>
    s.forms.map((f) => {
      const r = f.ratios;
      const ok = r.engineToLeanRead.warm <= 0.15 && r.engineToLeanRead.cold <= 0.15;
      return `| ${label(s.size)} | ${f.form === 'tables' ? '九张表' : '底稿'} | ${f.cells} | ${st(f.loadStat)} | ${st(f.readMs.full)} | ${st(f.readMs.lean)} | ${st(f.readMs.leanParse)} | **${st(f.engineMs)}** | ${r2(r.engineToLeanRead.warm)} / ${r2(r.engineToLeanRead.cold)} | ${met(ok)} | ${r2(r.engineToFullRead.warm)} / ${r2(r.engineToFullRead.cold)} | ${r2(r.checkToLoad.warm)} / ${r2(r.checkToLoad.cold)} | ${ms(f.cold.leanReadMs)} / ${ms(f.cold.engineMs)} / ${ms(f.cold.loadMs)} |`;
    }),
  );
  return [head, ...lines].join('\n');
}

interface ProcessFigures {
  file: string;
  /** `node bin/final-accounts.js check <file> --json` (the compiled CLI). */
  check: Stat;
  /** `node -e` that only loads ExcelJS and reads the same file. */
  exceljs: Stat;
  ratio: { min: number; median: number };
}

/** Whole processes, interleaved (check, then node -e), `rounds` times: wall ms, min and median. */
function compareProcesses(file: string, rounds: number): ProcessFigures {
  const bin = join(root, 'bin', 'final-accounts.js');
  const readOnly = `const E=require('exceljs');new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).then(()=>{})`;
  const wall = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}`);
    return performance.now() - t0;
  };
  const check: number[] = [];
  const exceljs: number[] = [];
  wall([bin, 'check', file, '--json']); // one unmeasured round: the file and the modules in the OS cache
  wall(['-e', readOnly]);
  for (let i = 0; i < rounds; i++) {
    check.push(wall([bin, 'check', file, '--json']));
    exceljs.push(wall(['-e', readOnly]));
  }
  const stat = (xs: number[]): Stat => ({ min: Math.min(...xs), median: [...xs].sort((a, b) => a - b)[xs.length >> 1] });
  const c = stat(check);
  const e = stat(exceljs);
  return { file: file.replace(`${root}/`, ''), check: c, exceljs: e, ratio: { min: c.min / e.min, median: c.median / e.median } };
}

const processFiles = [join(root, 'examples', 'fuzhou-gxj-2024.xlsx'), ...sizes.map((s) => join(__dirname, 'work', `${s}-tables.xlsx`))];
process.stderr.write('measuring whole processes …\n');
const processes = processFiles.map((f) => compareProcesses(f, Math.max(5, runs)));

function processTable(): string {
  const head = '| 文件 | check 进程 ms | node -e 载入 ExcelJS 并读取 ms | 比值（最小 / 中位） | 目标 ≤1.0 |\n|---|---:|---:|---:|:---:|';
  const lines = processes.map(
    (p) => `| ${p.file} | ${st(p.check)} | ${st(p.exceljs)} | ${r2(p.ratio.min)} / ${r2(p.ratio.median)} | ${met(p.ratio.median <= 1)} |`,
  );
  return [head, ...lines].join('\n');
}

async function finish(): Promise<void> {
  // Office.js round trips of each synthetic size (the xl workbook is a read benchmark only).
  for (const r of results) {
    if (r.size === 'xl') continue;
    process.stderr.write(`measuring syncs ${r.size} …\n`);
    r.syncs = syncFiguresInChild(r.size);
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}，Node ${process.version}，${process.platform}`;
  const stamp = new Date().toISOString();
  const tables = `测得于 ${stamp}；机器：${machine}；机器负载（1 分钟平均）${loadavg()[0].toFixed(1)}。\n\n### 引擎与读取（issue 17；预热：各项在同一进程中轮流运行，预热后 ${runs} 轮的最小 / 中位 ms；首次：新进程中第一次调用，3 个进程的中位）\n\n${engineTable()}\n\n### 整个进程（轮流运行 ${Math.max(5, runs)} 次，墙钟 ms 最小 / 中位）\n\n${processTable()}\n\n### 各步骤（相对同一文件的 ExcelJS 载入时间；每项为预热（至少 10 次且 0.5 秒，至多 200 次或 5 秒）后 ${runs} 次的中位数；“首次”为进程中第一次运行）\n\n${timeTable()}\n\n### Office.js 适配器（严格模拟 FakeExcel，ExcelApi 1.13）\n\n${officeTable()}\n`;

  writeFileSync(
    join(__dirname, 'results.json'),
    `${JSON.stringify({ measuredAt: stamp, machine, loadAverage: loadavg()[0], runs, results, processes }, null, 2)}\n`,
  );
  const docPath = join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(docPath, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) writeFileSync(docPath, `${doc.slice(0, i + begin.length)}\n${tables}${doc.slice(j)}`);
  writeSyncsSection(results.flatMap((r) => (r.syncs ? [r.syncs] : [])));
  process.stdout.write(`${tables}\nwritten: bench/results.json, docs/benchmarks.md\n`);
}

finish().catch((e) => {
  console.error(e);
  process.exit(1);
});
