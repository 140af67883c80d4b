// The findings as a finance officer reads them, for every front end (the pane, the page, the CLI's text):
// grouped by table, then severity; cell addresses under the table's heading without its sheet name; a plain
// title for each rule (the code kept for hover and JSON); expected, actual and difference as aligned text;
// the one summary line. Pure: no React, no I/O. Filtering by severity and table is here too, so a front end
// only renders.
import { a1, refText, type CellRef } from '../core/cells';
import { findingsByTable, SEVERITY_LABEL, SEVERITY_ORDER, summarize, type Finding, type Severity, type Summary } from '../core/findings';
import { minorPerCent, type MoneyUnit } from '../core/money';
import { isTableId } from '../core/model';
import { NARRATIVE_TABLE } from '../core/narrative';
import type { CheckReport } from '../core/report';
import type { ReviewStatus } from '../core/review/record';
import { ruleTitle } from '../core/rule-titles';

/** At most this many addresses are listed; the rest are counted (`… 等 27 格`). */
export const ADDRESSES_SHOWN = 6;

/** 应为 / 实为 / 差额 as text, each in the same format so that they line up in a column. */
export interface FindingFigures {
  expected: string;
  actual: string;
  difference: string;
  /** 万元, 元, or '' for rates and scores. */
  unit: string;
}

/**
 * What the officer decided about a finding (#16: 已说明 / 误报). Not set by the check; a front end renders it
 * when present.
 */
export interface FindingStatus {
  label: string;
  reason?: string;
  /** The review behind it (app/review.ts reviewStatusOf), for the status controls. */
  review?: { id: string; status: ReviewStatus; changed: boolean };
}

export interface PresentedFinding {
  /** Stable within one report. */
  key: string;
  severity: Severity;
  severityLabel: string;
  /** The rule code (T1-b, X13, P8…), for hover and for the JSON. */
  rule: string;
  /** Its plain Chinese title. */
  title: string;
  /** The message, without a leading `Sheet!A1：` that the addresses already say. */
  message: string;
  /** The cell a jump selects; null when the finding names no cell. */
  cell: CellRef | null;
  cells: CellRef[];
  /** `D32、D6、…` on the group's sheet, `工作表名 E7` elsewhere; at most ADDRESSES_SHOWN, then `等 N 格`. */
  addresses: string;
  /** Every cell, `Sheet!A1`, for a tooltip. */
  allAddresses: string;
  figures: FindingFigures | null;
  /** 上年数 (`1,234.56`), when last year's tables were compared. */
  lastYear?: string;
  status?: FindingStatus;
}

export interface PresentedSeverity {
  severity: Severity;
  label: string;
  findings: PresentedFinding[];
}

export interface PresentedGroup {
  /** The finding's `table`: 01…09, 情况说明, or a 绩效 project name. */
  table: string;
  /** 公开01表 收入支出决算总表, 情况说明, 绩效自评：项目名. */
  heading: string;
  /** The sheet the addresses are on (shown once, in the heading), or null. */
  sheet: string | null;
  counts: Summary;
  bySeverity: PresentedSeverity[];
}

export interface FindingsFilter {
  /** Severities to show; all when absent or empty. */
  severities?: readonly Severity[];
  /** Tables (group keys) to show; all when absent or empty. */
  tables?: readonly string[];
}

export interface FindingsPresentation {
  /** The groups left by the filter. */
  groups: PresentedGroup[];
  /** Counts over every finding, whatever the filter. */
  summary: Summary;
  summaryText: string;
  /** Every table with findings, for the table filter: key and heading, in list order. */
  tables: { table: string; heading: string; count: number }[];
  /** Findings shown after the filter. */
  shown: number;
  total: number;
}

/** `错误 N 项 · 提示 N 项 · 尾差 N 处（不影响公开，可调整）`: 尾差 are listed, never counted as problems. */
export function summaryText(s: Summary): string {
  return `错误 ${s.error} 项 · 提示 ${s.warning} 项 · 尾差 ${s.tail} 处（不影响公开，可调整）`;
}

export function groupHeading(report: Pick<CheckReport, 'tables' | 'narrative'>, table: string): string {
  if (isTableId(table)) {
    const loc = report.tables.find((t) => t.id === table);
    return loc ? `公开${table}表 ${loc.title}` : `公开${table}表`;
  }
  if (table === NARRATIVE_TABLE) return report.narrative ? `情况说明（${report.narrative.source.name}）` : '情况说明';
  return table ? `绩效自评：${table}` : '其他';
}

/** The group's sheet: the located table's, else the sheet most of its cells are on. */
function groupSheet(report: Pick<CheckReport, 'tables'>, table: string, findings: Finding[]): string | null {
  const loc = isTableId(table) ? report.tables.find((t) => t.id === table) : undefined;
  if (loc) return loc.sheet;
  // 情况说明 findings also name the table cells a figure is compared with: their sheet is the 情况说明's own.
  if (table === NARRATIVE_TABLE) return findings.find((f) => f.location?.cell)?.location?.cell?.sheet ?? null;
  const count = new Map<string, number>();
  for (const f of findings) for (const c of f.cells) count.set(c.sheet, (count.get(c.sheet) ?? 0) + 1);
  let best: string | null = null;
  for (const [sheet, n] of count) if (best === null || n > count.get(best)!) best = sheet;
  return best;
}

/** Addresses on `sheet` bare, others with their sheet; the first ADDRESSES_SHOWN, then how many in all. */
export function addressList(cells: CellRef[], sheet: string | null): string {
  const shown = cells.slice(0, ADDRESSES_SHOWN).map((c) => (c.sheet === sheet ? a1(c.row, c.col) : `${c.sheet} ${a1(c.row, c.col)}`));
  const more = cells.length > ADDRESSES_SHOWN ? `… 等 ${cells.length} 格` : '';
  return shown.join('、') + more;
}

/** `1,653.66`: two decimals with thousands separators, from 分 without floating point. */
function groupedAmount(minor: number, unit: MoneyUnit, signed = false): string {
  const cents = Math.round(minor / minorPerCent(unit));
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = cents < 0 ? '-' : signed && cents > 0 ? '+' : '';
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

function plainNumber(n: number, signed = false): string {
  const text = String(Math.round(n * 10000) / 10000);
  return signed && n > 0 ? `+${text}` : text;
}

export function findingFigures(f: Finding): FindingFigures | null {
  if (f.expectedMinor !== undefined && f.actualMinor !== undefined && f.unit) {
    return {
      expected: groupedAmount(f.expectedMinor, f.unit),
      actual: groupedAmount(f.actualMinor, f.unit),
      difference: groupedAmount(f.actualMinor - f.expectedMinor, f.unit, true),
      unit: f.unit,
    };
  }
  if (f.expected !== undefined && f.actual !== undefined) {
    return { expected: plainNumber(f.expected), actual: plainNumber(f.actual), difference: plainNumber(f.actual - f.expected, true), unit: '' };
  }
  return null;
}

/** A message that opens with one of its own cells (`绩效自评11-20!G71：…`) loses that opening; the addresses say it. */
function messageWithoutCell(f: Finding): string {
  for (const c of f.cells) {
    const prefix = `${refText(c)}：`;
    if (f.message.startsWith(prefix)) return f.message.slice(prefix.length);
  }
  return f.message;
}

function present(f: Finding, key: string, sheet: string | null, status?: FindingStatus): PresentedFinding {
  return {
    key,
    severity: f.severity,
    severityLabel: SEVERITY_LABEL[f.severity],
    rule: f.rule,
    title: ruleTitle(f.rule) ?? `规则 ${f.rule}`,
    message: messageWithoutCell(f),
    cell: f.cells[0] ?? null,
    cells: f.cells,
    addresses: addressList(f.cells, sheet),
    allAddresses: f.cells.map(refText).join('、'),
    figures: findingFigures(f),
    ...(f.lastYearMinor !== undefined && f.unit ? { lastYear: groupedAmount(f.lastYearMinor, f.unit) } : {}),
    ...(status ? { status } : {}),
  };
}

export interface PresentOptions {
  filter?: FindingsFilter;
  /** #16: a status per finding (by its index in report.findings), rendered when present. */
  statusOf?: (finding: Finding, index: number) => FindingStatus | undefined;
}

export function presentFindings(report: Pick<CheckReport, 'tables' | 'narrative' | 'findings'>, options: PresentOptions = {}): FindingsPresentation {
  const { filter = {}, statusOf } = options;
  const index = new Map(report.findings.map((f, i) => [f, i]));
  const severities = filter.severities?.length ? new Set(filter.severities) : null;
  const tables = filter.tables?.length ? new Set(filter.tables) : null;
  const all = findingsByTable(report.findings);
  let shown = 0;
  const groups: PresentedGroup[] = [];
  for (const { table, findings } of all) {
    if (tables && !tables.has(table)) continue;
    const sheet = groupSheet(report, table, findings);
    const bySeverity = SEVERITY_ORDER.filter((s) => !severities || severities.has(s))
      .map((severity) => ({
        severity,
        label: SEVERITY_LABEL[severity],
        findings: findings
          .filter((f) => f.severity === severity)
          .map((f) => {
            const i = index.get(f)!;
            return present(f, `${table}:${i}`, sheet, statusOf?.(f, i));
          }),
      }))
      .filter((s) => s.findings.length > 0);
    if (bySeverity.length === 0) continue;
    shown += bySeverity.reduce((n, s) => n + s.findings.length, 0);
    groups.push({ table, heading: groupHeading(report, table), sheet, counts: summarize(findings), bySeverity });
  }
  const summary = summarize(report.findings);
  return {
    groups,
    summary,
    summaryText: summaryText(summary),
    tables: all.map(({ table, findings }) => ({ table, heading: groupHeading(report, table), count: findings.length })),
    shown,
    total: report.findings.length,
  };
}

/** The presented findings in list order: what arrow keys walk through. */
export function presentedInOrder(p: FindingsPresentation): PresentedFinding[] {
  return p.groups.flatMap((g) => g.bySeverity.flatMap((s) => s.findings));
}
