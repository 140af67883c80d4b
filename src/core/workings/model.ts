// What the working sheets (底稿) hold once read: plain data, produced by readers/workings and turned into
// the nine tables by generator/derive.
import type { CellRef } from '../cells';
import type { MoneyUnit } from '../money';
import type { AmountCell } from '../model';
import type { WorkingSheetSpec } from './spec';

export interface WorkingRow {
  /** 7-digit functional code, 5-digit economic code, or a fixed-row key. */
  key: string;
  name: string;
  nameRef: CellRef | null;
  cells: Record<string, AmountCell>;
  /** The 上年数 columns' cells, by the key of the this-year column each stands beside. */
  lastYear?: Record<string, AmountCell>;
}

export interface WorkingSheet {
  spec: WorkingSheetSpec;
  sheet: string;
  unit: MoneyUnit | null;
  rows: WorkingRow[];
  /** Names given for 类/款 codes (rows with a name and no amounts). */
  names: Map<string, string>;
  /** Whether any 上年数 cell of the sheet holds a figure (all blank: last year not known). */
  lastYearGiven?: boolean;
}

export interface WorkingData {
  unitName: string | null;
  year: number | null;
  sheets: Partial<Record<WorkingSheetSpec['id'], WorkingSheet>>;
}
