// The pane's bootstrap side of Office: the only place (with src/commands) that touches Excel.* / Office.*.
/// <reference types="office-js" />
import type { ExcelContextSurface, ExcelRunner } from '../adapters/office/excel-surface';
import { OfficeWorkbookPort } from '../adapters/office/office-port';

// Compile-time contract: the real request context satisfies the surface the adapter (and the fake) use.
type Assert<T extends true> = T;
export type RealContextFitsSurface = Assert<Excel.RequestContext extends ExcelContextSurface ? true : false>;

export const excelRun: ExcelRunner = (batch) => Excel.run((context) => batch(context));

export function excelApiSupported(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** The workbook port inside Excel; throws a WorkbookAccessError (Chinese) below ExcelApi 1.7. */
export function createOfficePort(onProgress?: (done: number, total: number) => void): OfficeWorkbookPort {
  return new OfficeWorkbookPort({
    run: excelRun,
    isSupported: excelApiSupported,
    onProgress,
    yieldBetweenChunks: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
}

/** False when office.js did not load (no `Office` global): then nothing else here may be called. */
export function officeJsLoaded(): boolean {
  return typeof Office !== 'undefined';
}

/** Asks the ribbon command that opened this page as a dialog to close it (see src/commands). */
export function closeCommandDialog(): void {
  void Office.onReady().then(() => Office.context.ui.messageParent('close'));
}

/** Resolves when Office is ready; `inExcel` is false in a plain browser tab or another host. */
export function whenOfficeReady(): Promise<{ inExcel: boolean }> {
  return Office.onReady().then((info) => ({ inExcel: info.host === Office.HostType.Excel }));
}
