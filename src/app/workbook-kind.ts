// What a workbook of a batch is (公开表, 底稿, 绩效自评表 only, or nothing we know) and the findings that are
// real for that kind: a 底稿 workbook is not missing nine tables, it is checked as working sheets.
import type { CheckReport } from '../core/report';
import type { WorkbookSnapshot } from '../port/snapshot';
import { hasWorkingSheets, readWorkings } from '../readers/workings';

export type WorkbookKind = 'tables' | 'workings' | 'performance' | 'unknown';

export const WORKBOOK_KIND_LABEL: Record<WorkbookKind, string> = {
  tables: '公开表',
  workings: '底稿',
  performance: '绩效自评表',
  unknown: '无法识别',
};

export function workbookKind(snapshot: WorkbookSnapshot, report: CheckReport): WorkbookKind {
  if (report.tables.length > 0) return 'tables';
  if (hasWorkingSheets(snapshot)) return 'workings';
  return report.projects.length > 0 ? 'performance' : 'unknown';
}

/**
 * The report as it counts for a workbook of this kind. With no 公开表 at all, "table not found" (R-TABLE)
 * is not a problem of the file: it is dropped; a 底稿 workbook gets its working sheets' findings, unit and
 * year instead.
 */
export function reportOfKind(kind: WorkbookKind, snapshot: WorkbookSnapshot, report: CheckReport): CheckReport {
  if (kind === 'tables') return report;
  const others = report.findings.filter((f) => f.rule !== 'R-TABLE');
  if (kind !== 'workings') return { ...report, findings: others };
  const workings = readWorkings(snapshot);
  return {
    ...report,
    unit: workings.data.unitName ?? report.unit,
    year: workings.data.year ?? report.year,
    findings: [...workings.findings, ...others],
  };
}
