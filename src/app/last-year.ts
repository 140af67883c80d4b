// Last year's figures (issue #13 point 5): one reader for every use (the narrative draft's 较上年 sentences,
// the check's year-on-year comparisons). A workbook of last year's nine tables is read as tables; one of last
// year's working sheets is derived into the nine tables, exactly as generate would print them; the 上年数
// columns of this year's working sheets are derived the same way.
import type { Finding } from '../core/findings';
import type { FinalAccounts, TableData, TableId } from '../core/model';
import { LAST_YEAR_TABLE_SHEETS } from '../core/workings/spec';
import type { WorkingData } from '../core/workings/model';
import { DEFAULT_PROFILE_ID, profileById } from '../core/profiles';
import { deriveAccounts } from '../generator/derive';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readAccounts } from '../readers/tables';
import { hasWorkingSheets, lastYearWorkingData, readWorkings, type WorkingReadResult } from '../readers/workings';

export interface LastYearResult {
  /** Null when the workbook holds neither readable tables nor usable working sheets. */
  accounts: FinalAccounts | null;
  /** `columns`: the 上年数 columns of this year's working sheets. */
  source: 'tables' | 'workings' | 'columns' | null;
  /** Problems met reading it, each message prefixed with 上年 so they are not taken for this year's. */
  findings: Finding[];
}

function lastYearFinding(f: Finding): Finding {
  return { ...f, message: `（上年数）${f.message}` };
}

/** Last year's working data derived into the nine tables, exactly as generate would print them. */
function deriveLastYear(data: WorkingData): FinalAccounts {
  return deriveAccounts(data, profileById(DEFAULT_PROFILE_ID)!, { printed: true });
}

/**
 * Last year's figures typed in this workbook's 上年数 columns (the working-sheet template), read like a
 * last-year workbook of working sheets. Only the tables whose sheets have some 上年数 are kept: the others
 * are not known (never 0). Null when the workbook has no working sheets or no 上年数 at all.
 * `workings`: the working sheets already read from this snapshot, when the caller has them.
 */
export function lastYearInWorkbook(snapshot: WorkbookSnapshot, workings?: WorkingReadResult): LastYearResult | null {
  if (!workings && !hasWorkingSheets(snapshot)) return null;
  const read = workings ?? readWorkings(snapshot);
  const data = lastYearWorkingData(read.data);
  if (!data) return null;
  const errors = read.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    // The working sheets cannot be derived (this year's cells or last year's): one 提示 for the 较上年 checks, which
    // then fall back to the rates; the errors themselves are generate's to report, each at its cell.
    const message = `底稿中有 ${errors.length} 处错误，未能使用底稿“上年”列中的上年数，“较上年”只按增减率核对。第一处：${errors[0].message}`;
    const findings: Finding[] = [{ rule: 'L-COLUMNS', severity: 'warning', table: '上年数', message, cells: errors[0].cells }];
    return { accounts: null, source: 'columns', findings };
  }
  const findings = read.findings.map(lastYearFinding);
  const derived = deriveLastYear(data);
  const tables: FinalAccounts['tables'] = {};
  for (const [id, table] of Object.entries(derived.tables) as Array<[TableId, TableData]>) {
    const needs = LAST_YEAR_TABLE_SHEETS[table.topic];
    if (needs && needs.every((sheet) => data.sheets[sheet])) tables[id] = table;
  }
  return { accounts: { ...derived, tables }, source: 'columns', findings };
}

/**
 * The last year to use: the file the user gave (--last-year, the picker) when there is one, else this
 * workbook's 上年数 columns. Null when neither gives any.
 */
export function lastYearFor(snapshot: WorkbookSnapshot, given?: { snapshot: WorkbookSnapshot; file?: string } | null): LastYearResult | null {
  return given ? readLastYear(given.snapshot, given.file) : lastYearInWorkbook(snapshot);
}

/** `file`: the name shown in the message when nothing could be read. */
export function readLastYear(snapshot: WorkbookSnapshot, file = '上年数工作簿'): LastYearResult {
  if (hasWorkingSheets(snapshot)) {
    const read = readWorkings(snapshot);
    const findings = read.findings.map(lastYearFinding);
    if (read.findings.some((f) => f.severity === 'error')) return { accounts: null, source: 'workings', findings };
    return { accounts: deriveLastYear(read.data), source: 'workings', findings };
  }
  const read = readAccounts(snapshot);
  const findings = read.findings.map(lastYearFinding);
  if (Object.keys(read.accounts.tables).length === 0) {
    findings.push({
      rule: 'L-NOINPUT',
      severity: 'error',
      table: '上年数',
      message: `“${file}”中既没有可识别的公开表，也没有底稿，无法取得上年数。请提供上年的九张公开表或上年的底稿。`,
      cells: [],
    });
    return { accounts: null, source: null, findings };
  }
  return { accounts: read.accounts, source: 'tables', findings };
}

/**
 * Last year's workbook must be of the year before: comparing with another year would print (or pass) wrong
 * 较上年 figures without a word. A finding when it is not; null when it is, or when either year is unknown.
 */
export function lastYearMismatch(thisYear: number | null, lastYear: FinalAccounts, file = '上年数工作簿'): Finding | null {
  if (!thisYear || !lastYear.year || lastYear.year === thisYear - 1) return null;
  return {
    rule: 'L-YEAR',
    severity: 'error',
    table: '上年数',
    message: `上年数工作簿“${file}”是 ${lastYear.year} 年度的，而本年决算是 ${thisYear} 年度，上年数应为 ${thisYear - 1} 年度。请换用 ${thisYear - 1} 年度的公开表或底稿。`,
    cells: [],
  };
}
