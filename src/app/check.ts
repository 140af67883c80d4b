// The check use case: read the tables, run every rule, add the 绩效自评 checks.
import { clipFinding } from '../core/quote';
import type { Finding } from '../core/findings';
import { TABLE_IDS, type FinalAccounts } from '../core/model';
import type { PerformanceOptions } from '../core/performance';
import type { CheckReport } from '../core/report';
import { runTableRules } from '../core/rules';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readAccounts } from '../readers/tables';
import { checkPerformance } from './performance';
import type { NarrativeDocument } from '../core/narrative';
import { checkNarrative, narrativeOfWorkbook } from './narrative-check';
import { lastYearInWorkbook, lastYearMismatch } from './last-year';
import { identifyFindings } from '../core/review/finding-id';
import { lastYearRules, withLastYearFigures, type ChangeThreshold } from '../core/rules/last-year-rules';

export interface CheckOptions {
  /** Profile id; default: the one the workbook matches best. */
  profile?: string;
  performance?: PerformanceOptions;
  file?: string;
  /**
   * Last year's tables (app/last-year.ts), for the year-on-year comparisons of the narrative check; default:
   * the 上年数 columns of the workbook's working sheets, when filled.
   */
  lastYear?: FinalAccounts | null;
  /** Its file name, for messages. */
  lastYearFile?: string;
  /** A 情况说明 to check with the tables (#13); default: the workbook's 情况说明 sheet, if any. */
  narrative?: NarrativeDocument;
  /** What change from last year needs a reason (default ±30 % and ≥ 10 万元). */
  changeThreshold?: ChangeThreshold;
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckReport {
  const read = readAccounts(snapshot, { profile: options.profile });
  const ruleFindings = runTableRules(read.accounts, read.profile);
  const perf = checkPerformance(snapshot, options.performance);
  const tables = TABLE_IDS.flatMap((id) => {
    const t = read.accounts.tables[id];
    return t ? [{ id, title: t.title, sheet: t.sheet, range: t.range }] : [];
  });
  const narrativeDoc = options.narrative ?? narrativeOfWorkbook(snapshot);
  // Last year: the file given, else the 上年数 columns of the workbook's working sheets (read only with a 情况说明).
  const own = narrativeDoc && !options.lastYear ? lastYearInWorkbook(snapshot) : null;
  const given = options.lastYear ?? own?.accounts ?? null;
  // Last year's tables of another year than the one before are reported and not used.
  const mismatch = given ? lastYearMismatch(read.accounts.year, given, options.lastYearFile) : null;
  const lastYear = given && !mismatch ? given : undefined;
  const ownErrors = own && !own.accounts ? own.findings : [];
  const narrative = narrativeDoc ? checkNarrative(narrativeDoc, read.accounts, { lastYear }) : null;
  // The L rules and the 上年数 on findings: only with last year's workbook given, not the 上年数 columns.
  const compared = options.lastYear ? lastYear : undefined;
  const firstUnit = TABLE_IDS.map((id) => read.accounts.tables[id]?.unit).find((u) => u !== undefined);
  return {
    file: options.file,
    profile: read.profile.id,
    unit: read.accounts.unitName,
    year: read.accounts.year,
    amountUnit: firstUnit ?? '万元',
    tables,
    findings: identified(
      [
        ...read.findings,
        ...ruleFindings,
        ...(compared ? lastYearRules(read.accounts, compared, options.changeThreshold) : []),
        ...perf.findings,
        ...ownErrors,
        ...(mismatch ? [mismatch] : []),
        ...(narrative?.findings ?? []),
      ],
      read.accounts,
      compared,
    ),
    projects: perf.projects,
    ...(narrative ? { narrative: { source: narrative.source, figures: narrative.figures } } : {}),
  };
}

/** Cell text quoted in a message cut to 100 characters (core/quote.ts), 上年数 beside the figures, and stable ids. */
function identified(findings: Finding[], accounts: FinalAccounts, lastYear: FinalAccounts | undefined): Finding[] {
  const clipped = findings.map(clipFinding);
  return identifyFindings(lastYear ? withLastYearFigures(clipped, accounts, lastYear) : clipped, accounts, lastYear);
}
