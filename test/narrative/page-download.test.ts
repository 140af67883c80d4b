// The page's 情况说明 download: the same paragraphs as the narrative use case, as a .docx; a workbook with
// nothing to draft from gets a Chinese reason, not an exception.
import mammoth from 'mammoth';
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import { narrativeDocx } from '../../src/page/narrative-download';
import { readLastYear } from '../../src/app/last-year';
import { layoutsFromSnapshot } from '../../src/taskpane/generate-layouts';
import { lastYearWorkings, workingsSnapshot } from './fuzhou-draft';

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

test('with the 上年数 file picked on the page, the .docx words 较上年 as `narrative --last-year` does', async () => {
  const snapshot = await workingsSnapshot();
  const lastYear = await lastYearWorkings({ '2011301': 1500 });
  const docx = await narrativeDocx(snapshot, { snapshot: lastYear, file: '2023.xlsx' });
  if (!('bytes' in docx)) throw new Error(docx.problem);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
  const expected = draftFromWorkbook(snapshot, { lastYear, lastYearFile: '2023.xlsx' }).draft!.paragraphs.map((p) => p.text);
  expect(value.split('\n\n').filter((p) => p !== '')).toEqual(expected);
  // 2011301-行政运行: 1619.56 this year (基本支出); last year the same plus 1500.00 of 项目支出 (the helper's edit).
  expect(expected.find((p) => p.includes('2011301-行政运行（项）'))).toContain('较上年决算数减少1500.00万元，下降48.08%');
});

test('generate’s draft sheet in the pane and page takes the picked last year; one of another year is named and not used', async () => {
  const snapshot = await workingsSnapshot();
  const lastYear = readLastYear(await lastYearWorkings({ '2011301': 1500 }), '2023.xlsx').accounts!;
  const texts = (l: ReturnType<typeof layoutsFromSnapshot>) =>
    l.sheets
      .at(-1)!
      .cells.map((c) => c.value)
      .filter((v) => typeof v === 'string');
  const used = layoutsFromSnapshot(snapshot, undefined, { file: '2023.xlsx', accounts: lastYear });
  expect(texts(used).some((t) => String(t).includes('较上年决算数减少1500.00万元'))).toBe(true);
  const wrongYear = layoutsFromSnapshot(snapshot, undefined, { file: '2022.xlsx', accounts: { ...lastYear, year: 2022 } });
  expect(wrongYear.problems.join('')).toContain('上年数工作簿“2022.xlsx”是 2022 年度的');
  expect(texts(wrongYear).some((t) => String(t).includes('较上年决算数减少1500.00万元'))).toBe(false);
});
