// The check use case: read the tables, run every rule, add the 绩效自评 checks.
import { clipFinding } from '../core/quote';
import { TABLE_IDS } from '../core/model';
import type { PerformanceOptions } from '../core/performance';
import type { CheckReport } from '../core/report';
import { runTableRules } from '../core/rules';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readAccounts } from '../readers/tables';
import { checkPerformance } from './performance';

export interface CheckOptions {
  /** Profile id; default: the one the workbook matches best. */
  profile?: string;
  performance?: PerformanceOptions;
  file?: string;
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckReport {
  const read = readAccounts(snapshot, { profile: options.profile });
  const ruleFindings = runTableRules(read.accounts, read.profile);
  const perf = checkPerformance(snapshot, options.performance);
  const tables = TABLE_IDS.flatMap((id) => {
    const t = read.accounts.tables[id];
    return t ? [{ id, title: t.title, sheet: t.sheet, range: t.range }] : [];
  });
  const firstUnit = TABLE_IDS.map((id) => read.accounts.tables[id]?.unit).find((u) => u !== undefined);
  return {
    file: options.file,
    profile: read.profile.id,
    unit: read.accounts.unitName,
    year: read.accounts.year,
    amountUnit: firstUnit ?? '万元',
    tables,
    // Cell text quoted in a message is cut to 100 characters (core/quote.ts).
    findings: [...read.findings, ...ruleFindings, ...perf.findings].map(clipFinding),
    projects: perf.projects,
  };
}
