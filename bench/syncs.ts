// Round trips of the Office.js adapter per bench size, on the strict fake (test/addin/fake-excel.ts: it counts
// context.sync() calls and the bytes of each request as the RichApi body is made up, and refuses over 5 MB):
// check + mark (read, check, every finding's cells marked), clear, and generate (the nine sheets added).
// `npm run bench` runs it per size (bench/run.ts) into bench/results.json; `tsx bench/syncs.ts [--write]`
// alone prints the table (and with --write puts it into docs/benchmarks.md between the syncs markers).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeWorkbookPort } from '../src/adapters/office/office-port';
import { REQUEST_BUDGET } from '../src/adapters/office/request-packer';
import { checkWorkbook } from '../src/app/check';
import { generate } from '../src/app/generate';
import { DEFAULT_PROFILE_ID, profileById } from '../src/core/profiles';
import { marksOf } from '../src/port/port';
import { SIZE_IDS, SIZES, syntheticWorkload, workloadSnapshot, type SizeId, type WorkloadForm } from '../src/synthetic';
import { FakeExcel } from '../test/addin/fake-excel';

/** One operation's round trips: syncs, the request bytes of all of them, the largest request. */
export interface SyncCount {
  syncs: number;
  payloadBytes: number;
  maxRequestBytes: number;
}

export interface FormSyncs {
  form: WorkloadForm;
  marks: number;
  /** readSnapshot + checkWorkbook + applyMarks; `readSyncs` of them the read. Target: 2 + max(1, ⌈payload / 4 MB⌉). */
  checkMark: SyncCount & { readSyncs: number; tailNotesOmitted: number; target: number };
  clear: SyncCount;
  /** addSheets of the generated sheets. Target: 2 + ⌈payload / 4 MB⌉. */
  generate: SyncCount & { sheets: number; target: number };
}

export interface SizeSyncs {
  size: SizeId;
  forms: FormSyncs[];
}

function counted(fx: FakeExcel): SyncCount {
  const bytes = fx.stats.requestBytes;
  return { syncs: fx.stats.syncs, payloadBytes: bytes.reduce((a, b) => a + b, 0), maxRequestBytes: Math.max(0, ...bytes) };
}

const fourMb = (bytes: number) => Math.ceil(bytes / REQUEST_BUDGET);

async function formSyncs(size: SizeId, form: WorkloadForm): Promise<FormSyncs> {
  const snap = workloadSnapshot(syntheticWorkload(size, form, 2024));
  const fx = new FakeExcel('1.18');
  for (const s of snap.sheets) fx.addSheet(s.name, s.values, { row: s.originRow, col: s.originCol }).merges.push(...s.merges);
  const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });

  fx.resetStats();
  const read = await port.readSnapshot();
  const readSyncs = fx.stats.syncs;
  const marks = marksOf(checkWorkbook(read).findings);
  const result = await port.applyMarks(marks);
  const cm = counted(fx);

  fx.resetStats();
  await port.clearMarks();
  const clear = counted(fx);

  const layouts = generate(read, profileById(DEFAULT_PROFILE_ID)!).sheets;
  fx.resetStats();
  await port.addSheets(layouts);
  const gen = counted(fx);
  return {
    form,
    marks: marks.length,
    checkMark: { ...cm, readSyncs, tailNotesOmitted: result.tailNotesOmitted, target: 2 + Math.max(1, fourMb(cm.payloadBytes)) },
    clear,
    generate: { ...gen, sheets: layouts.length, target: 2 + fourMb(gen.payloadBytes) },
  };
}

/** Syncs and payload bytes of check + mark, clear and generate for both forms of one bench size. */
export async function syncFigures(size: SizeId): Promise<SizeSyncs> {
  const forms: FormSyncs[] = [];
  for (const form of ['tables', 'workings'] as const) forms.push(await formSyncs(size, form));
  return { size, forms };
}

/** The figures of one size from a fresh process (as bench/run.ts measures each size in its own). */
export function syncFiguresInChild(size: SizeId): SizeSyncs {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--json', size], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as SizeSyncs;
}

const kb = (b: number) => (b / 1024).toFixed(1);

/** The Chinese table for docs/benchmarks.md. */
export function syncsTable(sizes: SizeSyncs[]): string {
  const head =
    '| 规模 | 形式 | 标记数 | 未写批注的尾差单元格 | 检查+标记 sync（其中读取） | 请求字节合计 KB | 最大请求 KB | 目标 2 + max(1, ⌈字节/4 MB⌉) | 清除 sync | 生成 sync | 请求字节合计 KB | 最大请求 KB | 目标 2 + ⌈字节/4 MB⌉ |\n' +
    '|---|---|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|:---:|';
  const lines = sizes.flatMap((s) =>
    s.forms.map((f) => {
      const c = f.checkMark;
      const g = f.generate;
      return `| ${SIZES[s.size].label} (${s.size}) | ${f.form === 'tables' ? '九张表' : '底稿'} | ${f.marks} | ${c.tailNotesOmitted} | ${c.syncs}（${c.readSyncs}） | ${kb(c.payloadBytes)} | ${kb(c.maxRequestBytes)} | ≤ ${c.target}：${c.syncs <= c.target ? '达到' : '未达到'} | ${f.clear.syncs} | ${g.syncs} | ${kb(g.payloadBytes)} | ${kb(g.maxRequestBytes)} | ≤ ${g.target}：${g.syncs <= g.target ? '达到' : '未达到'} |`;
    }),
  );
  return [head, ...lines].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--json') {
    process.stdout.write(`${JSON.stringify(await syncFigures(args[1] as SizeId))}\n`);
    return;
  }
  const sizes = args.filter((a) => !a.startsWith('--')) as SizeId[];
  const figures = (sizes.length ? sizes : SIZE_IDS).map((size) => syncFiguresInChild(size));
  process.stdout.write(`${syncsTable(figures)}\n`);
  if (args.includes('--write')) writeSyncsSection(figures);
}

/** Puts the table into docs/benchmarks.md between `<!-- syncs:begin -->` and `<!-- syncs:end -->`. */
export function writeSyncsSection(figures: SizeSyncs[]): void {
  const path = join(__dirname, '..', 'docs', 'benchmarks.md');
  const doc = readFileSync(path, 'utf8');
  const begin = '<!-- syncs:begin -->';
  const end = '<!-- syncs:end -->';
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  const stamp = `测得于 ${new Date().toISOString()}（bench/syncs.ts，FakeExcel ExcelApi 1.18，种子 2024）。`;
  if (i >= 0 && j > i) writeFileSync(path, `${doc.slice(0, i + begin.length)}\n${stamp}\n\n${syncsTable(figures)}\n${doc.slice(j)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
