// The page's 下载底稿模板 is the file `final-accounts template` writes: the same sheets and cells.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { templateWorkbookBytes } from '../../src/page/template-download';
import { compareWorksheets } from '../e2e/compare';
import { runCli } from '../helpers/cli';

test('the page’s template = final-accounts template, sheet by sheet, cell by cell', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'template-'));
  try {
    const out = join(tmp, '底稿.xlsx');
    expect((await runCli(['template', '-o', out])).code).toBe(0);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const page = new ExcelJS.Workbook();
    await page.xlsx.load((await templateWorkbookBytes()) as unknown as ArrayBuffer);
    expect(page.worksheets.map((ws) => ws.name)).toEqual(cli.worksheets.map((ws) => ws.name));
    expect(page.worksheets.length).toBe(7);
    let cells = 0;
    for (const ws of page.worksheets) {
      const d = compareWorksheets(ws, cli.getWorksheet(ws.name)!);
      expect(d.diffs).toEqual([]);
      cells += d.cells;
    }
    expect(cells).toBeGreaterThan(50);
    // The comparison sees a difference when there is one.
    expect(compareWorksheets(page.worksheets[1], cli.worksheets[2]).diffs.length).toBeGreaterThan(0);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
