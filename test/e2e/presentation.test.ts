// The findings and generation as a finance officer sees them in Chromium, at the task-pane width (320 px) and
// at 1280 px: the summary line, the severity and table filters, the keyboard jump to a cell on the grid, and
// after generation a compact success line with the download button inside the viewport.
import type { Locator } from 'playwright-core';
import { checkWorkbook } from '../../src/app/check';
import { readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { summarize } from '../../src/core/findings';
import { EXAMPLE, findingCounts, openPage, screenshot, startHarness, type Harness, type Watched } from './browser';

/** The 绩效 finding at 绩效自评11-20!G71, as the list shows it. */
const G71_FINDING = /年度资金总额执行率印为71\.17%/;

let h: Harness;
let expected: { 错误: number; 提示: number; 尾差: number };

beforeAll(async () => {
  const s = summarize(checkWorkbook(await (await readWorkbookFile(EXAMPLE)).readSnapshot()).findings);
  expected = { 错误: s.error, 提示: s.warning, 尾差: s.tail };
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function openAndCheck(w: Watched): Promise<void> {
  await w.page.locator('input[type=file]').setInputFiles(EXAMPLE);
  await w.page.getByText('fuzhou-gxj-2024.xlsx', { exact: true }).waitFor();
  await w.page.getByRole('button', { name: '检查', exact: true }).click();
  await w.page.getByText(/^检查完成/).waitFor({ timeout: 60_000 });
}

/** Whether the element's whole box is inside the window. */
function inViewport(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const b = el.getBoundingClientRect();
    return b.height > 0 && b.top >= 0 && b.left >= 0 && b.bottom <= window.innerHeight && b.right <= window.innerWidth;
  });
}

const focusedRule = (w: Watched) => w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rule ?? null);
const focusedText = (w: Watched) => w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

async function generate(w: Watched): Promise<Locator> {
  await w.page.getByRole('button', { name: '一键生成公开表' }).click();
  const line = w.page.getByText(/^已生成 \d+ 张工作表/);
  await line.waitFor({ timeout: 60_000 });
  return line;
}

test('320 px: summary, severity and table filters, arrow keys and Enter jump to the cell; after generation the download is in view', async () => {
  const w = await openPage(h, { width: 320, height: 720 });
  try {
    await openAndCheck(w);
    // The page changes no workbook: its marks are on the preview, the marked file a download.
    expect(await w.page.getByText(/^检查完成。/).innerText()).toBe('检查完成。有问题的单元格已在表格预览中标色，原文件不会改动；也可下载标记副本。');
    expect(await w.page.getByRole('button', { name: '下载标记副本：fuzhou-gxj-2024-已标记.xlsx' }).count()).toBe(1);
    expect(await w.page.getByRole('status').filter({ hasText: '不影响公开' }).innerText()).toBe(
      `错误 ${expected.错误} 项 · 提示 ${expected.提示} 项 · 尾差 ${expected.尾差} 处（不影响公开，可调整）`,
    );
    expect(await findingCounts(w.page)).toEqual(expected);

    // Severity filter: only the errors, then everything again.
    await w.page.getByRole('button', { name: `错误 ${expected.错误}`, exact: true }).click();
    expect(await findingCounts(w.page)).toEqual({ 错误: expected.错误, 提示: 0, 尾差: 0 });
    expect(await w.page.getByRole('button', { name: `错误 ${expected.错误}`, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await w.page.getByRole('button', { name: `尾差 ${expected.尾差}`, exact: true }).click();
    expect(await findingCounts(w.page)).toEqual({ 错误: 0, 提示: 0, 尾差: expected.尾差 });
    await w.page.getByRole('button', { name: '全部', exact: true }).click();
    expect(await findingCounts(w.page)).toEqual(expected);

    // Table filter: the 01 table alone holds one 尾差.
    const tables = w.page.getByRole('combobox', { name: '按表筛选' });
    await tables.selectOption('01');
    expect(await findingCounts(w.page)).toEqual({ 错误: 0, 提示: 0, 尾差: 1 });
    await tables.selectOption('');
    expect(await findingCounts(w.page)).toEqual(expected);

    // The keyboard: Tab onto the list (one tab stop), arrow keys to the finding, Enter jumps to its cell.
    let onList = false;
    for (let i = 0; i < 60 && !onList; i++) {
      await w.page.keyboard.press('Tab');
      onList = (await focusedRule(w)) !== null;
    }
    expect(onList).toBe(true);
    const first = await focusedText(w);
    await w.page.keyboard.press('ArrowDown');
    expect(await focusedText(w)).not.toBe(first);
    await w.page.keyboard.press('ArrowUp');
    expect(await focusedText(w)).toBe(first);
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      await w.page.keyboard.press('ArrowDown');
      found = G71_FINDING.test(await focusedText(w));
    }
    expect(found).toBe(true);
    expect(await focusedRule(w)).toBe('P1');
    await w.page.keyboard.press('Enter');
    const cell = w.page.locator('[data-testid="grid-scroller"] td[data-address="G71"]');
    await w.page.locator('td[data-selected="true"]').waitFor();
    expect(await cell.getAttribute('data-selected')).toBe('true');
    expect(await cell.getAttribute('data-mark')).toBe('error');
    expect(await inViewport(cell)).toBe(true);

    // Generation: a compact success line (no list of the new sheets) and the download button in view.
    await w.page.evaluate(() => window.scrollTo(0, 0));
    const line = await generate(w);
    expect(await line.innerText()).toBe('已生成 10 张工作表，原有工作表均未改动。');
    const download = w.page.getByRole('button', { name: /^下载生成结果/ });
    await download.waitFor();
    expect(await inViewport(download)).toBe(true);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(w.page, 'page-320-generated.png');
    expect(w.offsite).toEqual([]);
    expect(w.errors).toEqual([]);
  } finally {
    await w.context.close();
  }
});

test('1280 px: the findings list and generation, for the README', async () => {
  const w = await openPage(h, { width: 1280, height: 800 });
  try {
    await openAndCheck(w);
    await generate(w);
    const download = w.page.getByRole('button', { name: /^下载生成结果/ });
    await download.waitFor();
    expect(await inViewport(download)).toBe(true);
    await screenshot(w.page, 'page-1280-generated.png');
    expect(w.errors).toEqual([]);
  } finally {
    await w.context.close();
  }
});
