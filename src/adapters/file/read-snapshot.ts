// A workbook file → its snapshot, for the commands that only read (check without --marked, last year's figures,
// the 情况说明 draft, batch check): the lean read path when it can promise the full load's snapshot, else the full
// ExcelJS load. Either way the file is inspected first and a refusal is a WorkbookOpenError in Chinese.
import type { WorkbookSnapshot } from '../../port/snapshot';
import { splitReviewStore, type ReviewStore } from '../../port/review-store';
import { DEFAULT_LIMITS, type ReadLimits } from './inspect-workbook';
import { leanSnapshot } from './lean-snapshot';
import { parseWorkbook, readWorkbookBytes } from './open-workbook';

export type ReadPath = 'lean' | 'full';

/** The snapshot of bytes already inspected (our review sheet split off into `store`), and which path gave it. */
export async function snapshotOfBytes(
  data: Uint8Array,
  file: string,
  parts?: Map<string, Uint8Array>,
): Promise<{ snapshot: WorkbookSnapshot; store: ReviewStore; path: ReadPath }> {
  const lean = leanSnapshot(data, parts);
  if (lean) return { ...splitReviewStore(lean), path: 'lean' };
  // Loaded here, not at the top: a lean read never loads ExcelJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
  const { ExcelJsWorkbookPort } = require('./exceljs-port') as typeof import('./exceljs-port');
  return { ...(await new ExcelJsWorkbookPort(await parseWorkbook(data, file)).readWithReview()), path: 'full' };
}

/** A file's snapshot and its review store (docs/review.md). */
export async function readReviewedSnapshotFile(
  path: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ snapshot: WorkbookSnapshot; store: ReviewStore }> {
  // The inspection inflates every entry to check its size; the lean read reuses those bytes.
  const parts = new Map<string, Uint8Array>();
  const { snapshot, store } = await snapshotOfBytes(await readWorkbookBytes(path, limits, parts), path, parts);
  return { snapshot, store };
}

export async function readSnapshotFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookSnapshot> {
  return (await readReviewedSnapshotFile(path, limits)).snapshot;
}
