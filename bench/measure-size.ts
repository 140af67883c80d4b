// Measures one workload size (both forms) in its own process, so that peak memory is this size's alone.
// Run by bench/run.ts; prints one JSON line. Usage: tsx bench/measure-size.ts <size> [runs]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { OfficeWorkbookPort } from '../src/adapters/office/office-port';
import { marksOf } from '../src/port/port';
import type { FinalAccounts } from '../src/core/model';
import type { WorkbookSnapshot } from '../src/port/snapshot';
import {
  addLayoutSheet,
  checkPerformance,
  checkWorkbook,
  DEFAULT_PROFILE_ID,
  deriveAccounts,
  generate,
  profileById,
  readAccounts,
  readWorkings,
  runTableRules,
  workbookSnapshot,
} from './product';
import { SIZES, syntheticWorkload, type SizeId, type WorkloadForm } from '../src/synthetic';
import { workloadBuffer } from '../src/synthetic/file';
import { FakeExcel } from '../test/addin/fake-excel';

const profile = profileById(DEFAULT_PROFILE_ID)!;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time (ms) of `runs` runs after one warm-up. */
/**
 * Steady-state median: warm up until the JIT has settled (at least 10 runs and 0.5 s; at most 200 runs or
 * 5 s), then the median of `runs` timed runs. The same rule for the ExcelJS load and for every step, so the
 * ratios compare like with like (a batch worker runs many files and is in this state).
 */
async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; ; i++) {
    const elapsed = performance.now() - start;
    if ((i >= 10 && elapsed >= 500) || i >= 200 || elapsed >= 5000) break;
    await fn();
  }
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function readModel(form: WorkloadForm, snap: WorkbookSnapshot): FinalAccounts {
  if (form === 'tables') return readAccounts(snap).accounts;
  return deriveAccounts(readWorkings(snap).data, profile, { printed: true });
}

export interface OfficeFigures {
  checkMarkSyncs: number;
  marks: number;
  clearSyncs: number;
  generateSyncs: number;
  generateChunks: number;
  maxRequestBytes: { checkMark: number; clear: number; generate: number };
  medianRequestBytes: { checkMark: number; clear: number; generate: number };
}

/** The Office adapter on the strict fake: the workbook's values loaded into FakeExcel, then check+mark, clear, generate. */
async function officeFigures(snap: WorkbookSnapshot): Promise<OfficeFigures> {
  const fx = new FakeExcel('1.13');
  for (const s of snap.sheets) fx.addSheet(s.name, s.values, { row: s.originRow, col: s.originCol }).merges.push(...s.merges);
  const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
  const stats = () => ({
    syncs: fx.stats.syncs,
    max: Math.max(0, ...fx.stats.requestBytes),
    med: median(fx.stats.requestBytes.length ? fx.stats.requestBytes : [0]),
  });

  fx.resetStats();
  const read = await port.readSnapshot();
  const report = checkWorkbook(read);
  const marks = marksOf(report.findings);
  await port.applyMarks(marks);
  const cm = stats();

  fx.resetStats();
  await port.clearMarks();
  const cl = stats();

  const layouts = generate(read, profile).sheets;
  let chunks = 0;
  const gport = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported, onProgress: (_d, total) => (chunks = total) });
  fx.resetStats();
  await gport.addSheets(layouts);
  const gen = stats();
  return {
    checkMarkSyncs: cm.syncs,
    marks: marks.length,
    clearSyncs: cl.syncs,
    generateSyncs: gen.syncs,
    generateChunks: chunks,
    maxRequestBytes: { checkMark: cm.max, clear: cl.max, generate: gen.max },
    medianRequestBytes: { checkMark: cm.med, clear: cl.med, generate: gen.med },
  };
}

export interface FormFigures {
  form: WorkloadForm;
  fileBytes: number;
  cells: number;
  /** First run in the process, before any warm-up (ms): the load, and snapshot + read + checks + scoring. */
  coldLoadMs: number;
  coldCoreMs: number;
  /** Medians in ms. */
  loadMs: number;
  snapshotMs: number;
  readMs: number;
  checksMs: number;
  scoringMs: number;
  generateMs: number;
  writeMs: number;
  findings: { error: number; warning: number; tail: number };
  office: OfficeFigures;
}

async function measureForm(size: SizeId, form: WorkloadForm, runs: number, workDir: string): Promise<FormFigures> {
  const w = syntheticWorkload(size, form, 2024);
  const buf = await workloadBuffer(w);
  writeFileSync(join(workDir, `${size}-${form}.xlsx`), buf);
  // Cold: the first read + checks + scoring in this process (what a single CLI run pays), before any warm-up.
  const coldLoad0 = performance.now();
  const wb = await load(buf);
  const coldLoadMs = performance.now() - coldLoad0;
  const cold0 = performance.now();
  {
    const s0 = workbookSnapshot(wb);
    runTableRules(readModel(form, s0), profile);
    checkPerformance(s0);
  }
  const coldCoreMs = performance.now() - cold0;
  const loadMs = await time(runs, () => load(buf));
  const snapshotMs = await time(runs, () => workbookSnapshot(wb));
  const snap = workbookSnapshot(wb);
  const readMs = await time(runs, () => readModel(form, snap));
  const accounts = readModel(form, snap);
  const checksMs = await time(runs, () => runTableRules(accounts, profile));
  const scoringMs = await time(runs, () => checkPerformance(snap));
  const generateMs = await time(runs, () => generate(snap, profile));
  const layouts = generate(snap, profile).sheets;
  // write: the generated sheets added to the loaded workbook, then the whole file written (as runGenerate does).
  const writes: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const fresh = await load(buf);
    const t0 = performance.now();
    for (const l of layouts) addLayoutSheet(fresh, l);
    await fresh.xlsx.writeBuffer();
    if (i > 0) writes.push(performance.now() - t0);
  }
  const report = checkWorkbook(snap);
  const f = { error: 0, warning: 0, tail: 0 };
  for (const x of report.findings) f[x.severity]++;
  const cells = snap.sheets.reduce((n, s) => n + s.values.reduce((m, line) => m + line.filter((v) => v !== null).length, 0), 0);
  return {
    form,
    fileBytes: buf.length,
    cells,
    coldLoadMs,
    coldCoreMs,
    loadMs,
    snapshotMs,
    readMs,
    checksMs,
    scoringMs,
    generateMs,
    writeMs: median(writes),
    findings: f,
    office: await officeFigures(snap).catch(
      (e: Error & { hostCode?: string }) => ({ failed: `${e.hostCode ?? ''} ${e.message}`.trim() }) as unknown as OfficeFigures,
    ),
  };
}

async function mainSize(): Promise<void> {
  const size = process.argv[2] as SizeId;
  if (!SIZES[size]) throw new Error(`unknown size ${size}`);
  const runs = Number(process.argv[3] ?? 5);
  const workDir = join(__dirname, 'work');
  mkdirSync(workDir, { recursive: true });
  const forms: FormFigures[] = [];
  for (const form of ['tables', 'workings'] as const) forms.push(await measureForm(size, form, runs, workDir));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ size, runs, peakRssMb, forms })}\n`);
}

mainSize().catch((e) => {
  console.error(e);
  process.exit(1);
});
