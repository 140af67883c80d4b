// Issue #16, core: stable finding ids (rule, table, row/column keys, not addresses), the fingerprint that
// reopens an explanation when a figure changes, record validation, readiness.
import { checkWorkbook } from '../../src/app/check';
import type { Finding } from '../../src/core/findings';
import { readRecords, sealRecord, type ReviewRecord } from '../../src/core/review/record';
import { readiness, reviewFindings, setStatus } from '../../src/core/review/status';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { FUZHOU_XLSX, setCell, snapshotOf } from '../helpers/example';

const who = { now: '2026-12-05T08:00:00.000Z', user: '张三' };
const SHEET_06 = '公开06表 一般公共预算财政拨款基本支出决算表';

/** The sheet's used range moved `down` rows and `right` columns: every address on it changes. */
function moved(s: WorkbookSnapshot, sheet: string, down: number, right: number): WorkbookSnapshot {
  return {
    sheets: s.sheets.map((sh) =>
      sh.name !== sheet
        ? sh
        : {
            ...sh,
            originRow: sh.originRow + down,
            originCol: sh.originCol + right,
            merges: sh.merges.map((m) => ({ top: m.top + down, bottom: m.bottom + down, left: m.left + right, right: m.right + right })),
          },
    ),
  };
}

const x13 = (fs: Finding[]) => fs.filter((f) => f.rule === 'X13');

describe('finding ids', () => {
  let snap: WorkbookSnapshot;
  let before: Finding[];
  beforeAll(async () => {
    snap = await snapshotOf(FUZHOU_XLSX);
    before = checkWorkbook(snap).findings;
  });

  test('every finding of the Fuzhou example has an id, all distinct', () => {
    expect(before.length).toBeGreaterThan(50);
    expect(new Set(before.map((f) => f.id)).size).toBe(before.length);
    for (const f of before) expect(f.id).toMatch(new RegExp(`^${f.rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9a-f]{8}$`));
  });

  test('moving table 06 changes its addresses but not the ids or fingerprints of its findings', () => {
    const after = checkWorkbook(moved(snap, SHEET_06, 4, 2)).findings;
    expect(x13(after).length).toBe(3);
    expect(x13(after).map((f) => f.cells[0].row)).toEqual(x13(before).map((f) => f.cells[0].row + 4));
    expect(x13(after).map((f) => [f.id, f.fingerprint])).toEqual(x13(before).map((f) => [f.id, f.fingerprint]));
    expect(after.map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort());
  });

  test('changing a figure keeps the id and changes the fingerprint', () => {
    const edited = snapshotOfEdit(snap, x13(before)[0]);
    const after = x13(checkWorkbook(edited).findings);
    const same = after.find((f) => f.id === x13(before)[0].id)!;
    expect(same).toBeDefined();
    expect(same.fingerprint).not.toBe(x13(before)[0].fingerprint);
    expect(after[1].fingerprint).toBe(x13(before)[1].fingerprint);
  });
});

/** The first cell of the finding set to 1.00 more than it held. */
function snapshotOfEdit(s: WorkbookSnapshot, f: Finding): WorkbookSnapshot {
  const copy = { sheets: s.sheets.map((sh) => ({ ...sh, values: sh.values.map((r) => [...r]) })) };
  const sheet = copy.sheets.find((sh) => sh.name === f.cells[0].sheet)!;
  const v = sheet.values[f.cells[0].row - sheet.originRow][f.cells[0].col - sheet.originCol];
  setCell(sheet, f.cells[0].row, f.cells[0].col, Number(v) + 1);
  return copy;
}

describe('review records', () => {
  const record = (over: Partial<ReviewRecord> = {}): ReviewRecord => ({
    id: 'X13-0a1b2c3d',
    status: 'explained',
    reason: '部分缴费在其他功能科目列支',
    time: who.now,
    user: '张三',
    fingerprint: '12345678',
    rule: 'X13',
    table: '06',
    message: '…',
    ...over,
  });
  const stored = (r: ReviewRecord, store = 'abcdefgh12') => ({ value: JSON.stringify(sealRecord(r, store)) });

  test('a sealed record is read; forged ones are ignored and each reported with its row', () => {
    const forged = JSON.parse(stored(record({ id: 'X13-99999999' })).value);
    forged.status = 'dismissed'; // changed by hand after sealing
    const entries = [
      { row: 2, ...stored(record()) },
      { row: 3, value: JSON.stringify(forged) },
      { row: 4, ...stored(record({ id: 'T1-a-00000000' }), 'otherstore1') }, // copied from another workbook
      { row: 5, ...stored(record({ id: 'T2-a-00000000', reason: '   ' })) }, // 已说明 without a reason
      { row: 6, value: '=HYPERLINK("http://x")' },
      { row: 7, ...stored(record()) }, // the same id again
      { row: 8, ...stored(record({ id: 'T3-a-00000000', status: 'approved' as never })) },
    ];
    const read = readRecords(entries, 'abcdefgh12');
    expect(read.records.map((r) => r.id)).toEqual(['X13-0a1b2c3d']);
    expect(read.invalid.map((i) => i.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(read.invalid[0].problem).toMatch(/校验不符/);
    expect(read.invalid[2].problem).toMatch(/没有原因/);
  });

  test('readiness: 可以公开 only when no error is 待处理 and every 提示 is explained or dismissed; a changed figure reopens', () => {
    const f = (id: string, severity: Finding['severity'], fingerprint: string): Finding => ({
      id,
      fingerprint,
      rule: id.split('-')[0],
      severity,
      table: '01',
      message: id,
      cells: [],
    });
    const findings = [f('T1-a-00000001', 'error', 'aaaaaaaa'), f('X4-00000002', 'warning', 'bbbbbbbb'), f('T1-b-00000003', 'tail', 'cccccccc')];
    let state = reviewFindings(findings, [], who);
    expect(readiness(state)).toMatchObject({ ready: false, openErrors: 1, openWarnings: 1 });
    expect(readiness(state).text).toBe('尚不能公开：1 个错误待处理，1 个提示尚未说明或标为误报。');
    state = setStatus(state, 'X4-00000002', 'explained', '上级补助口径不同', who);
    state = setStatus(state, 'T1-a-00000001', 'dismissed', '报表软件导出的合计行', who);
    expect(readiness(state).ready).toBe(true);
    expect(readiness(state).text).toMatch(/^可以公开/);
    expect(() => setStatus(state, 'X4-00000002', 'explained', ' ', who)).toThrow(/必须写明原因/);
    expect(() => setStatus(state, 'nope-00000000', 'explained', 'x', who)).toThrow(/没有编号/);
    // Re-check: the 提示's figure changed, the error is gone.
    const again = reviewFindings([f('X4-00000002', 'warning', 'dddddddd')], state.records, { ...who, now: '2026-12-06T00:00:00.000Z' });
    expect(again.findings[0]).toMatchObject({ status: 'open', changed: true });
    expect(again.fixed.map((r) => [r.id, r.status, r.time])).toEqual([['T1-a-00000001', 'fixed', '2026-12-06T00:00:00.000Z']]);
    expect(readiness(again).ready).toBe(false);
  });
});
