// Mark sets too large for one request (tens of thousands of marked cells with long Chinese messages, mostly
// errors) are written and removed in several requests, each within the budget; clearing stays exact. Past
// the budget the notes of 尾差-only cells are left out first (mark-tail-notes.test.ts); these marks exceed it
// even without them. Mark sets that fit keep the single request (see the sync budgets in office-port.test.ts).
import { packRequests, REQUEST_BUDGET, utf8Length, type RequestOp } from '../../src/adapters/office/request-packer';
import { LOCATIONS_PER_PAGE, LOCATIONS_PER_REQUEST } from '../../src/adapters/office/read-workbook';
import { annotationAddresses, MARK_RECORD_KEY, parseRecord } from '../../src/adapters/office/mark-record';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { MARK_FILL, type Mark } from '../../src/port/port';
import { argbToHex } from '../../src/adapters/office/units';
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from './fake-excel';

const ROWS = 5_200;
const COLS = 10;
const SHEET = '项目支出决算明细表';

/** A consolidated-sized sheet with the user's own formats, conditional formats and one note of their own. */
function bigWorkbook(apiVersion: string): FakeExcel {
  const fx = new FakeExcel(apiVersion);
  const data: unknown[][] = [['科目编码', '科目名称', ...Array.from({ length: COLS - 2 }, (_, i) => `金额${i + 1}`)]];
  for (let r = 1; r < ROWS; r++) data.push([String(2010000 + r), `科目${r}`, ...Array.from({ length: COLS - 2 }, (_, i) => r * 10 + i + 0.25)]);
  const s = fx.addSheet(SHEET, data);
  s.cells['0:0'].format = { bold: true, fill: '#DDEBF7', borders: { bottom: { style: 'Continuous', weight: 'Thin', color: '#000000' } } };
  s.cells['5:3'].numberFormat = '#,##0.00';
  s.cells['7:4'].format = { fill: '#C6EFCE', fontName: '宋体' };
  s.conditionalFormats.push(
    {
      id: 'user-1',
      type: 'CellValue',
      ranges: [{ top: 1, bottom: ROWS - 1, left: 2, right: COLS - 1 }],
      formula: null,
      fill: '#FFEB9C',
      extra: { operator: 'LessThan', formula1: '0' },
    },
    { id: 'user-2', type: 'Custom', ranges: [{ top: 1, bottom: 200, left: 0, right: 1 }], formula: '=$C2>1000', fill: '#F8CBAD' },
  );
  fx.addSheet('说明', [['本表由财务科填写']]);
  if (fx.isSupported('1.18')) fx.state.notes.push({ id: 'n-user', sheetId: s.id, row: 2, col: 2, content: '用户自己的批注' });
  else if (fx.isSupported('1.10')) fx.state.comments.push({ id: 'c-user', sheetId: s.id, row: 2, col: 2, content: '用户自己的批注' });
  return fx;
}

/** Every other cell of the amount columns (a checkerboard: no two marked cells share a rectangle), with long messages; every 7th row 尾差, the rest errors. */
function bigMarks(): Mark[] {
  const marks: Mark[] = [];
  const reason =
    '与“收入支出决算总表”对应数不一致：本表合计数应等于总表中同一科目的本年支出合计，请逐项核对项级科目的基本支出与项目支出金额。差额可能来自四舍五入、科目归类或漏填：请先在底稿中核对该科目的一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款三列，再核对上级补助收入、事业收入、经营收入和其他收入，改正后重新检查。若差额确为科目归类错误，请同时改正底稿1、底稿2以及公开02表、公开03表、公开05表中对应科目的金额，保持各表一致；若为四舍五入所致，请在公开说明中注明。';
  for (let r = 1; r < ROWS; r++) {
    for (let c = 2; c < COLS; c++) {
      if ((r + c) % 2 !== 0) continue;
      marks.push({ cell: { sheet: SHEET, row: r, col: c }, severity: r % 7 === 0 ? 'tail' : 'error', message: `[T-${c}] 第${r + 1}行${reason}` });
    }
  }
  return marks;
}

const ownRules = (fx: FakeExcel) => fx.sheetByName(SHEET)!.conditionalFormats.filter((c) => c.formula?.includes('FINAL-ACCOUNTS-MARK'));

describe('mark sets larger than one request', () => {
  for (const version of ['1.7', '1.9', '1.13', '1.18']) {
    test(`ExcelApi ${version}: check + mark takes 2 + one sync per chunk, each request within the budget; clear is exact after reopen`, async () => {
      const fx = bigWorkbook(version);
      const before = fx.formatsSnapshot();
      const values = fx.valuesSnapshot();
      const progress: number[] = [];
      const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported, onMarkProgress: (_d, total) => progress.push(total) });
      const marks = bigMarks();
      expect(marks.length).toBeGreaterThan(20_000);

      await port.readSnapshot();
      expect(fx.stats.syncs).toBe(2);
      const result = await port.applyMarks(marks);
      const chunks = progress[progress.length - 1];
      expect(progress).toEqual(new Array(chunks).fill(chunks));
      expect(fx.stats.syncs).toBe(2 + chunks);
      const markRequests = fx.stats.requestBytes.slice(2);
      // Packed to the budget by the packer's measure, which agrees with the host's within a few per cent.
      for (const bytes of markRequests) expect(bytes).toBeLessThanOrEqual(REQUEST_BUDGET * 1.1);
      for (const bytes of fx.stats.responseBytes) expect(bytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
      // On one request it would have been refused (notes/comments carry the messages; 1.7 has one rule per rectangle).
      if (version !== '1.9') {
        expect(chunks).toBeGreaterThan(1);
        expect(markRequests.reduce((a, b) => a + b, 0)).toBeGreaterThan(version === '1.7' ? REQUEST_BUDGET / 2 : FAKE_PAYLOAD_LIMIT);
      }

      // Every marked cell is covered by exactly one of our rules, in its severity's colour; nothing else is.
      const rules = ownRules(fx);
      const cover = new Map<string, string[]>();
      for (const rule of rules)
        for (const g of rule.ranges)
          for (let r = g.top; r <= g.bottom; r++)
            for (let c = g.left; c <= g.right; c++) cover.set(`${r}:${c}`, [...(cover.get(`${r}:${c}`) ?? []), rule.fill!]);
      expect(cover.size).toBe(marks.length);
      const wrong = marks.filter(
        (m) => JSON.stringify(cover.get(`${m.cell.row}:${m.cell.col}`)) !== JSON.stringify([argbToHex(MARK_FILL[m.severity])]),
      );
      expect(wrong).toEqual([]);
      expect(new Set(rules.map((r) => r.fill)).size).toBe(2);
      const record = parseRecord(JSON.parse(fx.state.settings[MARK_RECORD_KEY]));
      expect(record?.cells).toBe(marks.length);
      expect(fx.state.settings[MARK_RECORD_KEY].length).toBeLessThan(REQUEST_BUDGET / 4);
      const annotations = version === '1.18' ? fx.state.notes : version === '1.13' ? fx.state.comments : [];
      // The user's own note/comment (on C3, a marked error cell) plus ours on every other error cell; the
      // 尾差-only cells are left without one (and reported), since even the error notes need several requests.
      const errorCells = marks.filter((m) => m.severity === 'error');
      const tailCells = marks.filter((m) => m.severity === 'tail');
      if (version === '1.13' || version === '1.18') {
        expect(annotations.length).toBe(1 + (errorCells.length - 1));
        const noted = new Set(annotations.map((a) => `${a.row}:${a.col}`));
        expect(errorCells.every((m) => noted.has(`${m.cell.row}:${m.cell.col}`))).toBe(true);
        expect(tailCells.some((m) => noted.has(`${m.cell.row}:${m.cell.col}`))).toBe(false);
        expect(result.tailNotesOmitted).toBe(tailCells.length);
      } else expect(result.tailNotesOmitted).toBe(0);
      // The user's formats did not change by marking.
      expect(JSON.parse(fx.formatsSnapshot()).sheets[0].cells).toEqual(JSON.parse(before).sheets[0].cells);

      const noted = version === '1.18' ? fx.state.notes.length : version === '1.13' ? fx.state.comments.length : 0;
      fx.reopen();
      fx.resetStats();
      const clearProgress: number[] = [];
      const fresh = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported, onMarkProgress: (_d, total) => clearProgress.push(total) });
      const removed = await fresh.clearMarks();
      expect(removed).toEqual({ cleared: marks.length, invalidRecords: 0 });
      const clearChunks = clearProgress[clearProgress.length - 1];
      // The cells of our notes/comments are asked with the inspection up to LOCATIONS_PER_REQUEST, the rest in pages.
      const locationPages = Math.ceil(Math.max(0, noted - LOCATIONS_PER_REQUEST) / LOCATIONS_PER_PAGE);
      expect(fx.stats.syncs).toBe(2 + locationPages + clearChunks);
      for (const bytes of fx.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(REQUEST_BUDGET * 1.1);
      // Cell by cell, every format, merge, user rule, note and comment is as before; values untouched.
      expect(fx.formatsSnapshot()).toBe(before);
      expect(fx.valuesSnapshot()).toBe(values);
      expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
    }, 60_000);
  }

  test('a second large check replaces the first without a rule or note piling up, also when written in chunks', async () => {
    const fx = bigWorkbook('1.18');
    const before = fx.formatsSnapshot();
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    await port.readSnapshot();
    await port.applyMarks(bigMarks());
    await port.readSnapshot();
    const second = bigMarks().filter((m) => m.cell.row < 100);
    fx.resetStats();
    const result = await port.applyMarks(second);
    // Removing the first run's ~17,800 notes needs requests of its own; the second run's marks follow. Leaving
    // out the second run's 尾差 notes would not save a request, so they are all written.
    expect(fx.stats.syncs).toBeGreaterThan(1);
    expect(second.some((m) => m.severity === 'tail')).toBe(true);
    expect(result.tailNotesOmitted).toBe(0);
    expect(fx.state.notes.length).toBe(second.length);
    expect(new Set(ownRules(fx).flatMap((r) => r.ranges.map((g) => g.top))).size).toBeLessThanOrEqual(100);
    await port.clearMarks();
    expect(fx.formatsSnapshot()).toBe(before);
  }, 60_000);
});

describe('尾差 notes left out on the retry path', () => {
  test('marking again after the workbook changed (a fresh look, then the write) leaves out the same 尾差 notes and reports them', async () => {
    const fx = bigWorkbook('1.18');
    const before = fx.formatsSnapshot();
    const port = portOnFx(fx);
    const tails = bigMarks().map((m) => ({ ...m, severity: 'tail' as const }));
    // C3 carries the user's own note: it would get none of ours anyway, so it is not counted.
    expect((await port.applyMarks(tails)).tailNotesOmitted).toBe(tails.length - 1);
    await port.readSnapshot();
    const sheet = fx.sheetByName(SHEET)!;
    sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => !c.formula?.includes('FINAL-ACCOUNTS-MARK'));
    fx.resetStats();
    expect((await port.applyMarks(tails)).tailNotesOmitted).toBe(tails.length - 1);
    // The refused write, then the fresh look (2) and one write: no note chunks.
    expect(fx.stats.syncs).toBe(4);
    expect(fx.state.notes.map((n) => n.content)).toEqual(['用户自己的批注']);
    expect(ownRules(fx).length).toBeGreaterThan(0);
    await port.clearMarks();
    expect(fx.formatsSnapshot()).toBe(before);
    expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
  }, 60_000);
});

describe('packRequests', () => {
  const op = (bytes: number): RequestOp => ({ bytes, queue: () => undefined });

  test('ops that fit stay in one request; past the budget a new request starts; an oversized op goes alone', () => {
    expect(packRequests([op(10), op(20)], 100).map((c) => c.length)).toEqual([2]);
    expect(packRequests([op(60), op(30), op(20), op(90)], 100).map((c) => c.map((o) => o.bytes))).toEqual([[60, 30], [20], [90]]);
    expect(packRequests([op(150), op(10)], 100).map((c) => c.length)).toEqual([1, 1]);
    expect(packRequests([])).toEqual([[]]);
  });

  test('sizes are estimated in UTF-8 bytes, as the request body carries them', () => {
    expect(utf8Length('A1')).toBe(2);
    expect(utf8Length('决算')).toBe(6);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
  });
});

describe('the mark record', () => {
  test('stays one small setting: compact lists, and only a summary past the detail limit', async () => {
    const fx = bigWorkbook('1.18');
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    await port.applyMarks(bigMarks().slice(0, 50));
    const small = JSON.parse(JSON.parse(fx.state.settings[MARK_RECORD_KEY]));
    expect(small).toMatchObject({ version: 2, cells: 50, detailed: true });
    expect(small.annotations).toEqual([expect.objectContaining({ sheet: SHEET, kind: 'notes' })]);
    const addresses = annotationAddresses(small.annotations[0]);
    expect(addresses).toEqual(expect.arrayContaining(['D2', 'F2', 'E3']));
    // C3 carries the user's own note: marked, but no note of ours there.
    expect(addresses).toHaveLength(49);
    expect(addresses).not.toContain('C3');
    await port.applyMarks(bigMarks());
    const big = JSON.parse(JSON.parse(fx.state.settings[MARK_RECORD_KEY]));
    // Past the limit the rule list goes (rules are found by the run id); every note stays listed, with its hash.
    expect(big).toMatchObject({ version: 2, cells: bigMarks().length, detailed: false, rules: [] });
    expect(annotationAddresses(big.annotations[0])).toHaveLength(bigMarks().filter((m) => m.severity === 'error').length - 1);
  }, 60_000);

  test('a version 1 record of an older file is still read: its rules are cleared; its notes (no text hash) are reported, not trusted', async () => {
    const fx = bigWorkbook('1.9');
    const before = fx.formatsSnapshot();
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    await port.applyMarks(bigMarks().slice(0, 3));
    // An older version wrote the same rules (the run id in their formula) with a version 1 record.
    const { run } = JSON.parse(JSON.parse(fx.state.settings[MARK_RECORD_KEY])) as { run: string };
    const v1 = {
      version: 1,
      run,
      createdAt: '2025-01-01T00:00:00.000Z',
      cells: 3,
      rules: [{ sheet: SHEET, severity: 'tail', ranges: ['C2'] }],
      annotations: [{ sheet: SHEET, address: 'C2', kind: 'notes' }],
    };
    fx.state.settings[MARK_RECORD_KEY] = JSON.stringify(JSON.stringify(v1));
    expect(parseRecord(JSON.stringify(v1))?.cells).toBe(3);
    expect(await port.clearMarks()).toEqual({ cleared: 3, invalidRecords: 1 });
    expect(fx.formatsSnapshot()).toBe(before);
    expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
  });
});

describe('notes/comments too many for one response', () => {
  for (const version of ['1.13', '1.18']) {
    test(`ExcelApi ${version}: when the host refuses the list of notes/comments, it is read in pages and clearing stays exact`, async () => {
      const fx = bigWorkbook(version);
      const before = fx.formatsSnapshot();
      const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
      // All errors, so every marked cell gets a note or comment (4,500: three pages to read them back).
      const marks = bigMarks()
        .slice(0, 4_500)
        .map((m) => ({ ...m, severity: 'error' as const }));
      await port.applyMarks(marks);
      fx.reopen();
      fx.resetStats();
      // The first pass (names, record, every note/comment with its text) is refused once, as Excel on the web would.
      fx.failNextSyncWith = { code: 'ResponsePayloadSizeLimitExceeded' };
      expect(await portOnFx(fx).clearMarks()).toEqual({ cleared: marks.length, invalidRecords: 0 });
      // refused first pass, names + record + count, 3 pages of ≤ 2,000, the rules, then the removal.
      expect(fx.stats.syncs).toBe(1 + 1 + 3 + 1 + 1);
      expect(fx.formatsSnapshot()).toBe(before);
      expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
    }, 60_000);
  }

  test('a read of the workbook (check) after a large marking pages the notes in the same way, and marking again replaces them', async () => {
    const fx = bigWorkbook('1.18');
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    await port.applyMarks(bigMarks().slice(0, 3_000));
    fx.failNextSyncWith = { code: 'ResponsePayloadSizeLimitExceeded' };
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values.length).toBe(ROWS);
    await port.applyMarks(bigMarks().slice(0, 10));
    expect(fx.state.notes.map((n) => n.content).filter((c) => c.startsWith('【决算公开助手】'))).toHaveLength(9);
    expect(fx.state.notes.map((n) => n.content)).toContain('用户自己的批注');
  }, 60_000);
});

function portOnFx(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
}
