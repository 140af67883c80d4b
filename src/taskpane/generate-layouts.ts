// The nine tables to generate, from what the workbook holds (the same reader and layout the CLI uses).
import { TABLE_IDS } from '../core/model';
import { layoutAllTables } from '../generator/layout';
import type { SheetLayout } from '../port/layout';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readAccounts } from '../readers/tables';

export interface GeneratedLayouts {
  sheets: SheetLayout[];
  /** Chinese notes on what could not be laid out as the profile wants. */
  problems: string[];
}

export class NothingToGenerateError extends Error {
  readonly userMessage = '在当前工作簿中没有找到任何公开表（01–09表）的数据，无法生成。请先在工作簿中填好公开表或工作底稿，再点“一键生成公开表”。';
}

export function layoutsFromSnapshot(snapshot: WorkbookSnapshot, profileId?: string): GeneratedLayouts {
  const read = readAccounts(snapshot, { profile: profileId });
  if (!TABLE_IDS.some((id) => read.accounts.tables[id])) throw new NothingToGenerateError();
  const laid = layoutAllTables(read.accounts, read.profile, {
    unitName: read.accounts.unitName ?? '',
    year: read.accounts.year ?? new Date().getFullYear() - 1,
    scope: '单位',
  });
  return { sheets: laid.sheets, problems: laid.problems };
}
