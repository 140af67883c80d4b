// The marked copy (`check --marked`, and the page's 下载标记副本): the workbook as opened, each finding's cells
// filled by severity with its message as a note, and our record of what we changed. One path for both, so the
// page's download is the same file the command writes.
import type { ApplyMarksOptions, Mark } from '../../port/port';
import type { ExcelJsWorkbookPort } from './exceljs-port';

export interface MarkedCopy {
  bytes: Uint8Array;
  /** Entries of a mark record already in the file that were not ours (or were altered), ignored. */
  invalidRecords: number;
}

/**
 * Marks `port` (a workbook freshly opened from the user's file) and returns the bytes of the copy; with
 * `options.review` the copy keeps the review record too.
 */
export async function markedCopy(port: ExcelJsWorkbookPort, marks: Mark[], options: ApplyMarksOptions = {}): Promise<MarkedCopy> {
  const result = await port.applyMarks(marks, options);
  return { bytes: await port.toBuffer(), invalidRecords: result.invalidRecords ?? 0 };
}
