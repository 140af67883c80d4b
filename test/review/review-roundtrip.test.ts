// Issue #16 must-show: explain a finding, save, reopen (ExcelJS file, and Excel on the strict fake), re-check:
// it is explained; change its figure: 待处理 again; move the table (addresses change): the explanation stays.
// The record goes out in the same request as the marks; a forged record is ignored and reported.
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { explain, reviewWorkbook, saveReview, type ReviewedCheck } from '../../src/app/review';
import { REVIEW_SHEET } from '../../src/port/review-store';
import { FakeExcel } from '../addin/fake-excel';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

const who = { now: '2026-12-05T08:00:00.000Z', user: '李四' };
const SHEET_06 = '公开06表 一般公共预算财政拨款基本支出决算表';
const REASON = '部分养老保险缴费在“2080599 其他行政事业单位养老支出”列支，=见附件';

const x13 = (r: ReviewedCheck) => r.state.findings.filter((f) => f.finding.rule === 'X13');

async function fuzhouFake(): Promise<FakeExcel> {
  const fx = new FakeExcel('1.7');
  for (const s of (await snapshotOf(FUZHOU_XLSX)).sheets) {
    const sheet = fx.addSheet(s.name, s.values, { row: s.originRow, col: s.originCol });
    sheet.merges.push(...s.merges);
  }
  return fx;
}

describe('review record in a file (ExcelJS)', () => {
  test('explain → save → reopen → explained; figure changed → 待处理; table moved → still explained', async () => {
    const port = new ExcelJsWorkbookPort(await new ExcelJS.Workbook().xlsx.readFile(FUZHOU_XLSX));
    const first = await reviewWorkbook(port, {}, who);
    const target = x13(first)[0].finding;
    expect(x13(first)[0].status).toBe('open');
    await saveReview(port, explain(first, [{ id: target.id!, status: 'explained', reason: REASON }], who), true);

    const reopened = await ExcelJsWorkbookPort.fromBuffer(await port.toBuffer());
    // The mark's note on the explained cell ends with its status and reason.
    const noted = reopened.workbook.getWorksheet(target.cells[0].sheet)!.getCell(target.cells[0].row + 1, target.cells[0].col + 1);
    expect(JSON.stringify(noted.note)).toContain(`【已说明：${REASON}】`);
    const store = reopened.workbook.worksheets.find((w) => w.name === REVIEW_SHEET)!;
    expect(store.state).toBe('veryHidden');
    // The store is not a sheet the readers see.
    expect((await reopened.readSnapshot()).sheets.map((s) => s.name)).not.toContain(REVIEW_SHEET);
    const again = await reviewWorkbook(reopened, {}, { ...who, now: '2026-12-05T09:00:00.000Z' });
    const explained = again.state.findings.find((r) => r.finding.id === target.id)!;
    expect(explained.status).toBe('explained');
    expect(explained.record).toMatchObject({ reason: REASON, user: '李四', time: who.now });
    expect(x13(again).filter((r) => r.status === 'open')).toHaveLength(2);

    // Move table 06 four rows down: every address on the sheet changes, the explanation holds.
    const ws = reopened.workbook.getWorksheet(SHEET_06)!;
    ws.spliceRows(1, 0, [], [], [], []);
    const movedBook = await ExcelJsWorkbookPort.fromBuffer(await reopened.toBuffer());
    const moved = await reviewWorkbook(movedBook, {}, who);
    const movedFinding = moved.state.findings.find((r) => r.finding.id === target.id)!;
    expect(movedFinding.finding.cells[0].row).toBe(target.cells[0].row + 4);
    expect(movedFinding.status).toBe('explained');

    // Change the figure the explanation was about: 待处理 again, and the report says why.
    const cell = movedBook.workbook.getWorksheet(target.cells[0].sheet)!.getCell(target.cells[0].row + 4 + 1, target.cells[0].col + 1);
    cell.value = Number(cell.value) + 1;
    const changed = await reviewWorkbook(movedBook, {}, who);
    expect(changed.state.findings.find((r) => r.finding.id === target.id)).toMatchObject({ status: 'open', changed: true });
  });
});

describe('review record in Excel (strict fake)', () => {
  test('explain → save with the marks in one request → reopen → explained; figure changed → 待处理; moved → explained', async () => {
    const fx = await fuzhouFake();
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    const first = await reviewWorkbook(port, {}, who);
    const target = x13(first)[0].finding;
    const explainedNow = explain(first, [{ id: target.id!, status: 'dismissed', reason: REASON }], who);
    fx.resetStats();
    await saveReview(port, explainedNow, true);
    // Marks and the record in the one request of a mark write after a read.
    expect(fx.stats.syncs).toBe(1);
    const store = fx.sheetByName(REVIEW_SHEET)!;
    expect(store.visibility).toBe('VeryHidden');

    fx.reopen();
    const again = await reviewWorkbook(new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }), {}, who);
    expect(again.state.findings.find((r) => r.finding.id === target.id)).toMatchObject({ status: 'dismissed', record: { reason: REASON } });

    // Move the whole 06 sheet's content 3 rows down and 1 column right.
    const s06 = fx.sheetByName(SHEET_06)!;
    s06.cells = Object.fromEntries(
      Object.entries(s06.cells).map(([k, v]) => {
        const [r, c] = k.split(':').map(Number);
        return [`${r + 3}:${c + 1}`, v];
      }),
    );
    s06.merges = s06.merges.map((m) => ({ top: m.top + 3, bottom: m.bottom + 3, left: m.left + 1, right: m.right + 1 }));
    const moved = await reviewWorkbook(new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }), {}, who);
    const m = moved.state.findings.find((r) => r.finding.id === target.id)!;
    expect([m.finding.cells[0].row, m.finding.cells[0].col]).toEqual([target.cells[0].row + 3, target.cells[0].col + 1]);
    expect(m.status).toBe('dismissed');

    const c = fx.cell(s06, target.cells[0].row + 3, target.cells[0].col + 1)!;
    c.value = Number(c.value) + 1;
    const changed = await reviewWorkbook(new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }), {}, who);
    expect(changed.state.findings.find((r) => r.finding.id === target.id)).toMatchObject({ status: 'open', changed: true });
  });

  test('a status set later (pane) rewrites the store alone in one request after a read, and survives a reopen', async () => {
    const fx = await fuzhouFake();
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    const first = await reviewWorkbook(port, {}, who);
    await saveReview(port, first, true);
    const [a] = x13(first).map((r) => r.finding.id!);
    const again = await reviewWorkbook(port, {}, who);
    fx.resetStats();
    await saveReview(port, explain(again, [{ id: a, status: 'explained', reason: '口径不同' }], who), false);
    // The store as read with the snapshot is reused: one sync for the sheet names, one for the write.
    expect(fx.stats.syncs).toBe(2);
    fx.reopen();
    const reopened = await reviewWorkbook(new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }), {}, who);
    expect(reopened.state.findings.find((r) => r.finding.id === a)).toMatchObject({ status: 'explained', record: { reason: '口径不同' } });
    expect(reopened.invalid).toEqual([]);
  });

  test('a record edited by hand in the store is ignored and reported, never applied', async () => {
    const fx = await fuzhouFake();
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    const first = await reviewWorkbook(port, {}, who);
    const [a, b] = x13(first).map((r) => r.finding.id!);
    await saveReview(
      port,
      explain(
        first,
        [
          { id: a, status: 'explained', reason: '口径不同' },
          { id: b, status: 'explained', reason: '口径不同' },
        ],
        who,
      ),
      true,
    );
    // Forge: someone turns b's record into 误报 with another reason, without the seal.
    const store = fx.sheetByName(REVIEW_SHEET)!;
    const rowKey = Object.keys(store.cells).find((k) => String(store.cells[k].value).includes(b))!;
    const forged = JSON.parse(String(store.cells[rowKey].value));
    store.cells[rowKey].value = JSON.stringify({ ...forged, status: 'dismissed', reason: '不用管' });
    fx.reopen();
    const again = await reviewWorkbook(new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }), {}, who);
    expect(again.state.findings.find((r) => r.finding.id === a)?.status).toBe('explained');
    expect(again.state.findings.find((r) => r.finding.id === b)?.status).toBe('open');
    expect(again.invalid).toEqual([{ row: Number(rowKey.split(':')[0]) + 1, problem: '校验不符（记录被手工改动或来自其他工作簿）' }]);
    expect(again.invalidNotice).toMatch(new RegExp(`隐藏工作表“${REVIEW_SHEET}”.*1 条无效，已忽略`));
  });
});
