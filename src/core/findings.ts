// Findings: what a check reports, and the rounding-tail (尾差) policy.
import { refText, type CellRef } from './cells';
import { minorPerCent, minorToUnit, type MoneyUnit } from './money';
import { isTableId } from './model';
import type { NarrativeLocation } from './narrative/model';

export type Severity = 'error' | 'warning' | 'tail';
export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提示', tail: '尾差' };
/** Worst first: the order findings are listed in. */
export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'tail'];
/** Lower is worse: a cell named by several findings shows the worst. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, tail: 2 };

export interface Finding {
  rule: string;
  severity: Severity;
  /** Table id (`01`…`09`), or the project name for 绩效 findings. */
  table: string;
  message: string;
  cells: CellRef[];
  unit?: MoneyUnit;
  /** In 分, when the finding compares amounts. */
  expectedMinor?: number;
  actualMinor?: number;
  /** For non-money comparisons (rates, scores): the values as they are. */
  expected?: number;
  actual?: number;
  /** For 情况说明 findings (N1…N10): the paragraph and sentence, and the sheet cell when there is one. */
  location?: NarrativeLocation;
  /** Stable identity (core/review/finding-id.ts): rule, table and row/column keys, not addresses. Set by check. */
  id?: string;
  /** Hash of the figures the finding is about: an explanation holds only while it is the same. */
  fingerprint?: string;
  /** Last year's figure (上年数, in 分) of the item the finding is about, when last year's tables were given. */
  lastYearMinor?: number;
}

export interface FindingJson {
  id?: string;
  rule: string;
  severity: Severity;
  table: string;
  message: string;
  cells: string[];
  expected?: number;
  actual?: number;
  difference?: number;
  location?: { paragraph: number; sentence: number; cell?: string };
  /** 上年数, in the table's unit. */
  lastYear?: number;
}

export function findingToJson(f: Finding): FindingJson {
  const out: FindingJson = {
    ...(f.id ? { id: f.id } : {}),
    rule: f.rule,
    severity: f.severity,
    table: f.table,
    message: f.message,
    cells: f.cells.map(refText),
  };
  if (f.expectedMinor !== undefined && f.actualMinor !== undefined && f.unit) {
    out.expected = minorToUnit(f.expectedMinor, f.unit);
    out.actual = minorToUnit(f.actualMinor, f.unit);
    out.difference = minorToUnit(f.actualMinor - f.expectedMinor, f.unit);
  } else if (f.expected !== undefined && f.actual !== undefined) {
    out.expected = f.expected;
    out.actual = f.actual;
    out.difference = Math.round((f.actual - f.expected) * 10000) / 10000;
  }
  if (f.lastYearMinor !== undefined && f.unit) out.lastYear = minorToUnit(f.lastYearMinor, f.unit);
  if (f.location) {
    const { paragraph, sentence, cell } = f.location;
    out.location = cell ? { paragraph, sentence, cell: refText(cell) } : { paragraph, sentence };
  }
  return out;
}

/**
 * The 尾差 policy (docs/domain.md#tail-allowance): with n non-zero addends, a difference with
 * 0 < |d| ≤ max(0.01, 0.005 × (n + 1)) in the table's unit is a tail; more is an error.
 * A difference below half a printed cent is invisible in print and not reported.
 */
export type DifferenceClass = 'none' | 'tail' | 'error';

export function classifyDifference(diffMinor: number, nonZeroAddends: number, unit: MoneyUnit): DifferenceClass {
  const cent = minorPerCent(unit);
  const d = Math.abs(diffMinor);
  if (2 * d < cent) return 'none';
  // |d| ≤ max(0.01, 0.005(n+1)) units  ⇔  2|d| ≤ max(2, n+1) cents
  if (2 * d <= Math.max(2, nonZeroAddends + 1) * cent) return 'tail';
  return 'error';
}

/** The allowance itself, in 分, for messages. */
export function tailAllowanceMinor(nonZeroAddends: number, unit: MoneyUnit): number {
  return (Math.max(2, nonZeroAddends + 1) * minorPerCent(unit)) / 2;
}

export interface Summary {
  error: number;
  warning: number;
  tail: number;
}

/** Findings by table: the nine tables (01…09) first, in order, then the 绩效 tables by name; each in found order. */
export function findingsByTable(findings: Finding[]): Array<{ table: string; findings: Finding[] }> {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byTable.get(f.table);
    if (list) list.push(f);
    else byTable.set(f.table, [f]);
  }
  return [...byTable.keys()]
    .sort((a, b) => (isTableId(a) !== isTableId(b) ? (isTableId(a) ? -1 : 1) : a.localeCompare(b, 'zh-CN')))
    .map((table) => ({ table, findings: byTable.get(table)! }));
}

export function summarize(findings: Finding[]): Summary {
  const s: Summary = { error: 0, warning: 0, tail: 0 };
  for (const f of findings) s[f.severity] += 1;
  return s;
}
