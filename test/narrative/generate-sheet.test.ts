// generate adds the 情况说明 draft as a sheet after the nine tables (CLI here; the add-in and the page share
// generateInProfile): one paragraph per row in column A, and a sheet of that name the user has is kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import { runGenerate } from '../../src/cli/generate-file';
import { loadWorkbook } from '../helpers/example';
import { FUZHOU_WORKINGS, workingsSnapshot } from './fuzhou-draft';

const tmp = mkdtempSync(join(tmpdir(), 'fa-draft-sheet-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the draft sheet holds the draft, and the user’s sheet of that name is kept as it was', async () => {
  const input = await loadWorkbook(FUZHOU_WORKINGS);
  const mine = input.addWorksheet('情况说明（草稿）');
  mine.getCell('A1').value = '我自己写的情况说明';
  const inPath = join(tmp, 'in.xlsx');
  await input.xlsx.writeFile(inPath);

  const outPath = join(tmp, 'out.xlsx');
  const result = await runGenerate(inPath, outPath);
  expect(result.addedSheets.at(-1)).toBe('情况说明（草稿）(2)');
  // The check of what was generated is about the nine tables only.
  expect(result.report!.tables).toHaveLength(9);

  const out = await loadWorkbook(outPath);
  expect(out.getWorksheet('情况说明（草稿）')!.getCell('A1').value).toBe('我自己写的情况说明');
  const sheet = out.getWorksheet('情况说明（草稿）(2)')!;
  const expected = draftFromWorkbook(await workingsSnapshot()).draft!.paragraphs.map((p) => p.text);
  const column: unknown[] = [];
  sheet.eachRow((row) => column.push(row.getCell(1).value));
  expect(column).toEqual(expected);
  expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(80);
  expect(sheet.getCell('A2').alignment?.wrapText).toBe(true);
});
