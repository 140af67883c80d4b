// The nine tables to generate, from what the workbook holds: the CLI's own generation (`generate` in
// src/app/generate.ts), so the add-in, the browser page and `final-accounts generate` write the same sheets.
import { refText } from '../core/cells';
import { generateInProfile } from '../app/generate';
import type { SheetLayout } from '../port/layout';
import type { WorkbookSnapshot } from '../port/snapshot';
import type { FinalAccounts } from '../core/model';

/** What generation needs of the last year the officer picked (PaneState.lastYear). */
export interface LoadedLastYearRef {
  file: string;
  accounts: FinalAccounts;
}

export interface GeneratedLayouts {
  sheets: SheetLayout[];
  /** Chinese notes on what could not be laid out as the profile wants. */
  problems: string[];
}

export class NothingToGenerateError extends Error {
  readonly userMessage = '在当前工作簿中没有找到任何公开表（01–09表）的数据，无法生成。请先在工作簿中填好公开表或工作底稿，再点“一键生成公开表”。';
}

/** The input (working sheets or tables) has errors: nothing is generated from figures that cannot be read. */
export class GenerateInputProblemsError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** `lastYear`: last year's tables the officer picked (the pane's 上年数 file), for the draft's 较上年 sentences. */
export function layoutsFromSnapshot(snapshot: WorkbookSnapshot, profileId?: string, lastYear?: LoadedLastYearRef | null): GeneratedLayouts {
  const result = generateInProfile(snapshot, profileId, {}, { lastYear: lastYear?.accounts, lastYearFile: lastYear?.file });
  if (result.sheets.length === 0) {
    if (result.findings.some((f) => f.rule === 'G-NOINPUT')) throw new NothingToGenerateError();
    const errors = result.findings.filter((f) => f.severity === 'error');
    const listed = errors.slice(0, 5).map((f) => `${f.cells.length ? `${f.cells.map(refText).join('、')}：` : ''}${f.message}`);
    const more = errors.length > listed.length ? `（另有 ${errors.length - listed.length} 个）` : '';
    throw new GenerateInputProblemsError(`底稿中有 ${errors.length} 个错误，改正后才能生成：${listed.join('；')}${more}`);
  }
  // Notes on the tables themselves are what 检查 reports; here only the working sheets' and the layout's.
  const notes = result.findings.filter((f) => f.rule === 'G-LAYOUT' || f.rule === 'G-YEAR' || f.rule === 'L-YEAR' || result.source === 'workings');
  return { sheets: result.sheets, problems: notes.map((f) => f.message) };
}
