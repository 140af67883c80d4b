// The page's 情况说明 draft download: the opened workbook's figures → the same .docx `final-accounts
// narrative` writes, with the 上年数 file picked on the page as `--last-year` (without one, the working sheets'
// 上年数 columns, else the 较上年 figures are gaps to fill).
import { documentDocx } from '../adapters/file/docx-document';
import { draftFromWorkbook } from '../app/narrative-draft';
import type { WorkbookSnapshot } from '../port/snapshot';

/** The .docx bytes, or the Chinese reason there is no draft. `lastYear`: the 上年数 file picked on the page. */
export async function narrativeDocx(
  snapshot: WorkbookSnapshot,
  lastYear?: { snapshot: WorkbookSnapshot; file: string } | null,
): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const { draft, findings } = draftFromWorkbook(snapshot, lastYear ? { lastYear: lastYear.snapshot, lastYearFile: lastYear.file } : {});
  if (!draft) return { problem: findings.map((f) => f.message).join('；') || '无法从该工作簿起草情况说明。' };
  const title = draft.paragraphs.find((p) => p.level === 'title')?.text;
  return { bytes: await documentDocx(draft.paragraphs, title) };
}
