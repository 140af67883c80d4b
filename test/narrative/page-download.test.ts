// The page's 情况说明 download: the same paragraphs as the narrative use case, as a .docx; a workbook with
// nothing to draft from gets a Chinese reason, not an exception.
import mammoth from 'mammoth';
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import { narrativeDocx } from '../../src/page/narrative-download';
import { workingsSnapshot } from './fuzhou-draft';

test('the page’s .docx holds the draft’s paragraphs', async () => {
  const snapshot = await workingsSnapshot();
  const docx = await narrativeDocx(snapshot);
  if (!('bytes' in docx)) throw new Error(docx.problem);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
  expect(value.split('\n\n').filter((p) => p !== '')).toEqual(draftFromWorkbook(snapshot).draft!.paragraphs.map((p) => p.text));
});

test('a workbook without tables or working sheets gets a Chinese reason', async () => {
  const docx = await narrativeDocx({ sheets: [] });
  expect(docx).toEqual({ problem: expect.stringContaining('既没有底稿，也没有可识别的公开表') });
});
