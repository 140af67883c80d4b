// Comparisons with last year's tables (issue #16 point 6; docs/review.md):
// - L1 (error): this year's 年初结转和结余 = last year's 年末结转和结余, in total and per fund (01, 04, and each
//   row of the 政府性基金 / 国有资本经营 tables), at both cells;
// - L2 (提示): a 类/款/项 of the 支出决算表 or a 三公 item changed beyond the threshold (default ±30 % and ≥ 10 万元);
// - L3 (提示): a 项 that is new this year, or that last year had and this year does not.
// Last year's cells live in another workbook: their sheet is written `上年:<sheet>` (a colon can be in no sheet
// name, so such a cell is never marked in this year's workbook) and they show in the findings as such.
import type { CellRef } from '../cells';
import { classifyDifference, type Finding } from '../findings';
import { formatAmount, type MoneyUnit } from '../money';
import type { AmountCell, FinalAccounts, TableData, TableRow, TableTopic } from '../model';
import { rowName } from './labels';

export const LAST_YEAR_SHEET_PREFIX = '上年:';

export interface ChangeThreshold {
  /** Percent of last year's figure. */
  percent: number;
  /** Smallest change that counts, in 分 (10 万元 = 10,000,000 分). */
  minMinor: number;
}
export const DEFAULT_CHANGE_THRESHOLD: ChangeThreshold = { percent: 30, minMinor: 10_000_000 };

/** `30,10` (percent, 万元) → a threshold; null when the text is not two non-negative numbers. */
export function parseChangeThreshold(text: string): ChangeThreshold | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*[,，]\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  return { percent: Number(m[1]), minMinor: Math.round(Number(m[2]) * 1_000_000) };
}

export function lastYearRef(ref: CellRef): CellRef {
  return { ...ref, sheet: `${LAST_YEAR_SHEET_PREFIX}${ref.sheet}` };
}

const byTopic = (a: FinalAccounts, topic: TableTopic): TableData | undefined => Object.values(a.tables).find((t) => t?.topic === topic);
const rowOf = (t: TableData | undefined, key: string): TableRow | undefined => t?.rows.find((r) => r.key === key);
const usable = (c: AmountCell | undefined): c is AmountCell => !!c && !c.invalid;
const name = (t: TableData) => `公开${t.id}表（${t.title}）`;

interface Pair {
  table: TableData;
  last: TableData;
  label: string;
  thisCell: AmountCell | undefined;
  lastCell: AmountCell | undefined;
}

/** The 年初 (this year) / 年末 (last year) pairs of every table that has them. */
function carryPairs(now: FinalAccounts, before: FinalAccounts): Pair[] {
  const pairs: Pair[] = [];
  const s = byTopic(now, 'summary');
  const sl = byTopic(before, 'summary');
  if (s && sl)
    pairs.push({
      table: s,
      last: sl,
      label: '年初结转和结余',
      thisCell: rowOf(s, 'inc.carryIn')?.cells.amount,
      lastCell: rowOf(sl, 'exp.carryOut')?.cells.amount,
    });
  const f = byTopic(now, 'fiscalSummary');
  const fl = byTopic(before, 'fiscalSummary');
  if (f && fl) {
    const funds = [
      ['inc.carryIn', 'total', '年初财政拨款结转和结余'],
      ['inc.carryIn.gpb', 'gpb', '年初结转和结余（一般公共预算）'],
      ['inc.carryIn.gf', 'gf', '年初结转和结余（政府性基金预算）'],
      ['inc.carryIn.soe', 'soe', '年初结转和结余（国有资本经营预算）'],
    ] as const;
    for (const [row, col, label] of funds) {
      const thisRow = rowOf(f, row);
      if (!thisRow) continue;
      pairs.push({
        table: f,
        last: fl,
        label,
        thisCell: thisRow.cells.amount ?? thisRow.cells[col],
        lastCell: rowOf(fl, 'exp.carryOut')?.cells[col],
      });
    }
  }
  for (const topic of ['govFund', 'stateCapital'] as const) {
    const t = byTopic(now, topic);
    const tl = byTopic(before, topic);
    if (!t || !tl) continue;
    for (const r of t.rows) {
      if (!r.cells.carryIn) continue;
      const lastRow = rowOf(tl, r.key);
      if (!lastRow && r.cells.carryIn.minor === 0) continue;
      pairs.push({ table: t, last: tl, label: `“${rowName(r)}”年初结转和结余`, thisCell: r.cells.carryIn, lastCell: lastRow?.cells.carryOut });
    }
  }
  return pairs;
}

function carryOver(now: FinalAccounts, before: FinalAccounts): Finding[] {
  const out: Finding[] = [];
  for (const p of carryPairs(now, before)) {
    if (!usable(p.thisCell) || !p.thisCell.ref) continue;
    // A row last year did not have carried 0 into this year.
    const lastMinor = usable(p.lastCell) ? p.lastCell.minor : p.lastCell ? null : 0;
    if (lastMinor === null) continue;
    const diff = p.thisCell.minor - lastMinor;
    const cls = classifyDifference(diff, 1, p.table.unit);
    if (cls === 'none') continue;
    const unit = p.table.unit;
    const lastText = p.lastCell?.ref ? `${name(p.last)}的年末结转和结余` : `${name(p.last)}（该行上年没有，视为 0）`;
    out.push({
      rule: 'L1',
      severity: cls === 'tail' ? 'tail' : 'error',
      table: p.table.id,
      message: `${name(p.table)}“${p.label}”为 ${formatAmount(p.thisCell.minor, unit)}，上年${lastText}为 ${formatAmount(lastMinor, unit)}，相差 ${formatAmount(diff, unit)}。本年年初数应等于上年年末数；请核对两年的表。`,
      cells: [p.thisCell.ref, ...(p.lastCell?.ref ? [lastYearRef(p.lastCell.ref)] : [])],
      unit,
      expectedMinor: lastMinor,
      actualMinor: p.thisCell.minor,
      lastYearMinor: lastMinor,
    });
  }
  return out;
}

function percentText(diff: number, last: number): string {
  if (last === 0) return '上年为 0';
  const pct = Math.round((diff * 1000) / Math.abs(last)) / 10;
  return `${pct >= 0 ? '增长' : '下降'} ${Math.abs(pct)}%`;
}

function beyond(diff: number, last: number, th: ChangeThreshold): boolean {
  const d = Math.abs(diff);
  return d >= th.minMinor && d > 0 && (last === 0 || d * 100 >= th.percent * Math.abs(last));
}

function thresholdText(th: ChangeThreshold, unit: MoneyUnit): string {
  return `±${th.percent}% 且 ${formatAmount(th.minMinor, unit)}${unit}`;
}

/** L2 on the rows of one table and column, L3 for 项 that are new or gone (expenditure only). */
function changes(t: TableData, tl: TableData, col: 'total' | 'final', th: ChangeThreshold, items: boolean): Finding[] {
  const out: Finding[] = [];
  const lastRows = new Map(tl.rows.map((r) => [r.key, r]));
  const unit = t.unit;
  // 支出决算表: the 类/款/项 rows; 三公: every item and the 合计.
  const keep = (r: TableRow) => (items ? !!r.code : true);
  for (const r of t.rows.filter(keep)) {
    const c = r.cells[col];
    if (!usable(c) || !c.ref) continue;
    const lr = lastRows.get(r.key);
    const lc = lr?.cells[col];
    if (!lr || !usable(lc)) {
      if (items && r.level === '项' && !lr && c.minor !== 0)
        out.push({
          rule: 'L3',
          severity: 'warning',
          table: t.id,
          message: `${name(t)}“${rowName(r)}”是本年新增的项（上年没有该项），本年为 ${formatAmount(c.minor, unit)}${unit}。请说明新增的原因。`,
          cells: [c.ref],
          unit,
          lastYearMinor: 0,
        });
      continue;
    }
    const diff = c.minor - lc.minor;
    if (!beyond(diff, lc.minor, th)) continue;
    out.push({
      rule: 'L2',
      severity: 'warning',
      table: t.id,
      message: `${name(t)}“${rowName(r)}”本年为 ${formatAmount(c.minor, unit)}，上年为 ${formatAmount(lc.minor, unit)}，${percentText(diff, lc.minor)}（${diff >= 0 ? '增加' : '减少'} ${formatAmount(Math.abs(diff), unit)}${unit}），变动超过 ${thresholdText(th, unit)}。请说明变动原因。`,
      cells: [c.ref],
      unit,
      expectedMinor: lc.minor,
      actualMinor: c.minor,
      lastYearMinor: lc.minor,
    });
  }
  if (items) {
    const present = new Set(t.rows.map((r) => r.key));
    for (const lr of tl.rows) {
      const lc = lr.cells[col];
      if (lr.level !== '项' || present.has(lr.key) || !usable(lc) || lc.minor === 0) continue;
      out.push({
        rule: 'L3',
        severity: 'warning',
        table: t.id,
        message: `${name(tl)}上年有“${rowName(lr)}”（${formatAmount(lc.minor, tl.unit)}${tl.unit}），本年没有该项。请说明原因（如项目结束、科目调整）。`,
        cells: lc.ref ? [lastYearRef(lc.ref)] : [],
        unit: tl.unit,
        lastYearMinor: lc.minor,
      });
    }
  }
  return out;
}

/** Every comparison with last year's tables. */
export function lastYearRules(now: FinalAccounts, before: FinalAccounts, threshold: ChangeThreshold = DEFAULT_CHANGE_THRESHOLD): Finding[] {
  const out = carryOver(now, before);
  const e = byTopic(now, 'expenditure');
  const el = byTopic(before, 'expenditure');
  if (e && el) out.push(...changes(e, el, 'total', threshold, true));
  const p = byTopic(now, 'threePublic');
  const pl = byTopic(before, 'threePublic');
  if (p && pl) out.push(...changes(p, pl, 'final', threshold, false));
  return out;
}

/**
 * The 上年数 of a finding: last year's figure at the key of the first of its cells that last year has
 * (the findings that concern a figure show it beside the figure). Leaves a finding that has one as it is.
 */
export function withLastYearFigures(findings: Finding[], now: FinalAccounts, before: FinalAccounts): Finding[] {
  const keyOf = new Map<string, { table: string; row: string; col: string }>();
  for (const t of Object.values(now.tables)) {
    if (!t) continue;
    for (const r of t.rows)
      for (const [col, c] of Object.entries(r.cells))
        if (c?.ref) keyOf.set(`${c.ref.sheet}!${c.ref.row}:${c.ref.col}`, { table: t.topic, row: r.key, col });
  }
  return findings.map((f) => {
    if (f.lastYearMinor !== undefined) return f;
    for (const ref of f.cells) {
      const k = keyOf.get(`${ref.sheet}!${ref.row}:${ref.col}`);
      if (!k) continue;
      const lc = rowOf(byTopic(before, k.table as TableTopic), k.row)?.cells[k.col as keyof TableRow['cells']];
      if (usable(lc)) return { ...f, lastYearMinor: lc.minor };
    }
    return f;
  });
}
