// Notes under a table: every line from the first 注/说明 down, blank rows skipped; the table's range ends
// at its last note, whatever blank rows follow. One table of each reader kind.
import { parseA1 } from '../../src/core/cells';
import type { TableId } from '../../src/core/model';
import { lastRow } from '../../src/port/snapshot';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, setCell, snapshotOf } from '../helpers/example';

describe('notes under a table', () => {
  // 01 ledger, 02 coded, 06 economic, 07 三公.
  it.each<[TableId]>([['01'], ['02'], ['06'], ['07']])('%s表: a later 说明 line is a note and ends the range', async (id) => {
    const snap = await snapshotOf(FUZHOU_XLSX);
    const before = readAccounts(snap, { profile: 'fuzhou-2024' }).accounts.tables[id]!;
    const sheet = snap.sheets.find((s) => s.name === before.sheet)!;
    const noteRow = lastRow(sheet) + 2;
    setCell(sheet, noteRow, sheet.originCol, '说明：补充一行。');
    setCell(sheet, noteRow + 4, sheet.originCol, null);
    expect(lastRow(sheet)).toBe(noteRow + 4);

    const read = readAccounts(snap, { profile: 'fuzhou-2024' });
    const after = read.accounts.tables[id]!;
    expect(before.notes.length).toBeGreaterThan(0);
    expect(after.notes).toEqual([...before.notes, '说明：补充一行。']);
    expect(parseA1(after.range.split(':')[1]).row).toBe(noteRow);
    expect(after.rows).toEqual(before.rows);
    expect(read.findings.filter((f) => f.table === id)).toEqual([]);
  });
});
