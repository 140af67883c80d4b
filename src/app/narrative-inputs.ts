// What the narrative draft takes from a workbook beyond the nine tables: the working sheets' 三公数量 and
// 三公 预算数 (shared by the narrative use case and generate's draft sheet).
import type { WorkingData } from '../core/workings/model';
import type { CountKey, NarrativeInput, ThreePublicItem } from '../generator/narrative';
import type { WorkbookSnapshot } from '../port/snapshot';
import { hasWorkingSheets, readWorkings } from '../readers/workings';

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

/** The extras of a workbook's working sheets; none when it holds only tables. */
export function workingsExtras(snapshot: WorkbookSnapshot): Pick<NarrativeInput, 'counts' | 'threePublicBudget'> {
  return hasWorkingSheets(snapshot) ? workingExtras(readWorkings(snapshot).data) : {};
}
