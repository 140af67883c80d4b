// The fuzz engine shared by test/reliability/fuzz.test.ts (a few hundred inputs on every `npm test`) and
// scripts/fuzz.ts (`npm run fuzz -- --count 10000`, figures for docs/reliability.md). Seeded: the same seed gives
// the same inputs. Four classes of input:
//   amount    — 1–4 figures of the example's nine tables replaced by what is no amount (text, a date, TRUE, an
//               error value, an uncalculated formula, digits apart by spaces, a number beyond 2^53 分, 100 KB of text,
//               a formula-like text); each must be named at its cell by a finding;
//   workings  — the same on the working sheets (底稿), through generate;
//   structure — 1–8 cells anywhere (titles, headers, labels, unit lines) replaced by hostile text, numbers or blanks;
//   file      — the bytes of a small example cut short, flipped, zeroed or repeated, then read as a file.
// The workbooks are mutated in memory (ExcelJS) and restored, so hundreds of inputs take seconds; every 20th
// amount/workings/structure input also writes its outputs (the marked copy, the generated workbook) and reads
// them back, to show that no formula appears in them. Every message is checked: Chinese, no NaN, no Infinity,
// no exponent notation, no library text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../../src/adapters/file/exceljs-layout';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { loadWorkbook, WorkbookOpenError } from '../../src/adapters/file/open-workbook';
import { checkWorkbook } from '../../src/app/check';
import { generateInProfile } from '../../src/app/generate';
import { refText, type CellRef } from '../../src/core/cells';
import type { Finding } from '../../src/core/findings';
import { marksOf } from '../../src/port/port';
import { readAccounts } from '../../src/readers/tables';
import { readWorkings } from '../../src/readers/workings';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

export type FuzzClass = 'amount' | 'workings' | 'structure' | 'file';
export const CLASSES: FuzzClass[] = ['amount', 'workings', 'structure', 'file'];

export interface CaseResult {
  index: number;
  cls: FuzzClass;
  /** What was done, for a report: `公开02表!C9 ← 日期` … */
  what: string;
  outcome: 'checked' | 'refused' | 'crash';
  ms: number;
  /** Broken promises: a crash, a corrupted cell not named, a bad message, a formula in an output. */
  problems: string[];
  messages: number;
  corrupted: number;
  outputsChecked: boolean;
}

/** mulberry32: small, seeded, good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Values that are no amount, with the name of their kind. */
const CORRUPT: [string, (r: Rand) => ExcelJS.CellValue][] = [
  ['文本', (r) => pick(r, ['abc', '12元3', '1.2.3', '壹佰元', '12,34', '--5', '￥', 'N/A', '约100', '100%', '1,2345.6'])],
  ['日期', (r) => new Date(Date.UTC(int(r, 1990, 2030), int(r, 0, 11), int(r, 1, 28)))],
  ['逻辑值', (r) => r() < 0.5],
  ['错误值', (r) => ({ error: pick(r, ['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!']) }) as ExcelJS.CellErrorValue],
  ['未计算公式', (r) => ({ formula: pick(r, ['SUM(C7:C9)', 'B8*2', 'Sheet1!A1']) }) as ExcelJS.CellFormulaValue],
  ['空格分隔数字', (r) => ` ${int(r, 10, 99)} ${int(r, 10, 99)} `],
  ['超大数', (r) => pick(r, [1.7976931348623157e308, 2 ** 53 + 2, -1e300, 1e21, 123456789012345680000])],
  ['长文本', (r) => '长'.repeat(int(r, 101, 100_000))],
  ['公式样文本', (r) => pick(r, ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+1+1', '=1+1', '-2+3'])],
];

/** Hostile values for any cell. */
const HOSTILE: ((r: Rand) => ExcelJS.CellValue)[] = [
  () => null,
  (r) => pick(r, ['=HYPERLINK("http://x","y")', '@SUM(A1)', "=cmd|' /C calc'!A0", '+1', '\t=1', '\r=1']),
  (r) => '表'.repeat(int(r, 1, 50_000)),
  (r) => pick(r, ['单位：亿元', '单位：千元', '单位：', '2099年度', '公开01表', '合计', '小计', '2010101', '201', '30101', '-', '—']),
  (r) => pick(r, [0, -1, 1e-7, 1e21, 1.7976931348623157e308, -0, 0.1 + 0.2, 45306]),
  (r) => new Date(Date.UTC(int(r, 1900, 2100), 0, 1)),
  (r) => r() < 0.5,
  () => ({ error: '#DIV/0!' }) as ExcelJS.CellErrorValue,
  () => ({ formula: 'A1' }) as ExcelJS.CellFormulaValue,
  (r) => String.fromCharCode(...Array.from({ length: int(r, 1, 30) }, () => int(r, 0x20, 0xffff))).replace(/[\ud800-\udfff]/g, '?'),
];

/** What a message must never be: without Chinese, or with NaN, Infinity, exponent notation or library text. */
export function messageProblem(message: string): string | null {
  if (!/[\u4e00-\u9fff]/.test(message)) return '消息不含中文';
  if (/NaN|Infinity|undefined|\[object /.test(message)) return '消息含 NaN/Infinity/undefined';
  if (/\d\.?\d*e[+-]\d/i.test(message)) return '消息含指数写法';
  if (/Error:|at async|jszip|Invalid string length/i.test(message)) return '消息含程序库原文';
  return null;
}

interface Base {
  bytes: Uint8Array;
  wb: ExcelJS.Workbook;
  /** Amount cells the readers read (refs), to corrupt. */
  amounts: CellRef[];
  /** Every used cell position, to mutate in `structure`. */
  cells: CellRef[];
}

async function base(file: string, amountsOf: (wb: ExcelJS.Workbook) => CellRef[]): Promise<Base> {
  const bytes = new Uint8Array(readFileSync(join(EXAMPLES, file)));
  const wb = await loadWorkbook(bytes, file);
  const cells: CellRef[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row, r) => row.eachCell({ includeEmpty: true }, (_c, c) => cells.push({ sheet: ws.name, row: r - 1, col: c - 1 })));
  return { bytes, wb, amounts: amountsOf(wb), cells };
}

function tableAmounts(wb: ExcelJS.Workbook): CellRef[] {
  const read = readAccounts(workbookSnapshot(wb));
  const refs: CellRef[] = [];
  for (const t of Object.values(read.accounts.tables))
    for (const row of t?.rows ?? []) for (const c of Object.values(row.cells)) if (c?.ref) refs.push(c.ref);
  return refs;
}

function workingAmounts(wb: ExcelJS.Workbook): CellRef[] {
  const read = readWorkings(workbookSnapshot(wb));
  const refs: CellRef[] = [];
  for (const s of Object.values(read.data.sheets))
    for (const row of s?.rows ?? []) for (const c of Object.values(row.cells)) if (c?.ref) refs.push(c.ref);
  return refs;
}

export interface Fuzzer {
  run(index: number): Promise<CaseResult>;
}

export async function makeFuzzer(seed: number): Promise<Fuzzer> {
  const tables = await base('fuzhou-gxj-2024.xlsx', tableAmounts);
  const workings = await base('fuzhou-gxj-2024-workings.xlsx', workingAmounts);
  const small = [readFileSync(join(EXAMPLES, 'shanghai-putuo-czj-2024.xlsx')), workings.bytes];
  return { run: (index) => runCase(index, rng(seed * 1_000_003 + index), { tables, workings, small }) };
}

interface Bases {
  tables: Base;
  workings: Base;
  small: Uint8Array[];
}

function cellOf(wb: ExcelJS.Workbook, ref: CellRef): ExcelJS.Cell {
  return wb.getWorksheet(ref.sheet)!.getCell(ref.row + 1, ref.col + 1);
}

function named(findings: Finding[], ref: CellRef): boolean {
  return findings.some((f) => f.cells.some((c) => c.sheet === ref.sheet && c.row === ref.row && c.col === ref.col));
}

function formulaCells(wb: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) out.add(`${ws.name}!${c.address}`);
      }),
    );
  return out;
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The marked copy keeps the input's formulas and adds none; the generated sheets hold none. */
async function outputProblems(wb: ExcelJS.Workbook, findings: Finding[], layouts: ReturnType<typeof generateInProfile>['sheets']): Promise<string[]> {
  const problems: string[] = [];
  const input = new Uint8Array(await wb.xlsx.writeBuffer());
  const before = formulaCells(await reload(input));
  const port = new ExcelJsWorkbookPort(await reload(input));
  await port.applyMarks(marksOf(findings));
  const after = formulaCells(await reload(await port.toBuffer()));
  for (const a of after) if (!before.has(a)) problems.push(`标记副本中出现公式：${a}`);
  if (layouts.length) {
    const out = new ExcelJS.Workbook();
    for (const l of layouts) addLayoutSheet(out, l);
    for (const a of formulaCells(await reload(new Uint8Array(await out.xlsx.writeBuffer())))) problems.push(`生成的工作簿中出现公式：${a}`);
  }
  return problems;
}

async function runCase(index: number, r: Rand, bases: Bases): Promise<CaseResult> {
  const cls = CLASSES[index % CLASSES.length];
  const t0 = performance.now();
  const result: CaseResult = { index, cls, what: '', outcome: 'checked', ms: 0, problems: [], messages: 0, corrupted: 0, outputsChecked: false };
  const restore: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  const set = (cell: ExcelJS.Cell, v: ExcelJS.CellValue) => {
    restore.push([cell, cell.value]);
    cell.value = v;
  };
  const look = (messages: string[]) => {
    result.messages += messages.length;
    for (const m of messages) {
      const p = messageProblem(m);
      if (p) result.problems.push(`${p}：${m.slice(0, 200)}`);
    }
  };
  try {
    if (cls === 'file') {
      const bytes = Buffer.from(pick(r, bases.small));
      const how = pick(r, ['截断', '翻转字节', '清零一段', '重复一段'] as const);
      let data: Uint8Array = bytes;
      if (how === '截断') data = bytes.subarray(0, int(r, 0, bytes.length - 1));
      else if (how === '翻转字节') for (let k = int(r, 1, 20); k > 0; k--) bytes[int(r, 0, bytes.length - 1)] ^= 1 << int(r, 0, 7);
      else if (how === '清零一段') bytes.fill(0, int(r, 0, bytes.length - 1), int(r, 0, bytes.length));
      else {
        const at = int(r, 0, bytes.length - 1);
        data = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + int(r, 1, 4096)), bytes.subarray(at)]);
      }
      result.what = how;
      try {
        const wb = await loadWorkbook(data, `fuzz-${index}.xlsx`);
        look(checkWorkbook(workbookSnapshot(wb), {}).findings.map((f) => f.message));
      } catch (e) {
        if (!(e instanceof WorkbookOpenError)) throw e;
        result.outcome = 'refused';
        look([e.message]);
      }
    } else {
      const b = cls === 'workings' ? bases.workings : cls === 'amount' ? bases.tables : r() < 0.5 ? bases.tables : bases.workings;
      const corrupted: CellRef[] = [];
      const whats: string[] = [];
      if (cls === 'structure') {
        for (let k = int(r, 1, 8); k > 0; k--) {
          const ref = pick(r, b.cells);
          set(cellOf(b.wb, ref), pick(r, HOSTILE)(r));
          whats.push(refText(ref));
        }
      } else {
        const used = new Set<string>();
        for (let k = int(r, 1, 4); k > 0; k--) {
          const ref = pick(r, b.amounts);
          // One cell per row: a row whose every figure is gone may read as a blank row.
          const row = `${ref.sheet}!${ref.row}`;
          if (used.has(row)) continue;
          used.add(row);
          const [kind, make] = pick(r, CORRUPT);
          set(cellOf(b.wb, ref), make(r));
          corrupted.push(ref);
          whats.push(`${refText(ref)}←${kind}`);
        }
      }
      result.what = whats.join(' ');
      result.corrupted = corrupted.length;
      const snapshot = workbookSnapshot(b.wb);
      const checked = checkWorkbook(snapshot, {});
      const generated = generateInProfile(snapshot, undefined, {});
      const findings = cls === 'workings' ? generated.findings : checked.findings;
      look(checked.findings.map((f) => f.message));
      look(generated.findings.map((f) => f.message));
      for (const ref of corrupted) if (!named(findings, ref)) result.problems.push(`损坏的金额单元格 ${refText(ref)} 没有被指出`);
      if (index % 20 < CLASSES.length) {
        result.outputsChecked = true;
        result.problems.push(...(await outputProblems(b.wb, checked.findings, generated.sheets)));
      }
    }
  } catch (e) {
    result.outcome = 'crash';
    result.problems.push(`崩溃：${e instanceof Error ? (e.stack ?? e.message).slice(0, 600) : String(e)}`);
  } finally {
    for (const [cell, v] of restore.reverse()) cell.value = v;
  }
  result.ms = performance.now() - t0;
  return result;
}
