// The result of a check run, as the CLI prints it (--json) and the task pane shows it.
import type { Finding, FindingJson, Summary } from './findings';
import { findingToJson, summarize } from './findings';
import type { MoneyUnit } from './money';
import type { TableId } from './model';
import { narrativeToJson, type NarrativeJson, type NarrativeReport } from './narrative/json';

export interface TableLocation {
  id: TableId;
  title: string;
  sheet: string;
  range: string;
}

/** Per-project summary of the 绩效自评 check (filled by the performance module). */
export interface ProjectSummary {
  project: string;
  sheet: string;
  printedTotal: number | null;
  recomputedTotal: number | null;
  /** The printed 总分 is missing or differs from the recomputed one beyond the rubric's tolerance. */
  totalIssue: boolean;
  grade: string | null;
  findings: number;
}

export interface CheckReport {
  file?: string;
  profile: string;
  unit: string | null;
  year: number | null;
  amountUnit: MoneyUnit;
  tables: TableLocation[];
  findings: Finding[];
  projects: ProjectSummary[];
  /** The 情况说明 check, when a narrative was given or the workbook has a 情况说明 sheet (#13). */
  narrative?: NarrativeReport;
}

export interface CheckReportJson {
  file: string;
  profile: string;
  unit: string | null;
  year: number | null;
  amountUnit: MoneyUnit;
  tables: TableLocation[];
  findings: FindingJson[];
  summary: Summary;
  projects: ProjectSummary[];
  narrative?: NarrativeJson;
}

export function reportToJson(report: CheckReport): CheckReportJson {
  return {
    file: report.file ?? '',
    profile: report.profile,
    unit: report.unit,
    year: report.year,
    amountUnit: report.amountUnit,
    tables: report.tables,
    findings: report.findings.map(findingToJson),
    summary: summarize(report.findings),
    projects: report.projects,
    ...(report.narrative ? { narrative: narrativeToJson(report.narrative) } : {}),
  };
}
