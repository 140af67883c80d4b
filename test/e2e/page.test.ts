// The standalone page end to end in Debian's Chromium: open the example workbook, check, jump to a finding on
// the grid, generate, download, and compare the downloaded workbook with `final-accounts generate`'s output.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { a1 } from '../../src/core/cells';
import { checkWorkbook } from '../../src/app/check';
import { summarize } from '../../src/core/findings';
import { runGenerate } from '../../src/cli/generate-file';
import { findCell } from '../helpers/example';
import { EXAMPLE, contrastFailures, findingCounts, openPage, screenshot, startHarness, type Harness, type Watched } from './browser';
import { compareWorksheets } from './compare';

const FINDING = '绩效自评11-20!G71：年度资金总额执行率印为71.17%，按全年执行数6334.17 ÷ 全年预算数89000.00应为7.12%。';
/** The finding as the list shows it: the address line says G71, the message does not repeat it. */
const FINDING_IN_LIST = /年度资金总额执行率印为71\.17%，按全年执行数6334\.17 ÷ 全年预算数89000\.00应为7\.12%。/;
const MARK_ERROR_RGB = 'rgb(255, 199, 206)'; // MARK_FILL.error FFFFC7CE

let h: Harness;
let tmp: string;
let cliOut: string;
let cliSheets: string[];
let expected: { 错误: number; 提示: number; 尾差: number };
/** A1 addresses of the cells the check marks on the sheet of FINDING. */
let markedOnSheet: string[];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'page-e2e-'));
  // What the core and the CLI say about the same file, computed here without the browser.
  const report = checkWorkbook(await (await readWorkbookFile(EXAMPLE)).readSnapshot());
  const s = summarize(report.findings);
  expected = { 错误: s.error, 提示: s.warning, 尾差: s.tail };
  const cells = report.findings.flatMap((f) => f.cells).filter((c) => c.sheet === '绩效自评11-20');
  markedOnSheet = [...new Set(cells.map((c) => a1(c.row, c.col)))].sort();
  cliOut = path.join(tmp, 'cli.xlsx');
  cliSheets = (await runGenerate(EXAMPLE, cliOut)).addedSheets;
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function loadExample(w: Watched): Promise<void> {
  await w.page.locator('input[type=file]').setInputFiles(EXAMPLE);
  await w.page.getByText('当前文件：').waitFor();
  await w.page.getByText('fuzhou-gxj-2024.xlsx', { exact: true }).waitFor();
}

async function runCheck(w: Watched): Promise<void> {
  await w.page.getByRole('button', { name: '检查', exact: true }).click();
  await w.page.getByText(/^检查完成/).waitFor({ timeout: 60_000 });
}

function gridCell(w: Watched, address: string) {
  return w.page.locator(`[data-testid="grid-scroller"] td[data-address="${address}"]`);
}

/** Whether the cell's box lies inside the grid's scrolled viewport (and the window's). */
async function cellInView(w: Watched, address: string): Promise<boolean> {
  return gridCell(w, address).evaluate((td) => {
    const box = td.getBoundingClientRect();
    const port = td.closest('[data-testid="grid-scroller"]')!.getBoundingClientRect();
    const inside = (b: DOMRect, o: { top: number; left: number; bottom: number; right: number }) =>
      b.top >= o.top - 1 && b.left >= o.left - 1 && b.bottom <= o.bottom + 1 && b.right <= o.right + 1;
    return inside(box, port) && inside(box, { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth });
  });
}

test('the example workbook at 1280 px: check, findings, a jump to the marked cell, generate and download = CLI output', async () => {
  const w = await openPage(h, { width: 1280, height: 800 });
  try {
    // Offline: the page needs nothing but itself once loaded.
    await w.context.setOffline(true);
    const csp = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(await w.page.locator('script[src^="http"]').count()).toBe(0);

    await loadExample(w);
    await runCheck(w);
    const total = expected.错误 + expected.提示 + expected.尾差;
    // The known findings of this example (also what `final-accounts check` prints for it). Three blank 绩效 scores
    // whose actual value earns nothing are 提示 (按0分计), not errors. The 情况说明 sheet adds 1 error (N2) and 2 提示 (N1, N9).
    expect(expected).toEqual({ 错误: 26, 提示: 29, 尾差: 24 });
    expect(await findingCounts(w.page)).toEqual(expected);
    expect(await w.page.getByRole('status').filter({ hasText: '不影响公开' }).innerText()).toBe(
      `错误 ${expected.错误} 项 · 提示 ${expected.提示} 项 · 尾差 ${expected.尾差} 处（不影响公开，可调整）`,
    );
    expect(total).toBe(79);
    // The page changes no workbook and says so.
    expect(await w.page.getByText('已在工作簿中标出').count()).toBe(0);

    const finding = w.page.getByRole('button', { name: FINDING_IN_LIST });
    expect(await finding.count()).toBe(1);
    // The screenshot shows the list: the summary, the filters and the first tables' findings.
    await w.page.locator('section[aria-label="检查结果"]').evaluate((s) => s.scrollIntoView({ block: 'start' }));
    await screenshot(w.page, 'page-1280-findings.png');

    await finding.click();
    const cell = gridCell(w, 'G71');
    await w.page.locator('td[data-selected="true"]').waitFor();
    expect(await w.page.locator('#sheet-select').inputValue()).toBe('o:绩效自评11-20');
    expect(await cell.getAttribute('data-selected')).toBe('true');
    expect(await cell.getAttribute('data-mark')).toBe('error');
    expect(await cell.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(MARK_ERROR_RGB);
    expect(await cell.getAttribute('title')).toContain(FINDING);
    expect(await cell.textContent()).toBe('71.17');
    expect(await cellInView(w, 'G71')).toBe(true);
    expect(await w.page.getByText('已定位到 绩效自评11-20!G71').count()).toBe(1);
    // Every marked cell of the sheet is coloured; no other one is.
    expect(markedOnSheet.length).toBeGreaterThan(10);
    const coloured = await w.page.locator('td[data-mark]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-address')!));
    expect(coloured.sort()).toEqual(markedOnSheet);
    await screenshot(w.page, 'page-1280-grid-marks.png');
    expect(await contrastFailures(w.page)).toEqual([]);

    await w.page.getByRole('button', { name: '一键生成公开表' }).click();
    await w.page.getByText(/^已生成 10 张工作表/).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: /^下载生成结果/ }).click()]);
    expect(download.suggestedFilename()).toBe('fuzhou-gxj-2024-公开表.xlsx');
    const pageOut = path.join(tmp, 'page.xlsx');
    await download.saveAs(pageOut);

    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(pageOut);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.readFile(cliOut);
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(EXAMPLE);
    // The file as opened, plus the nine sheets, in the CLI's order and names; no marks, no marks sheet.
    expect(cliSheets).toHaveLength(10); // the nine tables and the 情况说明 draft
    expect(got.worksheets.map((ws) => ws.name)).toEqual([...input.worksheets.map((ws) => ws.name), ...cliSheets]);
    expect(got.worksheets.map((ws) => ws.name)).toEqual(cli.worksheets.map((ws) => ws.name));
    expect(got.getWorksheet('绩效自评11-20')!.getCell('G71').fill).toEqual(input.getWorksheet('绩效自评11-20')!.getCell('G71').fill);

    // A few figures of the generated 公开01表.
    const t01 = got.getWorksheet(cliSheets[0])!;
    expect(t01.name).toMatch(/^公开01表 收入支出决算总表/);
    const right = (label: string) => t01.getCell(Number(findCell(t01, label).row), Number(findCell(t01, label).col) + 1).value;
    expect(right('一、一般公共预算财政拨款收入')).toBe(15922.99);
    expect(right('本年收入合计')).toBe(16094.58);
    expect(right('本年支出合计')).toBe(16094.58);
    expect(right('六、科学技术支出')).toBe(29.84);

    // Cell by cell against the CLI's output: every sheet, the nine new ones and the untouched originals.
    let compared = 0;
    const diffs = got.worksheets.flatMap((ws) => {
      const d = compareWorksheets(ws, cli.getWorksheet(ws.name)!);
      if (cliSheets.includes(ws.name)) compared += d.cells;
      return d.diffs;
    });
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    // The comparison sees a difference when there is one.
    expect(compareWorksheets(got.getWorksheet(cliSheets[0])!, cli.getWorksheet(cliSheets[1])!).diffs.length).toBeGreaterThan(0);

    // The marked copy keeps the check's fills and notes.
    const [marked] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: /^下载标记副本/ }).click()]);
    expect(marked.suggestedFilename()).toBe('fuzhou-gxj-2024-已标记.xlsx');
    const markedOut = path.join(tmp, 'marked.xlsx');
    await marked.saveAs(markedOut);
    const mk = new ExcelJS.Workbook();
    await mk.xlsx.readFile(markedOut);
    const g71 = mk.getWorksheet('绩效自评11-20')!.getCell('G71');
    expect((g71.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(g71.note)).toContain('年度资金总额执行率印为71.17%');

    // After generation the grid shows the first new table.
    expect(await w.page.locator('#sheet-select').inputValue()).toBe(`g:${cliSheets[0]}`);
    expect(w.offsite).toEqual([]);
    expect(w.errors).toEqual([]);
  } finally {
    await w.context.close();
  }
});

test('at the task pane width (320 px), by keyboard: open, check, jump; nothing overflows sideways', async () => {
  const w = await openPage(h, { width: 320, height: 720 });
  try {
    const names: string[] = [];
    /** Tabs until the focused element's accessible text matches; returns false after `max` presses. */
    const tabTo = async (re: RegExp, max = 200) => {
      for (let i = 0; i < max; i++) {
        await w.page.keyboard.press('Tab');
        const text = await w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
        names.push(text);
        if (re.test(text)) return true;
      }
      return false;
    };
    // The file-chooser interception is switched on before the button is reached: switched on in the same moment
    // as the key press, headless Chromium sometimes opened its own (invisible) dialog instead, and then ignored
    // the second press too.
    const chooserWaits = w.page.waitForEvent('filechooser', { timeout: 30_000 });
    await w.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect(await tabTo(/^选择 Excel 文件…$/)).toBe(true);
    await w.page.keyboard.press('Enter');
    const chooser = await chooserWaits;
    await chooser.setFiles(EXAMPLE);
    await w.page.getByText('fuzhou-gxj-2024.xlsx', { exact: true }).waitFor();
    expect(await tabTo(/^检查$/)).toBe(true);
    await w.page.keyboard.press('Enter');
    await w.page.getByText(/^检查完成/).waitFor({ timeout: 60_000 });
    expect(await findingCounts(w.page)).toEqual(expected);
    expect(await tabTo(/^一键生成公开表$/)).toBe(true);
    expect(await tabTo(/^清除标记$/)).toBe(true);

    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await w.page.locator('section[aria-label="检查结果"]').evaluate((s) => s.scrollIntoView({ block: 'start' }));
    await screenshot(w.page, 'page-320-findings.png');

    // The finding by keyboard: Tab to the list (one tab stop), the arrow keys to it, Enter; the grid below
    // scrolls the cell into view.
    let onList = false;
    for (let i = 0; i < 60 && !onList; i++) {
      await w.page.keyboard.press('Tab');
      onList = await w.page.evaluate(() => !!(document.activeElement as HTMLElement | null)?.dataset.rule);
    }
    expect(onList).toBe(true);
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      await w.page.keyboard.press('ArrowDown');
      found = FINDING_IN_LIST.test(await w.page.evaluate(() => (document.activeElement as HTMLElement).innerText));
    }
    expect(found).toBe(true);
    await w.page.keyboard.press('Enter');
    await w.page.locator('td[data-selected="true"]').waitFor();
    const cell = gridCell(w, 'G71');
    expect(await cell.getAttribute('data-mark')).toBe('error');
    expect(await cellInView(w, 'G71')).toBe(true);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(w.page, 'page-320-grid-marks.png');
    expect(await contrastFailures(w.page)).toEqual([]);
    expect(w.offsite).toEqual([]);
    expect(w.errors).toEqual([]);
  } finally {
    await w.context.close();
  }
});

test('a file that is not .xlsx: the Chinese error, and the page still opens a real workbook afterwards', async () => {
  const w = await openPage(h, { width: 1280, height: 800 });
  try {
    // Dropped text file.
    await w.page.getByTestId('drop-zone').evaluate((zone) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['单位,金额\n福州,1\n'], '决算.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    const alert = w.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('无法打开文件');
    expect(await alert.innerText()).toContain('“决算.csv”不是 Excel 工作簿（.xlsx），无法读取');
    expect(await w.page.getByRole('button', { name: '检查', exact: true }).isDisabled()).toBe(true);

    // An old .xls (OLE header) picked with the button.
    const xls = path.join(tmp, '旧表.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await w.page.locator('input[type=file]').setInputFiles(xls);
    await w.page.getByText(/“旧表\.xls”是旧版 Excel（\.xls）文件/).waitFor();

    // A zip that is not a workbook.
    const zip = path.join(tmp, '坏文件.xlsx');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]));
    await w.page.locator('input[type=file]').setInputFiles(zip);
    await w.page.getByText(/“坏文件\.xlsx”不完整（ZIP 结构被截断）/).waitFor();

    // The contrast probe reports low-contrast text when there is some.
    await w.page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'contrast-probe';
      probe.style.cssText = 'color:#BBBBBB;background:#FFFFFF;position:fixed;top:0;left:0;margin:0';
      probe.textContent = '浅灰色文字';
      document.body.appendChild(probe);
    });
    expect((await contrastFailures(w.page)).join('\n')).toContain('浅灰色文字');
    await w.page.evaluate(() => document.getElementById('contrast-probe')!.remove());

    // Nothing broke: the real workbook opens and checks.
    await loadExample(w);
    expect(await w.page.getByRole('alert').count()).toBe(0);
    await runCheck(w);
    expect(await findingCounts(w.page)).toEqual(expected);
    expect(w.offsite).toEqual([]);
    expect(w.errors).toEqual([]);
  } finally {
    await w.context.close();
  }
});
