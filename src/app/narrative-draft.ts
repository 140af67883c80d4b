// The narrative draft use case (issue #13 point 6): a workbook's figures (working sheets or tables) and,
// when given, last year's workbook → the 情况说明 draft in the official section order.
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import { draftNarrative, type NarrativeDraft } from '../generator/narrative';
import type { WorkbookSnapshot } from '../port/snapshot';
import { generateInProfile } from './generate';
import { readLastYear } from './last-year';
import { workingsExtras } from './narrative-inputs';

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

export function draftFromWorkbook(snapshot: WorkbookSnapshot, options: NarrativeDraftOptions = {}): NarrativeDraftResult {
  const findings: Finding[] = [];
  const generated = generateInProfile(snapshot, options.profile);
  findings.push(...generated.findings.filter((f) => f.severity === 'error'));
  if (!generated.accounts) return { draft: null, accounts: null, findings };
  const extras = workingsExtras(snapshot);
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
