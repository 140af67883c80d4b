// The narrative draft use case (issue #13 point 6): a workbook's figures (working sheets or tables) and,
// when given, last year's workbook → the 情况说明 draft in the official section order.
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import type { WorkingData } from '../core/workings/model';
import { draftNarrative, type CountKey, type NarrativeDraft, type NarrativeInput, type ThreePublicItem } from '../generator/narrative';
import type { WorkbookSnapshot } from '../port/snapshot';
import { hasWorkingSheets, readWorkings } from '../readers/workings';
import { generateInProfile } from './generate';
import { readLastYear } from './last-year';

export interface NarrativeDraftResult {
  /** Null when this year's figures cannot be read (the findings say why). */
  draft: NarrativeDraft | null;
  accounts: FinalAccounts | null;
  /** Problems of this year's input and of last year's workbook. */
  findings: Finding[];
}

export interface NarrativeDraftOptions {
  profile?: string;
  /** Last year's workbook (nine tables or working sheets). */
  lastYear?: WorkbookSnapshot | null;
  /** Its file name, for messages. */
  lastYearFile?: string;
}

const COUNT_KEYS: CountKey[] = ['abroadGroups', 'abroadPersons', 'carsPurchased', 'carsHeld', 'receptionBatches', 'receptionPersons'];
const BUDGET_KEYS: ThreePublicItem[] = ['abroad', 'carPurchase', 'carRun', 'reception'];

/** What the working sheets give the draft beyond the nine tables: the 三公数量 and the 三公 预算数. */
export function workingExtras(data: WorkingData): Pick<NarrativeInput, 'counts' | 'threePublicBudget'> {
  const counts: NarrativeInput['counts'] = {};
  for (const row of data.sheets.counts?.rows ?? []) {
    const cell = row.cells.count;
    if ((COUNT_KEYS as string[]).includes(row.key) && cell && !cell.invalid && !cell.blank) counts[row.key as CountKey] = cell.minor;
  }
  const threePublicBudget: NarrativeInput['threePublicBudget'] = {};
  for (const row of data.sheets.threePublic?.rows ?? []) {
    const cell = row.cells.budget;
    if ((BUDGET_KEYS as string[]).includes(row.key) && cell && !cell.invalid && !cell.blank) {
      threePublicBudget[row.key as ThreePublicItem] = cell.minor;
    }
  }
  return { counts, threePublicBudget };
}

export function draftFromWorkbook(snapshot: WorkbookSnapshot, options: NarrativeDraftOptions = {}): NarrativeDraftResult {
  const findings: Finding[] = [];
  const generated = generateInProfile(snapshot, options.profile);
  findings.push(...generated.findings.filter((f) => f.severity === 'error'));
  if (!generated.accounts) return { draft: null, accounts: null, findings };
  const extras = hasWorkingSheets(snapshot) ? workingExtras(readWorkings(snapshot).data) : {};
  let lastYear: FinalAccounts | null = null;
  if (options.lastYear) {
    const read = readLastYear(options.lastYear, options.lastYearFile);
    findings.push(...read.findings.filter((f) => f.severity === 'error'));
    if (!read.accounts) return { draft: null, accounts: generated.accounts, findings };
    const expected = generated.accounts.year ? generated.accounts.year - 1 : null;
    if (expected && read.accounts.year && read.accounts.year !== expected) {
      // Comparing with the wrong year would print wrong 较上年 sentences without a word: refuse.
      findings.push({
        rule: 'L-YEAR',
        severity: 'error',
        table: '上年数',
        message: `上年数工作簿“${options.lastYearFile ?? ''}”是 ${read.accounts.year} 年度的，而本年决算是 ${generated.accounts.year} 年度，上年数应为 ${expected} 年度。请换用 ${expected} 年度的公开表或底稿。`,
        cells: [],
      });
      return { draft: null, accounts: generated.accounts, findings };
    }
    lastYear = read.accounts;
  }
  const draft = draftNarrative({ accounts: generated.accounts, lastYear, ...extras });
  return { draft, accounts: generated.accounts, findings };
}
