// The Office adapter's mark record (#14 point 5), on the strict fake: nothing is ours unless the record says so.
// A user's rule or note that merely contains our tag survives marking and clearing; a forged record makes
// clearing remove nothing it names that is not ours, and its bad entries are reported; the syncs stay the same.
import { ANNOTATION_PREFIX, MARK_RECORD_KEY, markFormula, noteTokenHash } from '../../src/adapters/office/mark-record';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import type { Mark } from '../../src/port/port';
import { FakeExcel } from './fake-excel';

const SHEET = '收入支出决算总表';

function portOn(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
}

/** A workbook whose user rules and notes carry our tag text, as a copy-paste or a curious user could make. */
function taggedWorkbook(apiVersion = '1.18'): FakeExcel {
  const fx = new FakeExcel(apiVersion);
  const data: unknown[][] = [['项目', '金额', '备注', '说明']];
  for (let i = 1; i < 10; i++) data.push([`科目${i}`, i * 100, null, null]);
  const s = fx.addSheet(SHEET, data);
  s.conditionalFormats.push(
    // Our tag inside a user's own formula.
    {
      id: 'user-tagged',
      type: 'Custom',
      ranges: [{ top: 1, bottom: 9, left: 1, right: 1 }],
      formula: '=AND(N("FINAL-ACCOUNTS-MARK:mine")=0,$B2>500)',
      fill: '#FFC7CE',
    },
    // A rule exactly like one of ours, of a run no record names (copied from another workbook).
    { id: 'user-copied', type: 'Custom', ranges: [{ top: 2, bottom: 2, left: 3, right: 3 }], formula: markFormula('otherrun'), fill: '#FFC7CE' },
  );
  if (fx.isSupported('1.18')) {
    // A user's note that starts with our prefix, on a cell that will be marked, and one on a cell that will not.
    fx.state.notes.push(
      { id: 'n-user-marked', sheetId: s.id, row: 3, col: 1, content: `${ANNOTATION_PREFIX}我自己记的` },
      { id: 'n-user-other', sheetId: s.id, row: 6, col: 3, content: `${ANNOTATION_PREFIX}复制来的` },
      { id: 'n-plain', sheetId: s.id, row: 4, col: 3, content: '用户自己的批注' },
    );
  }
  return fx;
}

const marksOn = (cells: [number, number][]): Mark[] =>
  cells.map(([row, col]) => ({ cell: { sheet: SHEET, row, col }, severity: 'error', message: `第${row + 1}行有误` }));

describe("a user's rule or note containing our tag", () => {
  for (const version of ['1.7', '1.18']) {
    test(`ExcelApi ${version}: survives marking and clearing, in the usual syncs`, async () => {
      const fx = taggedWorkbook(version);
      const before = fx.formatsSnapshot();
      const port = portOn(fx);
      await port.readSnapshot();
      expect(fx.stats.syncs).toBe(2);
      expect(
        await port.applyMarks(
          marksOn([
            [3, 1],
            [5, 1],
          ]),
        ),
      ).toEqual({ tailNotesOmitted: 0, invalidRecords: 0 });
      expect(fx.stats.syncs).toBe(3);
      const sheet = fx.sheetByName(SHEET)!;
      expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(expect.arrayContaining(['user-tagged', 'user-copied']));
      if (version === '1.18') {
        // B4 carries the user's own note (with our prefix): it is not ours, so it is not written over.
        expect(fx.state.notes.find((n) => n.row === 3 && n.col === 1)?.content).toBe(`${ANNOTATION_PREFIX}我自己记的`);
        expect(fx.state.notes.find((n) => n.row === 5 && n.col === 1)?.content).toBe(`${ANNOTATION_PREFIX}第6行有误`);
      }

      fx.reopen();
      fx.resetStats();
      expect(await portOn(fx).clearMarks()).toEqual({ cleared: 2, invalidRecords: 0 });
      expect(fx.stats.syncs).toBe(3);
      expect(fx.formatsSnapshot()).toBe(before);
      expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
    });
  }
});

describe('a forged record', () => {
  const forge = (fx: FakeExcel, record: unknown) =>
    (fx.state.settings[MARK_RECORD_KEY] = JSON.stringify(typeof record === 'string' ? record : JSON.stringify(record)));

  test('clearing removes nothing it names that is not ours, and reports every bad entry', async () => {
    const fx = taggedWorkbook('1.18');
    const before = fx.formatsSnapshot();
    forge(fx, {
      version: 2,
      run: 'otherrun',
      createdAt: '2025-01-01T00:00:00.000Z',
      cells: 5,
      detailed: true,
      rules: [
        { sheet: '不存在的表', severity: 'error', ranges: ['A1'] },
        { sheet: SHEET, severity: 'critical', ranges: ['A1'] },
        { sheet: SHEET, severity: 'error', ranges: ['XFE1'] },
        { sheet: SHEET, severity: 'error', ranges: ['B2:B0'] },
      ],
      annotations: [
        // D5 holds the user's plain note (its hash given, but it lacks our prefix): not ours.
        {
          sheet: SHEET,
          kind: 'notes',
          notes: `D5:${noteTokenHash('用户自己的批注')} A0:AAAA A1048577:AAAA =1+1:AAAA`,
        },
        { sheet: '不存在的表', kind: 'notes', notes: 'A1:AAAA A2:AAAA' },
      ],
    });
    const result = await portOn(fx).clearMarks();
    // 4 rule entries, 3 bad addresses, 2 addresses on a missing sheet.
    expect(result.invalidRecords).toBe(9);
    // The rule with exactly the forged run's formula is the only thing the forged record can name: it has no
    // other effect (a workbook crafted that way only removes its own copy). Notes and other rules stay.
    const sheet = fx.sheetByName(SHEET)!;
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(['user-tagged']);
    const beforeState = JSON.parse(before);
    expect(JSON.parse(fx.formatsSnapshot()).notes).toEqual(beforeState.notes);
    expect(JSON.parse(fx.formatsSnapshot()).sheets[0].cells).toEqual(beforeState.sheets[0].cells);
  });

  test('a record naming the user notes (with or without text hashes) removes none; an unreadable record removes nothing', async () => {
    const record = (notes: { notes: string }) => ({
      version: 2,
      run: 'nosuchrun',
      createdAt: '2025-01-01T00:00:00.000Z',
      cells: 3,
      detailed: true,
      rules: [],
      // B4 and D7 hold user notes that start with our prefix, D5 a plain user note.
      annotations: [{ sheet: SHEET, kind: 'notes', ...notes }],
    });
    const fx = taggedWorkbook('1.18');
    const before = fx.formatsSnapshot();
    forge(fx, record({ notes: `B4:${noteTokenHash(`${ANNOTATION_PREFIX}第4行有误`)} D7:${noteTokenHash('x')} D5:${noteTokenHash('y')}` }));
    expect(await portOn(fx).clearMarks()).toEqual({ cleared: 0, invalidRecords: 0 });
    expect(fx.formatsSnapshot()).toBe(before);

    // Without hashes (as a version 1 record has none) nothing proves a note is ours: each address is reported.
    forge(fx, record({ notes: 'B4 D7 D5' }));
    expect(await portOn(fx).clearMarks()).toEqual({ cleared: 0, invalidRecords: 3 });
    expect(fx.formatsSnapshot()).toBe(before);

    forge(fx, '{not json');
    expect(await portOn(fx).clearMarks()).toEqual({ cleared: 0, invalidRecords: 1 });
    expect(fx.formatsSnapshot()).toBe(before);
  });

  test('marking over a forged record reports it, and the marks it writes are cleared exactly', async () => {
    const fx = taggedWorkbook('1.18');
    const before = fx.formatsSnapshot();
    forge(fx, {
      version: 2,
      run: 'x',
      createdAt: '',
      cells: 1,
      detailed: true,
      rules: [{ sheet: '没有', severity: 'error', ranges: ['A1'] }],
      annotations: [],
    });
    const port = portOn(fx);
    await port.readSnapshot();
    expect((await port.applyMarks(marksOn([[5, 1]]))).invalidRecords).toBe(1);
    expect(await port.clearMarks()).toEqual({ cleared: 1, invalidRecords: 0 });
    expect(fx.formatsSnapshot()).toBe(before);
  });
});
