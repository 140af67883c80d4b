// Generation: working sheets (or the nine tables already in the workbook, or a model) → the nine
// formatted sheets of a profile.
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import type { Profile } from '../core/profiles';
import type { SheetLayout } from '../port/layout';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readAccounts } from '../readers/tables';
import { deriveAccounts } from './derive';
import { layoutAllTables, type LayoutOptions } from './layout';
import { printedAccounts } from './printed';
import { hasWorkingSheets, readWorkings } from './workings/reader';

export interface GenerateOptions extends Partial<LayoutOptions> {}

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

function layoutOptions(accounts: FinalAccounts, options: GenerateOptions): LayoutOptions {
  return {
    ...options,
    unitName: options.unitName ?? accounts.unitName ?? '',
    year: options.year ?? accounts.year ?? new Date().getFullYear(),
    scope: options.scope ?? '单位',
  };
}

function layoutFindings(problems: string[]): Finding[] {
  return problems.map((message) => ({ rule: 'G-LAYOUT', severity: 'warning', table: '生成', message, cells: [] }));
}

export function generate(input: WorkbookSnapshot | FinalAccounts, profile: Profile, options: GenerateOptions = {}): GenerateResult {
  let accounts: FinalAccounts;
  let source: GenerateResult['source'];
  const findings: Finding[] = [];
  if (!isSnapshot(input)) {
    accounts = input;
    source = 'model';
  } else if (hasWorkingSheets(input)) {
    const read = readWorkings(input);
    findings.push(...read.findings);
    source = 'workings';
    if (read.findings.some((f) => f.severity === 'error')) return { sheets: [], accounts: null, source, findings };
    accounts = printedAccounts(deriveAccounts(read.data, profile, { unit: options.unit, classList: options.classList }));
  } else {
    const read = readAccounts(input, { profile: profile.id });
    findings.push(...read.findings);
    source = 'tables';
    if (Object.keys(read.accounts.tables).length === 0) {
      findings.push({
        rule: 'G-NOINPUT',
        severity: 'error',
        table: '生成',
        message: '工作簿中既没有底稿，也没有可识别的公开表，无法生成。请先插入底稿模板并填写（final-accounts template）。',
        cells: [],
      });
      return { sheets: [], accounts: null, source, findings };
    }
    // The user's figures as they are: re-laid out, not recomputed.
    accounts = read.accounts;
  }
  const laid = layoutAllTables(accounts, profile, layoutOptions(accounts, options));
  findings.push(...layoutFindings(laid.problems));
  return { sheets: laid.sheets, accounts, source, findings };
}

/** The sheets only (the add-in and the lead's tests use this). */
export function generateSheets(input: WorkbookSnapshot | FinalAccounts, profile: Profile, options: GenerateOptions = {}): SheetLayout[] {
  return generate(input, profile, options).sheets;
}
