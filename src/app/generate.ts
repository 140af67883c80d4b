// The generate use case: working sheets (or the nine tables already in the workbook, or a model) → the nine
// formatted sheets of a profile. It reads with readers/ (tables, working sheets), and derives and lays out with
// generator/.
import { clipFinding } from '../core/quote';
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import { DEFAULT_PROFILE_ID, profileById, type Profile } from '../core/profiles';
import { deriveAccounts } from '../generator/derive';
import { tableSheets, type GenerateOptions } from '../generator/sheets';
import type { SheetLayout } from '../port/layout';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readAccounts, type ReadResult } from '../readers/tables';
import { hasWorkingSheets, readWorkings } from '../readers/workings';
import { draftNarrative, draftSheet } from '../generator/narrative';
import { workingExtras } from './narrative-inputs';
import { lastYearInWorkbook, lastYearMismatch } from './last-year';

export type { GenerateOptions } from '../generator/sheets';
export { DRAFT_SHEET_NAME } from '../generator/narrative';

export interface GenerateResult {
  /** Empty when the input has errors: nothing is generated from figures that cannot be read. */
  sheets: SheetLayout[];
  /** The model as printed in the generated sheets. */
  accounts: FinalAccounts | null;
  source: 'workings' | 'tables' | 'model';
  /** Problems with the input (working sheets or tables), and layout problems. */
  findings: Finding[];
}

function isSnapshot(x: WorkbookSnapshot | FinalAccounts): x is WorkbookSnapshot {
  return Array.isArray((x as WorkbookSnapshot).sheets);
}

/**
 * Generation in the profile the user chose, or when none: working sheets print in the default profile; tables
 * already in the workbook keep the profile they match (read once, and that read is the one generated from).
 * One rule for the CLI, the add-in and the page.
 */
export function generateInProfile(
  snapshot: WorkbookSnapshot,
  profileId?: string,
  options: GenerateOptions = {},
  /** False: the nine sheets only (the narrative use case drafts the 情况说明 itself). */
  draft: DraftOptions | false = {},
): GenerateResult & { profile: Profile } {
  let result: GenerateResult & { profile: Profile };
  if (profileId) {
    const chosen = profileById(profileId);
    if (!chosen) throw new Error(`unknown profile ${profileId}`);
    result = { ...generate(snapshot, chosen, options), profile: chosen };
  } else if (hasWorkingSheets(snapshot)) {
    const profile = profileById(DEFAULT_PROFILE_ID)!;
    result = { ...generate(snapshot, profile, options), profile };
  } else {
    const read = readAccounts(snapshot);
    result = { ...generate(snapshot, read.profile, options, read), profile: read.profile };
  }
  return draft === false ? result : withNarrativeDraft(snapshot, result, draft);
}

/** For the 情况说明 draft sheet: last year's tables picked by the user (app/last-year.ts), and their file name. */
export interface DraftOptions {
  lastYear?: FinalAccounts | null;
  lastYearFile?: string;
}

/**
 * The nine sheets and, after them, the 情况说明 draft from the same figures (#13): added like every generated
 * sheet, so a sheet of that name already there is never replaced. Last year is the file the user picked
 * (pane, page), else what the working sheets' 上年数 columns give; without either the 较上年 figures are gaps
 * to fill (`final-accounts narrative --last-year` words them).
 */
function withNarrativeDraft<R extends GenerateResult>(snapshot: WorkbookSnapshot, result: R, options: DraftOptions): R {
  if (!result.sheets.length || !result.accounts) return result;
  const workings = hasWorkingSheets(snapshot) ? readWorkings(snapshot) : null;
  // Last year picked by the user wins over the 上年数 columns; of another year than the one before it is not used.
  const mismatch = options.lastYear ? lastYearMismatch(result.accounts.year, options.lastYear, options.lastYearFile) : null;
  // The 上年数 columns are derived only when no file was picked (it wins over them).
  const own = () => (workings ? (lastYearInWorkbook(snapshot, workings)?.accounts ?? null) : null);
  const lastYear = options.lastYear ? (mismatch ? null : options.lastYear) : own();
  const extras = workings ? workingExtras(workings.data) : {};
  const draft = draftNarrative({ accounts: result.accounts, lastYear, ...extras });
  return { ...result, sheets: [...result.sheets, draftSheet(draft)], findings: [...result.findings, ...(mismatch ? [mismatch] : [])] };
}

/** `read`: the tables already read from this snapshot in this profile, when the caller has them. */
export function generate(
  input: WorkbookSnapshot | FinalAccounts,
  profile: Profile,
  options: GenerateOptions = {},
  read?: ReadResult,
): GenerateResult {
  let accounts: FinalAccounts;
  let source: GenerateResult['source'];
  const findings: Finding[] = [];
  if (profile.generates === false) {
    // The 2018 department set is read and checked; its layouts are not generated (docs/department-2018.md).
    const message = `${profile.name}格式目前只支持读取和核对，不支持生成表格。请选择 2024 年公开格式生成。`;
    return {
      sheets: [],
      accounts: null,
      source: isSnapshot(input) ? 'tables' : 'model',
      findings: [{ table: '', rule: 'G-PROFILE', severity: 'error', message, cells: [] }],
    };
  }
  if (!isSnapshot(input)) {
    accounts = input;
    source = 'model';
  } else if (hasWorkingSheets(input)) {
    const read = readWorkings(input);
    findings.push(...read.findings);
    source = 'workings';
    if (read.findings.some((f) => f.severity === 'error')) return { sheets: [], accounts: null, source, findings: findings.map(clipFinding) };
    accounts = deriveAccounts(read.data, profile, { unit: options.unit, classList: options.classList, printed: true });
  } else {
    const tables = read ?? readAccounts(input, { profile: profile.id });
    findings.push(...tables.findings);
    source = 'tables';
    if (Object.keys(tables.accounts.tables).length === 0) {
      findings.push({
        rule: 'G-NOINPUT',
        severity: 'error',
        table: '生成',
        message: '工作簿中既没有底稿，也没有可识别的公开表，无法生成。请先插入底稿模板并填写（final-accounts template）。',
        cells: [],
      });
      return { sheets: [], accounts: null, source, findings: findings.map(clipFinding) };
    }
    // The user's figures as they are: re-laid out, not recomputed.
    accounts = tables.accounts;
  }
  const laid = tableSheets(accounts, profile, options);
  findings.push(...laid.findings);
  return { sheets: laid.sheets, accounts, source, findings: findings.map(clipFinding) };
}
