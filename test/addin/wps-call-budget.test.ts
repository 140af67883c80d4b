// The WPS object model is synchronous and every member access crosses into WPS, so the adapter's cost is its
// number of calls (FakeWps counts them). check + mark is bounded by the sheets, the merged areas and the mark
// groups (address lists of a sheet and severity, and the comments), never by the cells: shown on synthetic
// units of 10, 1,000 and 10,000 项 rows (the nine tables and 3 绩效 tables), with the figures docs/benchmarks.md
// quotes (printed with WPS_CALLS=1).
import { addressLists, cellsToRects, rectAddress } from '../../src/adapters/office/addresses';
import { ADDRESS_LIMIT, TAIL_COMMENT_LIMIT } from '../../src/adapters/wps/marks';
import { WpsWorkbookPort } from '../../src/adapters/wps/wps-port';
import { checkWorkbook } from '../../src/app/check';
import { generate } from '../../src/app/generate';
import { DEFAULT_PROFILE_ID, profileById } from '../../src/core/profiles';
import { groupMarksByCell, marksOf, type Mark } from '../../src/port/port';
import { syntheticWorkload, workloadSnapshot, type WorkloadSize } from '../../src/synthetic';
import { FakeWps } from './fake-wps';

// Building and checking the 10,000-row unit takes a few seconds on an idle machine; a busy 2-core one is slower.
jest.setTimeout(240_000);

const ROWS = [10, 1_000, 10_000];

function sizeOf(items: number): WorkloadSize {
  return { id: `rows-${items}`, label: `${items} 行`, items, projects: 3, dept: false, indicators: 6 };
}

/** Address lists the adapter writes one rule for: per sheet and severity, rectangles joined up to ADDRESS_LIMIT. */
function markGroups(marks: Mark[]): number {
  const bySheetSeverity = new Map<string, { row: number; col: number }[]>();
  for (const c of groupMarksByCell(marks)) {
    const k = `${c.sheet}\u0000${c.severity}`;
    const list = bySheetSeverity.get(k);
    if (list) list.push(c);
    else bySheetSeverity.set(k, [c]);
  }
  return [...bySheetSeverity.values()].reduce((n, cells) => n + addressLists(cellsToRects(cells).map(rectAddress), ADDRESS_LIMIT).length, 0);
}

interface Measure {
  rows: number;
  sheets: number;
  usedCells: number;
  merges: number;
  markedCells: number;
  groups: number;
  comments: number;
  read: number;
  mark: number;
  clear: number;
  fixedMark: number;
  generate: number;
  generatedCells: number;
}

const results: Measure[] = [];

describe.each(ROWS)('%i 项 rows', (rows) => {
  test('check + mark calls are bounded by sheets, merges and mark groups; a fixed set of marks costs the same at any size', async () => {
    const workload = syntheticWorkload(sizeOf(rows), 'tables', 2024);
    const snapshot = workloadSnapshot(workload);
    const fw = new FakeWps();
    fw.loadSnapshot(snapshot);
    const port = new WpsWorkbookPort(fw.application);
    const sheets = snapshot.sheets.length;
    const merges = snapshot.sheets.reduce((n, s) => n + s.merges.length, 0);
    const usedCells = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, l) => m + l.length, 0), 0);

    fw.resetCalls();
    const read = await port.readSnapshot();
    const readCalls = fw.calls;
    expect(read.sheets.map((s) => s.merges.length)).toEqual(snapshot.sheets.map((s) => s.merges.length));
    // Per sheet: Item, Name, UsedRange, Row, Column, Value2, MergeCells; per merged area a halving path to it.
    const longest = Math.max(...snapshot.sheets.map((s) => s.values.length));
    expect(fw.byMember.get('Range.Value2')).toBe(sheets);
    expect(readCalls).toBeLessThanOrEqual(3 + 7 * sheets + merges * (8 + 4 * (Math.ceil(Math.log2(longest)) + 8)));

    const marks = marksOf(checkWorkbook(read, {}).findings);
    const cells = groupMarksByCell(marks);
    const groups = markGroups(marks);
    fw.resetCalls();
    await port.applyMarks(marks);
    const markCalls = fw.calls;
    const comments = fw.sheets.reduce((n, s) => n + s.comments.size, 0);
    const recordParts = fw.properties.length;
    expect(comments).toBe(
      Math.min(cells.filter((c) => c.severity === 'tail').length, TAIL_COMMENT_LIMIT) + cells.filter((c) => c.severity !== 'tail').length,
    );
    // Inspection 6 + 2 per sheet (no earlier record, so no rule list is read); 5 per rule written; 3 per
    // comment; the record's parts.
    expect(markCalls).toBe(6 + 2 * sheets + 5 * groups + 3 * comments + 1 + recordParts);
    if (marks.length) expect(groups).toBeLessThan(cells.length);

    fw.resetCalls();
    const cleared = await port.clearMarks();
    const clearCalls = fw.calls;
    expect(cleared.cleared).toBe(cells.length);

    // The same 12 marks (one column of one table, three severities) cost the same whatever the size.
    const fixed: Mark[] = [0, 1, 2, 3, 4, 5, 8, 9, 10, 20, 21, 22].map((r, i) => ({
      cell: { sheet: snapshot.sheets[0].name, row: 6 + r, col: 1 },
      severity: i < 6 ? 'error' : i < 9 ? 'warning' : 'tail',
      message: `错误（T0）：第 ${r} 行`,
    }));
    fw.resetCalls();
    await port.applyMarks(fixed);
    const fixedMark = fw.calls;
    await port.clearMarks();

    const layouts = generate(read, profileById(DEFAULT_PROFILE_ID)!).sheets;
    fw.resetCalls();
    await port.addSheets(layouts);
    const generateCalls = fw.calls;
    const generatedCells = layouts.reduce((n, l) => n + l.cells.length, 0);

    results.push({
      rows,
      sheets,
      usedCells,
      merges,
      markedCells: cells.length,
      groups,
      comments,
      read: readCalls,
      mark: markCalls,
      clear: clearCalls,
      fixedMark,
      generate: generateCalls,
      generatedCells,
    });
  });
});

afterAll(() => {
  if (results.length !== ROWS.length) return;
  const [small, , large] = results;
  // Read: constant per sheet plus the merges' halving paths, not the cells (1,000 × as many rows).
  expect(large.read).toBeLessThan(small.read * 1.5);
  // A fixed set of marks: identical calls at 10 and 10,000 rows.
  expect(large.fixedMark).toBe(small.fixedMark);
  // Generation: values in blocks, formats per address list; far fewer calls than cells written.
  expect(large.generate).toBeLessThan(large.generatedCells / 10);
  if (process.env.WPS_CALLS) console.log(JSON.stringify(results, null, 1));
});
