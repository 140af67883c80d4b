// The `narrative` command's file work: this year's workbook (and last year's) → the 情况说明 draft as a new
// .docx, written atomically and never over an existing file.
import { documentDocx } from '../adapters/file/docx-document';
import { draftFromWorkbook, type NarrativeDraftResult } from '../app/narrative-draft';
import type { WorkbookSnapshot } from '../port/snapshot';
import { writeNewFile } from './output-file';

export interface NarrativeFileResult extends NarrativeDraftResult {
  /** Whether the .docx was written (not when the figures could not be read). */
  written: boolean;
}

export async function runNarrative(
  snapshot: WorkbookSnapshot,
  outPath: string,
  options: { profile?: string; lastYear?: WorkbookSnapshot | null; lastYearFile?: string } = {},
): Promise<NarrativeFileResult> {
  const result = draftFromWorkbook(snapshot, options);
  if (!result.draft) return { ...result, written: false };
  const title = result.draft.paragraphs.find((p) => p.level === 'title')?.text;
  await writeNewFile(outPath, await documentDocx(result.draft.paragraphs, title));
  return { ...result, written: true };
}
