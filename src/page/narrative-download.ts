// The page's 情况说明 draft download: the opened workbook's figures → the same .docx `final-accounts
// narrative` writes (without last year: the 较上年 figures are gaps to fill).
import { documentDocx } from '../adapters/file/docx-document';
import { draftFromWorkbook } from '../app/narrative-draft';
import type { WorkbookSnapshot } from '../port/snapshot';

/** The .docx bytes, or the Chinese reason there is no draft. */
export async function narrativeDocx(snapshot: WorkbookSnapshot): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const { draft, findings } = draftFromWorkbook(snapshot);
  if (!draft) return { problem: findings.map((f) => f.message).join('；') || '无法从该工作簿起草情况说明。' };
  const title = draft.paragraphs.find((p) => p.level === 'title')?.text;
  return { bytes: await documentDocx(draft.paragraphs, title) };
}
