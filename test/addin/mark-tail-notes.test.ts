// A consolidated department's workbook (3,000 项 rows) yields thousands of 尾差: a note on every one of those
// cells would need many requests. Past the request budget the notes of 尾差-only cells are left out (the cells
// are still coloured, the pane lists them), so check + mark stays at 3 syncs, as for a small workbook; cells
// with an error or warning keep their note; the record lists only the notes written, so clear stays exact.
import { a1 } from '../../src/core/cells';
import { checkWorkbook } from '../../src/app/check';
import type { Severity } from '../../src/core/findings';
import { annotationAddresses, MARK_RECORD_KEY } from '../../src/adapters/office/mark-record';
import { planMarkWrite } from '../../src/adapters/office/marks';
import { packRequests, REQUEST_BUDGET } from '../../src/adapters/office/request-packer';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { detectFeatures } from '../../src/adapters/office/api-support';
import type { WorkbookSurface } from '../../src/adapters/office/excel-surface';
import { argbToHex } from '../../src/adapters/office/units';
import { groupMarksByCell, MARK_FILL, marksOf, type CellMark, type Mark } from '../../src/port/port';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { syntheticWorkload, workloadSnapshot, type SizeId } from '../../src/synthetic';
import { FakeExcel, type FakeAnnotation } from './fake-excel';

const RANK: Record<Severity, number> = { error: 0, warning: 1, tail: 2 };
const USER_NOTE = '用户自己的批注';

/**
 * A synthetic workload with a few real mistakes: 20 项 rows of 公开03表 whose 基本支出 is off by 50 (errors,
 * some on cells that also carry a 尾差) and a 绩效 score that does not follow the rule (a warning).
 */
function workloadWithMistakes(size: SizeId): WorkbookSnapshot {
  const snap = workloadSnapshot(syntheticWorkload(size, 'tables', 2024));
  const t03 = snap.sheets.find((s) => s.name.startsWith('公开03表'))!;
  const step = Math.max(1, Math.floor(t03.values.length / 25));
  // The 基本支出 column found by its header, not by position (the layout puts 类/款/项 before it).
  const basic = t03.values
    .slice(0, 8)
    .map((row) => row.indexOf('基本支出'))
    .find((c) => c >= 0)!;
  expect(basic).toBeGreaterThan(0);
  let changed = 0;
  for (let r = 5; r < t03.values.length && changed < 20; r += step) {
    const row = t03.values[r];
    if (typeof row[basic] === 'number' && /^\d{7}$/.test(String(row[0]))) {
      row[basic] += 50;
      changed++;
    }
  }
  expect(changed).toBeGreaterThan(5);
  const perf = snap.sheets.find((s) => s.name.startsWith('绩效自评'))!;
  perf.values[5][7] = 7;
  return snap;
}

/** The workbook in the fake, with the user's own conditional format and notes (one on a 尾差-only cell). */
function onFake(snap: WorkbookSnapshot, version: string, userNotes: { sheet: string; row: number; col: number }[]): FakeExcel {
  const fx = new FakeExcel(version);
  for (const s of snap.sheets) fx.addSheet(s.name, s.values, { row: s.originRow, col: s.originCol }).merges.push(...s.merges);
  const t03 = fx.sheetByName(snap.sheets.find((s) => s.name.startsWith('公开03表'))!.name)!;
  t03.conditionalFormats.push({
    id: 'user-1',
    type: 'Custom',
    ranges: [{ top: 5, bottom: 400, left: 2, right: 7 }],
    formula: '=$C6>1000',
    fill: '#F8CBAD',
  });
  const list = version === '1.18' ? fx.state.notes : fx.state.comments;
  userNotes.forEach((c, i) => list.push({ id: `user-${i}`, sheetId: fx.sheetByName(c.sheet)!.id, row: c.row, col: c.col, content: USER_NOTE }));
  return fx;
}

/** Each marked cell once, with its worst severity and messages (computed here, not by the adapter). */
function cellsOf(marks: Mark[]): Map<string, { sheet: string; row: number; col: number; severity: Severity; messages: string[] }> {
  const out = new Map<string, { sheet: string; row: number; col: number; severity: Severity; messages: string[] }>();
  for (const m of marks) {
    const k = `${m.cell.sheet}!${m.cell.row}:${m.cell.col}`;
    const cur = out.get(k) ?? { ...m.cell, severity: m.severity, messages: [] };
    if (RANK[m.severity] < RANK[cur.severity]) cur.severity = m.severity;
    if (!cur.messages.includes(m.message)) cur.messages.push(m.message);
    out.set(k, cur);
  }
  return out;
}

interface Run {
  fx: FakeExcel;
  marks: Mark[];
  cells: ReturnType<typeof cellsOf>;
  omitted: number;
  checkMarkSyncs: number;
  markRequestBytes: number[];
  before: { formats: string; values: string; settings: string };
}

/** Check + mark as the pane does it: read, check, marks from the findings, applyMarks. */
async function checkAndMark(
  snap: WorkbookSnapshot,
  version: string,
  pickUserNote: (cells: ReturnType<typeof cellsOf>) => { sheet: string; row: number; col: number }[],
): Promise<Run> {
  const marks = marksOf(checkWorkbook(snap).findings);
  const cells = cellsOf(marks);
  const fx = onFake(snap, version, pickUserNote(cells));
  const before = { formats: fx.formatsSnapshot(), values: fx.valuesSnapshot(), settings: JSON.stringify(fx.state.settings) };
  fx.resetStats();
  const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
  const read = await port.readSnapshot();
  const result = await port.applyMarks(marksOf(checkWorkbook(read).findings));
  return {
    fx,
    marks,
    cells,
    omitted: result.tailNotesOmitted,
    checkMarkSyncs: fx.stats.syncs,
    markRequestBytes: fx.stats.requestBytes.slice(2),
    before,
  };
}

const ourAnnotations = (fx: FakeExcel, version: string): FakeAnnotation[] =>
  (version === '1.18' ? fx.state.notes : fx.state.comments).filter((n) => n.content.startsWith('【决算公开助手】'));

/** Which of our rules cover each cell, by fill colour. */
function coverage(fx: FakeExcel): Map<string, string[]> {
  const cover = new Map<string, string[]>();
  for (const s of fx.state.sheets)
    for (const rule of s.conditionalFormats.filter((c) => c.formula?.includes('FINAL-ACCOUNTS-MARK')))
      for (const g of rule.ranges)
        for (let r = g.top; r <= g.bottom; r++)
          for (let c = g.left; c <= g.right; c++) {
            const k = `${s.name}!${r}:${c}`;
            cover.set(k, [...(cover.get(k) ?? []), rule.fill!]);
          }
  return cover;
}

async function clearsExactly(run: Run, version: string): Promise<void> {
  const { fx } = run;
  fx.reopen();
  fx.resetStats();
  const removed = await new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }).clearMarks();
  expect(removed).toEqual({ cleared: run.cells.size, invalidRecords: 0 });
  // Only our marks were written, so the clear is as small as the write: 2 reads + 1 removal.
  expect(fx.stats.syncs).toBe(3);
  expect(fx.formatsSnapshot()).toBe(run.before.formats);
  expect(fx.valuesSnapshot()).toBe(run.before.values);
  expect(JSON.stringify(fx.state.settings)).toBe(run.before.settings);
  expect((version === '1.18' ? fx.state.notes : fx.state.comments).map((n) => n.content)).toEqual([USER_NOTE]);
  expect(fx.sheetByName('公开03表 支出决算表')!.conditionalFormats.map((c) => c.formula)).toEqual(['=$C6>1000']);
}

describe('many 尾差: notes of 尾差-only cells left out to keep check + mark at 3 syncs', () => {
  let consolidated: WorkbookSnapshot;
  let small: WorkbookSnapshot;
  beforeAll(() => {
    consolidated = workloadWithMistakes('consolidated');
    small = workloadWithMistakes('small');
  });

  for (const version of ['1.18', '1.13']) {
    test(`ExcelApi ${version}: consolidated workbook — 3 syncs like a small one, every cell coloured, notes only on errors/warnings, clear exact`, async () => {
      // The user's own note sits on a 尾差-only cell: it stays, gets none of ours, and is not counted as left out.
      const pickTailCell = (cells: ReturnType<typeof cellsOf>) => [[...cells.values()].find((c) => c.severity === 'tail')!];
      const run = await checkAndMark(consolidated, version, pickTailCell);
      const { fx, cells } = run;
      const all = [...cells.values()];
      const tailOnly = all.filter((c) => c.severity === 'tail');
      const noted = all.filter((c) => c.severity !== 'tail');
      expect(noted.filter((c) => c.severity === 'error').length).toBeGreaterThan(0);
      expect(noted.filter((c) => c.severity === 'warning').length).toBeGreaterThan(0);
      expect(tailOnly.length).toBeGreaterThan(20_000);
      // Some error cells also carry a 尾差: they keep their note, with both messages.
      const mixed = noted.filter((c) =>
        run.marks.some((m) => m.severity === 'tail' && `${m.cell.sheet}!${m.cell.row}:${m.cell.col}` === `${c.sheet}!${c.row}:${c.col}`),
      );
      expect(mixed.length).toBeGreaterThan(0);

      // The premise: with every note the write would not fit one request; without the 尾差-only notes it does.
      const features = detectFeatures(fx.isSupported);
      const inspection = {
        sheets: consolidated.sheets.map((s) => s.name),
        ownRules: [],
        ownAnnotations: [],
        userAnnotatedCells: new Set<string>(),
        record: null,
        invalidRecords: 0,
      };
      const bytes = (budget: number) =>
        planMarkWrite({} as WorkbookSurface, features, inspection, groupMarksByCell(run.marks), 'r', { budget })
          .requests.flat()
          .reduce((n, op) => n + op.bytes, 0);
      expect(bytes(Infinity)).toBeGreaterThan(REQUEST_BUDGET);
      expect(bytes(REQUEST_BUDGET)).toBeLessThanOrEqual(REQUEST_BUDGET);

      // check + mark: 2 syncs to read, 1 to mark, as for the small workbook below.
      const smallRun = await checkAndMark(small, version, () => []);
      expect(smallRun.checkMarkSyncs).toBe(3);
      expect(run.checkMarkSyncs).toBe(3);
      expect(run.markRequestBytes).toHaveLength(1);
      expect(run.markRequestBytes[0]).toBeLessThanOrEqual(REQUEST_BUDGET);

      // Every marked cell is coloured by exactly one of our rules, in its worst severity's colour; nothing else is.
      const cover = coverage(fx);
      expect(cover.size).toBe(cells.size);
      const wrong = all.filter(
        (c) => JSON.stringify(cover.get(`${c.sheet}!${c.row}:${c.col}`)) !== JSON.stringify([argbToHex(MARK_FILL[c.severity])]),
      );
      expect(wrong).toEqual([]);

      // Notes/comments of ours: exactly the error/warning cells, each with all its messages; the user's note kept.
      const ours = ourAnnotations(fx, version);
      const sheetName = new Map(fx.state.sheets.map((s) => [s.id, s.name]));
      const byCell = new Map(ours.map((n) => [`${sheetName.get(n.sheetId)}!${n.row}:${n.col}`, n.content]));
      expect(ours.length).toBe(byCell.size);
      expect([...byCell.keys()].sort()).toEqual(noted.map((c) => `${c.sheet}!${c.row}:${c.col}`).sort());
      for (const c of noted) expect(byCell.get(`${c.sheet}!${c.row}:${c.col}`)).toBe(`【决算公开助手】${c.messages.join('\n')}`);
      expect((version === '1.18' ? fx.state.notes : fx.state.comments).filter((n) => n.content === USER_NOTE)).toHaveLength(1);

      // Left out: the 尾差-only cells, except the one with the user's own note (it would get none anyway).
      expect(run.omitted).toBe(tailOnly.length - 1);

      // The record counts every marked cell and lists only the notes actually written.
      const record = JSON.parse(JSON.parse(fx.state.settings[MARK_RECORD_KEY]));
      expect(record.cells).toBe(cells.size);
      expect(record.detailed).toBe(true);
      const recorded = record.annotations.flatMap((a: { sheet: string; notes: string }) => annotationAddresses(a).map((x) => `${a.sheet}!${x}`));
      expect(recorded.sort()).toEqual(ours.map((n) => `${sheetName.get(n.sheetId)}!${a1(n.row, n.col)}`).sort());

      await clearsExactly(run, version);
      // The small workbook: nothing left out, every marked cell has its note.
      expect(smallRun.omitted).toBe(0);
      expect(ourAnnotations(smallRun.fx, version)).toHaveLength(smallRun.cells.size);
    }, 60_000);
  }

  test('ExcelApi 1.9 (no notes or comments from add-ins): nothing to leave out, the count is 0', async () => {
    const run = await checkAndMark(consolidated, '1.9', () => []);
    expect(run.omitted).toBe(0);
    expect(run.checkMarkSyncs).toBe(3);
    expect(coverage(run.fx).size).toBe(run.cells.size);
  }, 60_000);
});

describe('planMarkWrite: when the 尾差 notes are left out', () => {
  const features = detectFeatures(new FakeExcel('1.18').isSupported);
  const long = '与总表对应数不一致，请逐项核对。'.repeat(20);
  const cells: CellMark[] = [
    ...[1, 2, 3].map((row) => ({ sheet: 'S', row, col: 2, severity: 'error' as const, messages: [`错误：第${row + 1}行${long}`] })),
    { sheet: 'S', row: 4, col: 2, severity: 'warning', messages: [`提示：${long}`, `尾差：${long}`] },
    ...Array.from({ length: 10 }, (_, i) => ({
      sheet: 'S',
      row: 10 + i,
      col: 3,
      severity: 'tail' as const,
      messages: [`尾差：第${i + 11}行${long}`],
    })),
  ];
  const inspection = (ownAnnotations: string[] = []) => ({
    sheets: ['S'],
    ownRules: [],
    ownAnnotations,
    userAnnotatedCells: new Set<string>(),
    record: null,
    invalidRecords: 0,
  });
  const plan = (budget: number, ownAnnotations?: string[]) =>
    planMarkWrite({} as WorkbookSurface, features, inspection(ownAnnotations), cells, 'r', { budget });
  const size = (p: { requests: { bytes: number }[][] }) => p.requests.flat().reduce((n, op) => n + op.bytes, 0);
  const noted = (p: ReturnType<typeof plan>) => p.record.annotations.flatMap(annotationAddresses);

  test('everything fits: every cell gets its note', () => {
    const full = plan(Infinity);
    expect(full.tailNotesOmitted).toBe(0);
    expect(noted(full)).toHaveLength(14);
    expect(plan(size(full)).tailNotesOmitted).toBe(0);
  });

  test('one byte over: the notes of the 10 尾差-only cells are left out, error/warning notes (also with a 尾差) kept, the record lists only those written', () => {
    const p = plan(size(plan(Infinity)) - 1);
    expect(p.tailNotesOmitted).toBe(10);
    expect(noted(p)).toEqual(['C2', 'C3', 'C4', 'C5']);
    expect(p.record.cells).toBe(14);
    expect(size(p)).toBeLessThan(size(plan(Infinity)) - 1);
    // The rules still cover every cell.
    expect(p.record.rules.flatMap((r) => r.ranges)).toEqual(expect.arrayContaining(['C2:C4', 'C5', 'D11:D20']));
  });

  test('the removal of many earlier notes needs several requests anyway: the 尾差 notes are kept when leaving them out saves none', () => {
    const earlier = Array.from({ length: 2_000 }, (_, i) => `'S'!E${i + 1}`);
    const full = plan(Infinity, earlier);
    const budget = Math.ceil(size(full) / 2.5);
    const p = plan(budget, earlier);
    expect(p.requests.length).toBe(3);
    expect(p.tailNotesOmitted).toBe(0);
    expect(noted(p)).toHaveLength(14);
  });

  test('many errors: still several requests without the 尾差 notes, and they are left out when that saves one', () => {
    const full = plan(Infinity);
    const budget = Math.floor(size(plan(size(full) - 1)) * 0.6);
    const p = plan(budget);
    expect(p.requests.length).toBeGreaterThan(1);
    expect(p.requests.length).toBeLessThan(packRequests(full.requests.flat(), budget).length);
    expect(p.tailNotesOmitted).toBe(10);
  });
});
