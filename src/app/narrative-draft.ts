// The narrative draft use case (issue #13 point 6): a workbook's figures (working sheets or tables) and,
// when given, last year's workbook → the 情况说明 draft in the official section order.
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import { draftNarrative, type NarrativeDraft } from '../generator/narrative';
import type { WorkbookSnapshot } from '../port/snapshot';
import { generateInProfile } from './generate';
import { lastYearFor, lastYearMismatch } from './last-year';
import { workingsExtras } from './narrative-inputs';

export interface NarrativeDraftResult {
  /** Null when this year's figures cannot be read (the findings say why). */
  draft: NarrativeDraft | null;
  accounts: FinalAccounts | null;
  /** Problems of this year's input and of last year's workbook. */
  findings: Finding[];
  /** Where last year's figures came from: the file given, this workbook's 上年数 columns, or nowhere. */
  lastYearFrom?: 'file' | 'columns' | null;
}

export interface NarrativeDraftOptions {
  profile?: string;
  /** Last year's workbook (nine tables or working sheets); default: the working sheets' 上年数 columns. */
  lastYear?: WorkbookSnapshot | null;
  /** Its file name, for messages. */
  lastYearFile?: string;
}

export function draftFromWorkbook(snapshot: WorkbookSnapshot, options: NarrativeDraftOptions = {}): NarrativeDraftResult {
  const findings: Finding[] = [];
  const generated = generateInProfile(snapshot, options.profile, {}, false);
  findings.push(...generated.findings.filter((f) => f.severity === 'error'));
  if (!generated.accounts) return { draft: null, accounts: null, findings };
  const extras = workingsExtras(snapshot);
  let lastYear: FinalAccounts | null = null;
  // The file given, else the 上年数 columns of the working sheets.
  const read = lastYearFor(snapshot, options.lastYear ? { snapshot: options.lastYear, file: options.lastYearFile } : null);
  if (read) {
    findings.push(...read.findings.filter((f) => f.severity === 'error'));
    if (!read.accounts)
      return { draft: null, accounts: generated.accounts, findings: read.findings.length ? [...new Set([...findings, ...read.findings])] : findings };
    const mismatch = lastYearMismatch(generated.accounts.year, read.accounts, options.lastYearFile);
    if (mismatch) return { draft: null, accounts: generated.accounts, findings: [...findings, mismatch] };
    lastYear = read.accounts;
  }
  const draft = draftNarrative({ accounts: generated.accounts, lastYear, ...extras });
  const lastYearFrom = !lastYear ? null : options.lastYear ? 'file' : 'columns';
  return { draft, accounts: generated.accounts, findings, lastYearFrom };
}
