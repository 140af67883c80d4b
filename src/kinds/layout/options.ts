// What a caller chooses when laying out the nine tables, and the context each table layout receives.
import type { ClassListId } from '../../core/catalogs/functional';
import type { MoneyUnit } from '../../core/money';
import type { TableId } from '../../core/model';
import type { Profile } from '../../core/profiles';

export type CodeStyle = 'single' | 'split';

export interface LayoutOptions {
  /** Printed after 单位： on the unit line. */
  unitName: string;
  year: number;
  /** 单位 (单位决算) or 部门 (部门决算): replaces {scope} in notes. */
  scope: '单位' | '部门';
  /** Sheet name per table; default `公开01表 收入支出决算总表` (cut to 31 characters). */
  sheetNames?: Partial<Record<TableId, string>>;
  /** How zeros are printed; default the profile's. */
  zeroStyle?: Profile['zeroStyle'];
  /** `single`: one code column (`2011101`); `split`: 类/款/项 columns (`201` `11` `01`). */
  codeStyle?: CodeStyle;
  /** The 类 list of 01/04; default the table's variant, else the profile's first list. */
  classList?: ClassListId;
  /** Amount unit when a table of the model is absent; default 万元. */
  unit?: MoneyUnit;
  /** Font of every cell; default 宋体. */
  fontName?: string;
  /** Stack all tables on one sheet of this name (blank rows between) instead of one sheet per table. */
  oneSheet?: string;
}

export interface LayoutContext {
  options: LayoutOptions;
  profile: Profile;
  zeroStyle: Profile['zeroStyle'];
  codeStyle: CodeStyle;
  fontName: string;
}

export function layoutContext(profile: Profile, options: LayoutOptions): LayoutContext {
  return {
    options,
    profile,
    zeroStyle: options.zeroStyle ?? profile.zeroStyle,
    codeStyle: options.codeStyle ?? 'single',
    fontName: options.fontName ?? '宋体',
  };
}

/** Replaces {scope} and {year} in a note line. */
export function fillNote(text: string, options: LayoutOptions): string {
  return text.replace(/\{scope\}/g, options.scope).replace(/\{year\}/g, String(options.year));
}
