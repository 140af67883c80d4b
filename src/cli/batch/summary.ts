// The batch summary: CSV (UTF-8 with BOM, CRLF, so that Excel opens it correctly) and JSON, and the text table.
import { basename } from 'node:path';
import { displayWidth, padDisplay } from '../terminal-text';
import { WORKBOOK_KIND_LABEL } from '../../app/workbook-kind';
import type { BatchRow } from './task';

export const STATUS_LABEL: Record<BatchRow['status'], string> = { ok: '完成', failed: '失败', 'no-tables': '无可识别的表' };

interface Column {
  header: string;
  value: (r: BatchRow) => string | number | null;
}

function columns(kind: 'check' | 'generate'): Column[] {
  const cols: Column[] = [
    { header: '文件', value: (r) => basename(r.file) },
    { header: '类型', value: (r) => WORKBOOK_KIND_LABEL[r.kind] },
    { header: '单位', value: (r) => r.unit },
    { header: '年度', value: (r) => r.year },
    { header: '状态', value: (r) => STATUS_LABEL[r.status] },
    { header: '错误', value: (r) => r.errors },
    { header: '提示', value: (r) => r.warnings },
    { header: '尾差', value: (r) => r.tails },
    { header: '绩效自评表数', value: (r) => r.performanceTables },
    { header: '绩效总分问题', value: (r) => r.totalIssues },
  ];
  if (kind === 'generate') {
    cols.push({ header: '新增工作表', value: (r) => r.addedSheets ?? 0 }, { header: '输出文件', value: (r) => (r.output ? basename(r.output) : '') });
  }
  cols.push({ header: '说明', value: (r) => r.message ?? '' }, { header: '用时(毫秒)', value: (r) => r.ms });
  return cols;
}

/** A text that Excel (or WPS) would evaluate when it opens the CSV: quoting alone does not stop it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. A text starting like a formula (=, +, -, @, tab, CR: a unit or file name such as
 * `=HYPERLINK(…)` or `@SUM(A1).xlsx`) gets a leading apostrophe, so the spreadsheet shows it as text and
 * never runs it; numbers are written as numbers.
 */
export function csvField(v: string | number | null): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : String(v);
  if (/[",\r\n']/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function summaryCsv(rows: BatchRow[], kind: 'check' | 'generate'): string {
  const cols = columns(kind);
  const lines = [cols.map((c) => csvField(c.header)).join(','), ...rows.map((r) => cols.map((c) => csvField(c.value(r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface BatchTotals {
  files: number;
  ok: number;
  failed: number;
  noTables: number;
  /** Files that are 底稿 (their working sheets checked, not nine tables). */
  workings: number;
  errors: number;
  warnings: number;
  tails: number;
  totalIssues: number;
}

export function totalsOf(rows: BatchRow[]): BatchTotals {
  const t: BatchTotals = { files: rows.length, ok: 0, failed: 0, noTables: 0, workings: 0, errors: 0, warnings: 0, tails: 0, totalIssues: 0 };
  for (const r of rows) {
    if (r.status === 'ok') t.ok++;
    else if (r.status === 'failed') t.failed++;
    else t.noTables++;
    if (r.kind === 'workings') t.workings++;
    t.errors += r.errors;
    t.warnings += r.warnings;
    t.tails += r.tails;
    t.totalIssues += r.totalIssues;
  }
  return t;
}

export interface BatchSummaryJson {
  command: 'check' | 'generate';
  folder: string;
  outDir?: string;
  workers: number;
  elapsedMs: number;
  totals: BatchTotals;
  rows: BatchRow[];
}

/** The summary as an aligned text table (without the long columns). */
export function summaryTable(rows: BatchRow[], kind: 'check' | 'generate'): string {
  const cols = columns(kind).filter((c) => c.header !== '用时(毫秒)' && c.header !== '输出文件');
  const cells = [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => String(c.value(r) ?? '')))];
  const widths = cols.map((_c, i) => Math.min(40, Math.max(...cells.map((line) => displayWidth(line[i])))));
  return cells
    .map((line) =>
      line
        .map((v, i) => (i === line.length - 1 ? v : padDisplay(v, widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
