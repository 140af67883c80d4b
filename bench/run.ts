// npm run bench: every workload size in its own process (peak memory per size), then the table printed,
// bench/results.json written and the table put into docs/benchmarks.md. Not part of npm test.
// Usage: npm run bench [-- --runs N] [-- --sizes small,reference]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { SIZE_IDS, SIZES, type SizeId } from '../src/synthetic';
import type { FormFigures } from './measure-size';
import { syncFiguresInChild, writeSyncsSection, type SizeSyncs } from './syncs';

interface SizeResult {
  size: SizeId;
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
const sizes = (arg('--sizes')?.split(',') as SizeId[] | undefined) ?? SIZE_IDS;
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
  results.push({ ...(JSON.parse(out.trim().split('\n').pop()!) as SizeResult), syncs: syncFiguresInChild(size) });
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
      const core = (f.readMs + f.checksMs + f.scoringMs) / L;
      const size = SIZES[s.size];
      return `| ${size.label} (${s.size}) | ${f.form === 'tables' ? '九张表' : '底稿'} | ${size.items} | ${size.projects}${size.dept ? ' + 1' : ''} | ${Math.round(f.fileBytes / 1024)} | ${f.cells} | ${ms(L)} | ${r2(f.snapshotMs / L)} | ${r2(f.readMs / L)} | ${r2(f.checksMs / L)} | ${r2(f.scoringMs / L)} | **${r2(core)}** | ${core <= 0.2 ? '达到' : '未达到'} | ${ms(f.coldLoadMs)} / ${ms(f.coldCoreMs)} | ${r2(f.generateMs / L)} | ${r2(f.writeMs / L)} | ${s.peakRssMb} |`;
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

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}，Node ${process.version}，${process.platform}`;
const stamp = new Date().toISOString();
const tables = `测得于 ${stamp}；机器：${machine}；每项为预热（至少 10 次且 0.5 秒，至多 200 次或 5 秒）后 ${runs} 次的中位数；“首次”为进程中第一次运行（未预热）。\n\n### 时间（相对同一文件的 ExcelJS 载入时间）\n\n${timeTable()}\n\n### Office.js 适配器（严格模拟 FakeExcel，ExcelApi 1.13）\n\n${officeTable()}\n`;

writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify({ measuredAt: stamp, machine, runs, results }, null, 2)}\n`);
const docPath = join(root, 'docs', 'benchmarks.md');
const doc = readFileSync(docPath, 'utf8');
const begin = '<!-- bench:begin -->';
const end = '<!-- bench:end -->';
const i = doc.indexOf(begin);
const j = doc.indexOf(end);
if (i >= 0 && j > i) writeFileSync(docPath, `${doc.slice(0, i + begin.length)}\n${tables}${doc.slice(j)}`);
writeSyncsSection(results.flatMap((r) => (r.syncs ? [r.syncs] : [])));
process.stdout.write(`${tables}\nwritten: bench/results.json, docs/benchmarks.md\n`);
