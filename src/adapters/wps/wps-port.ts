// The WPS adapter: the workbook port inside WPS 表格, through its synchronous VBA-like object model. It sees
// only WpsApplicationSurface, so the strict fake in the tests (test/addin/fake-wps.ts) and WPS run the same
// code. The bootstrap (src/wps/) hands it `wps.EtApplication()`; nothing here names the `wps` global.
//
// Calls (every member access crosses into WPS; the fake counts them): readSnapshot 3 + 7 per sheet plus about
// 25 per merged area (found by halving); applyMarks the inspection (2 per sheet and per record part), the
// removal of the previous marks, then 5 per address list of a (sheet, severity) group and 3 per comment;
// select 6. Figures at 10 to 10,000 rows: docs/benchmarks.md (WPS 加载项).
import { a1, type CellRef } from '../../core/cells';
import type { SheetLayout } from '../../port/layout';
import { groupMarksByCell, type ClearResult, type Mark, type MarkResult, type WorkbookPort } from '../../port/port';
import type { WorkbookSnapshot } from '../../port/snapshot';
import { newRunId } from '../office/mark-record';
import { inspectMarks, removeMarks, writeMarks } from './marks';
import { readWorkbook } from './read';
import { describeWpsError, NO_WORKBOOK, WpsAccessError } from './wps-errors';
import type { WpsApplicationSurface, WpsWorkbookSurface } from './wps-surface';
import { addLayoutSheets } from './write-sheets';

export class WpsWorkbookPort implements WorkbookPort {
  constructor(private readonly app: WpsApplicationSurface) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.guard('读取工作簿', (wb) => readWorkbook(wb));
  }

  async applyMarks(marks: Mark[]): Promise<MarkResult> {
    const cells = groupMarksByCell(marks);
    return this.guard('标记', (wb) => {
      const found = inspectMarks(wb);
      removeMarks(wb, found);
      const written = writeMarks(wb, found, cells, newRunId());
      return { tailNotesOmitted: written.tailNotesOmitted, invalidRecords: found.invalidRecords };
    });
  }

  async clearMarks(): Promise<ClearResult> {
    return this.guard('清除标记', (wb) => {
      const found = inspectMarks(wb);
      const ours = removeMarks(wb, found);
      return { cleared: found.record && ours ? found.record.cells : 0, invalidRecords: found.invalidRecords };
    });
  }

  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    return this.guard('生成公开表', (wb) => addLayoutSheets(this.app, wb, layouts));
  }

  async select(cell: CellRef): Promise<void> {
    return this.guard('定位单元格', (wb) => {
      const ws = wb.Worksheets.Item(cell.sheet);
      ws.Activate();
      ws.Range(a1(cell.row, cell.col)).Select();
    });
  }

  /** Runs one task on the active workbook; every host error leaves as a WpsAccessError (Chinese). */
  private async guard<T>(task: string, work: (wb: WpsWorkbookSurface) => T): Promise<T> {
    try {
      const wb = this.app.ActiveWorkbook;
      if (!wb) throw new WpsAccessError(NO_WORKBOOK);
      return work(wb);
    } catch (e) {
      throw describeWpsError(e, task);
    }
  }
}
