// Measures one workload size (both forms) in its own process, so that peak memory is this size's alone.
// Run by bench/run.ts; prints one JSON line. Usage: tsx bench/measure-size.ts <size> [runs]
// Size `xl` is the ≈200,000-cell workbook of the issue-17 target (nine tables only).
import { execFileSync } from 'node:child_process';
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
  inspectWorkbook,
  leanSnapshot,
  profileById,
  readAccounts,
  readWorkings,
  runTableRules,
  workbookSnapshot,
} from './product';
import { SIZES, syntheticWorkload, type SizeId, type WorkloadForm, type WorkloadSize } from '../src/synthetic';
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
  /** Snapshot → model (readAccounts, or readWorkings + derive for the working sheets). */
  readModelMs: number;
  checksMs: number;
  scoringMs: number;
  generateMs: number;
  writeMs: number;
  findings: { error: number; warning: number; tail: number };
  office: OfficeFigures;
  /** Issue 17: the engine (snapshot → report, checkWorkbook) beside both read paths, interleaved in one process. */
  engineMs: Stat;
  readMs: { lean: Stat; leanParse: Stat; full: Stat };
  loadStat: Stat;
  /** The first call in a fresh process (median of 3 processes, bench/cold-check.js). */
  cold: ColdFigures;
  ratios: Ratios;
}

export interface Stat {
  min: number;
  median: number;
}

export interface ColdFigures {
  inspectMs: number;
  leanParseMs: number;
  leanReadMs: number;
  engineMs: number;
  loadMs: number;
  fullReadMs: number;
}

export interface Ratios {
  /** Engine ÷ the read step check performs (inspection + lean parse): target ≤ 0.15, warm (median) and cold. */
  engineToLeanRead: { warm: number; cold: number };
  /** Engine ÷ the full read (ExcelJS load + snapshot), as before this issue. */
  engineToFullRead: { warm: number; cold: number };
  /** A whole check (lean read + engine) ÷ the bare ExcelJS load: target ≤ 0.7 at ≈200k cells. */
  checkToLoad: { warm: number; cold: number };
}

/**
 * Each function run once per round, in turn, so that every figure sees the same machine load (this machine is
 * shared): warm-up rounds first (at least 3 and 0.5 s, at most 50 or 8 s), then `runs` rounds; min and median.
 */
async function interleaved<K extends string>(fns: Record<K, () => unknown>, runs: number): Promise<Record<K, Stat>> {
  const keys = Object.keys(fns) as K[];
  const start = performance.now();
  for (let i = 0; ; i++) {
    const elapsed = performance.now() - start;
    if ((i >= 3 && elapsed >= 500) || i >= 50 || elapsed >= 8000) break;
    for (const k of keys) await fns[k]();
  }
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      const t0 = performance.now();
      await fns[k]();
      samples[k].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, { min: Math.min(...samples[k]), median: median(samples[k]) }])) as Record<K, Stat>;
}

/** Median of each figure over 3 fresh processes (bench/cold-check.js on the compiled build). */
function coldFigures(file: string): ColdFigures {
  const runs: ColdFigures[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, [join(__dirname, 'cold-check.js'), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as ColdFigures);
  }
  const keys = Object.keys(runs[0]) as (keyof ColdFigures)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as ColdFigures;
}

/** Issue 17's figures: engine, both read paths and the load, warm (interleaved) and cold. */
async function engineAndReads(buf: Buffer, file: string, runs: number) {
  const data = new Uint8Array(buf);
  const snap = leanSnapshot(data);
  if (!snap) throw new Error(`the lean read path declined ${file}`);
  const wb = await load(buf);
  const warm = await interleaved(
    {
      load: () => load(buf),
      fullSnapshot: () => workbookSnapshot(wb),
      // As check reads: inspection (which inflates every part), then the lean parse of those parts.
      leanRead: async () => {
        const parts = new Map<string, Uint8Array>();
        if (await inspectWorkbook(data, undefined, parts)) throw new Error('refused');
        return leanSnapshot(data, parts);
      },
      leanParse: () => leanSnapshot(data),
      engine: () => checkWorkbook(snap, { file }),
    },
    runs,
  );
  const cold = coldFigures(file);
  const full: Stat = { min: warm.load.min + warm.fullSnapshot.min, median: warm.load.median + warm.fullSnapshot.median };
  const ratios: Ratios = {
    engineToLeanRead: { warm: warm.engine.median / warm.leanRead.median, cold: cold.engineMs / cold.leanReadMs },
    engineToFullRead: { warm: warm.engine.median / full.median, cold: cold.engineMs / cold.fullReadMs },
    checkToLoad: { warm: (warm.leanRead.median + warm.engine.median) / warm.load.median, cold: (cold.leanReadMs + cold.engineMs) / cold.loadMs },
  };
  return { engineMs: warm.engine, readMs: { lean: warm.leanRead, leanParse: warm.leanParse, full }, loadStat: warm.load, cold, ratios };
}

/** The ≈200,000-cell workbook (issue 17): a consolidated department with more 项 rows. */
const XL: WorkloadSize = { id: 'xl', label: '20 万单元格', items: 5000, projects: 200, dept: true, indicators: 8 };

async function measureForm(size: SizeId | 'xl', form: WorkloadForm, runs: number, workDir: string): Promise<FormFigures> {
  const w = syntheticWorkload(size === 'xl' ? XL : size, form, 2024);
  const buf = await workloadBuffer(w);
  const file = join(workDir, `${size}-${form}.xlsx`);
  writeFileSync(file, buf);
  // Issue 17's figures first: the cold ones run in their own processes, the warm ones interleaved.
  const issue17 = await engineAndReads(buf, file, runs);
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
  const readModelMs = await time(runs, () => readModel(form, snap));
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
    readModelMs,
    checksMs,
    scoringMs,
    generateMs,
    writeMs: median(writes),
    findings: f,
    office: await officeFigures(snap).catch(
      (e: Error & { hostCode?: string }) => ({ failed: `${e.hostCode ?? ''} ${e.message}`.trim() }) as unknown as OfficeFigures,
    ),
    ...issue17,
  };
}

async function mainSize(): Promise<void> {
  const size = process.argv[2] as SizeId | 'xl';
  if (size !== 'xl' && !SIZES[size]) throw new Error(`unknown size ${size}`);
  const runs = Number(process.argv[3] ?? 5);
  const workDir = join(__dirname, 'work');
  mkdirSync(workDir, { recursive: true });
  const forms: FormFigures[] = [];
  // The ≈200k-cell workbook is measured as nine tables only (what the 0.7 × load target is about).
  for (const form of size === 'xl' ? (['tables'] as const) : (['tables', 'workings'] as const))
    forms.push(await measureForm(size, form, runs, workDir));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ size, runs, peakRssMb, forms })}\n`);
}

mainSize().catch((e) => {
  console.error(e);
  process.exit(1);
});
