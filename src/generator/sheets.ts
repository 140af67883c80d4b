// The generator's entry: the model of the nine tables → their formatted sheets in a profile, with the problems
// met laying them out. Where the model comes from (working sheets derived, tables read) is the app's
// (src/app/generate.ts).
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import type { Profile } from '../core/profiles';
import type { SheetLayout } from '../port/layout';
import { layoutAllTables, type LayoutOptions } from './layout';

export type GenerateOptions = Partial<LayoutOptions>;

/** The year printed when neither the options nor the figures name one: 决算 are compiled for the year before. */
export function fallbackYear(today = new Date()): number {
  return today.getFullYear() - 1;
}

function layoutOptions(accounts: FinalAccounts, options: GenerateOptions, findings: Finding[]): LayoutOptions {
  let year = options.year ?? accounts.year;
  if (!year) {
    year = fallbackYear();
    findings.push({
      rule: 'G-YEAR',
      severity: 'warning',
      table: '生成',
      message: `没有找到决算年度（表中或底稿中没有“${year}年度”之类的字样），生成的表按 ${year} 年度填写年度。如不对，请在底稿中填写年度，或在表名中写明年度后重新生成。`,
      cells: [],
    });
  }
  return {
    ...options,
    unitName: options.unitName ?? accounts.unitName ?? '',
    year,
    scope: options.scope ?? '单位',
  };
}

function layoutFindings(problems: string[]): Finding[] {
  return problems.map((message) => ({ rule: 'G-LAYOUT', severity: 'warning', table: '生成', message, cells: [] }));
}

/** The nine sheets of `accounts` in `profile`, and the notes on them: a year that had to be assumed, layout problems. */
export function tableSheets(
  accounts: FinalAccounts,
  profile: Profile,
  options: GenerateOptions = {},
): { sheets: SheetLayout[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const laid = layoutAllTables(accounts, profile, layoutOptions(accounts, options, findings));
  findings.push(...layoutFindings(laid.problems));
  return { sheets: laid.sheets, findings };
}
