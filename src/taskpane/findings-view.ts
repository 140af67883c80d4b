// The findings list as the pane shows it: grouped by table, then severity, with counts.
import { refText, type CellRef } from '../core/cells';
import type { Severity, Summary } from '../core/findings';
import { findingsByTable, SEVERITY_LABEL, SEVERITY_ORDER, summarize } from '../core/findings';
import type { CheckReport } from '../core/report';
import { isTableId } from '../core/model';
import { formatAmount } from '../core/money';
import { REVIEW_STATUS_LABEL, type ReviewStatus } from '../core/review/record';
import type { ReviewedFinding } from '../core/review/status';
import type { ReviewedCheck } from '../app/review';

export interface FindingRow {
  /** Stable key for the list. */
  key: string;
  severity: Severity;
  severityLabel: string;
  message: string;
  /** The first cell, where a click jumps; null when the finding names no cell. */
  cell: CellRef | null;
  cellText: string;
  rule: string;
  /** Review (issue #16), for errors and 提示 with an id: the status, and the reason of an explained one. */
  id?: string;
  status?: ReviewStatus;
  statusLabel?: string;
  reason?: string;
  /** Explained, then its figures changed: 待处理 again. */
  changed?: boolean;
  /** 上年数 as printed (`12.35`), when last year's tables were given. */
  lastYear?: string;
}

export interface FindingGroup {
  key: string;
  /** 公开01表 收入支出决算总表, or the 绩效 project name. */
  label: string;
  counts: Summary;
  bySeverity: { severity: Severity; label: string; rows: FindingRow[] }[];
}

function tableLabel(report: CheckReport, table: string): string {
  if (isTableId(table)) {
    const loc = report.tables.find((t) => t.id === table);
    return loc ? `公开${table}表 ${loc.title}` : `公开${table}表`;
  }
  return table || '其他';
}

export function groupFindings(report: CheckReport, review?: ReviewedCheck | null): FindingGroup[] {
  const byId = new Map((review?.state.findings ?? []).map((r) => [r.finding.id, r]));
  return findingsByTable(report.findings).map(({ table, findings }) => ({
    key: table,
    label: tableLabel(report, table),
    counts: summarize(findings),
    bySeverity: SEVERITY_ORDER.map((severity) => ({
      severity,
      label: SEVERITY_LABEL[severity],
      rows: findings
        .filter((f) => f.severity === severity)
        .map((f, i) => ({
          key: `${table}:${severity}:${i}:${f.rule}`,
          severity,
          severityLabel: SEVERITY_LABEL[severity],
          message: f.message,
          cell: f.cells[0] ?? null,
          cellText: f.cells.map(refText).join('、'),
          rule: f.rule,
          ...reviewOf(byId.get(f.id)),
          ...(f.lastYearMinor !== undefined && f.unit ? { lastYear: formatAmount(f.lastYearMinor, f.unit) } : {}),
        })),
    })).filter((g) => g.rows.length > 0),
  }));
}

function reviewOf(r: ReviewedFinding | undefined): Partial<FindingRow> {
  if (!r?.finding.id) return {};
  return {
    id: r.finding.id,
    status: r.status,
    statusLabel: REVIEW_STATUS_LABEL[r.status],
    ...(r.status !== 'open' && r.record ? { reason: r.record.reason } : {}),
    ...(r.changed ? { changed: true, reason: r.record?.reason } : {}),
  };
}
