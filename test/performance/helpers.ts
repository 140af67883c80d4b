// Builds the example's 绩效自评 sheets in memory (ExcelJS) and snapshots them, as the real file would be read.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../../src/adapters/file/exceljs-layout';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import type { SheetLayout } from '../../src/port/layout';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { checkPerformance } from '../../src/app/performance';
import { refText } from '../../src/core/cells';
import type { Finding } from '../../src/core/findings';
import { readPerformance } from '../../src/readers/performance';
import type { Built } from '../../scripts/examples/fujian-forms';
import { performanceSheets, type PerformanceReference } from '../../scripts/examples/performance-sheets';

export function loadReference(): PerformanceReference & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../../examples/data/fuzhou-gxj-2024.json'), 'utf8'));
}

export function snapshotOf(layouts: SheetLayout[]): WorkbookSnapshot {
  const wb = new ExcelJS.Workbook();
  for (const l of layouts) addLayoutSheet(wb, l);
  return workbookSnapshot(wb);
}

let cached: WorkbookSnapshot | null = null;

/** The 56 + 1 reference tables as a workbook snapshot (built once per test file). */
export function referenceSnapshot(): WorkbookSnapshot {
  cached ??= snapshotOf(performanceSheets(loadReference()));
  return cached;
}

/** A copy of the layout with one cell's value replaced (added when the cell was empty). */
export function setCell(layout: SheetLayout, at: { row: number; col: number }, value: string | number | null): SheetLayout {
  const cells = layout.cells.filter((c) => !(c.row === at.row && c.col === at.col));
  if (value !== null) cells.push({ row: at.row, col: at.col, value });
  return { ...layout, cells };
}

/**
 * For one built Fujian form read alone as its workbook: `read` and `check` (of the layout or an edited copy), `a1` (the
 * A1 of a builder key), `findingsOf` (the check's findings after setting builder keys) and `at` (those of a rule at a key).
 */
export function builtForm(built: Built) {
  const read = (layout: SheetLayout = built.layout) => readPerformance(snapshotOf([layout]));
  const check = (layout: SheetLayout) => checkPerformance(snapshotOf([layout]));
  const a1 = (key: string) => refText({ sheet: built.layout.name, ...built.at[key] });
  const findingsOf = (edits: [string, string | number][]) => {
    let layout = built.layout;
    for (const [key, value] of edits) layout = setCell(layout, built.at[key], value);
    return check(layout).findings;
  };
  const at = (fs: Finding[], rule: string, key: string) => fs.filter((f) => f.rule === rule && f.cells.some((c) => refText(c) === a1(key)));
  return { read, check, a1, findingsOf, at };
}
