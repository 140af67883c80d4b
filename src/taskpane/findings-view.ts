// The findings list as the pane shows it: grouped by table, then severity, with counts.
import { refText, type CellRef } from '../core/cells';
import type { Severity, Summary } from '../core/findings';
import { findingsByTable, SEVERITY_LABEL, SEVERITY_ORDER, summarize } from '../core/findings';
import type { CheckReport } from '../core/report';
import { isTableId } from '../core/model';

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

export function groupFindings(report: CheckReport): FindingGroup[] {
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
        })),
    })).filter((g) => g.rows.length > 0),
  }));
}
