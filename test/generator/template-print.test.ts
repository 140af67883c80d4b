// The working-sheet template prints without overflow (#15): every text fits its cell (or its merged area) in
// width, and wrapped text has the rows it needs in height, on every sheet, empty or with a long unit name.
import { templateSheets } from '../../src/generator/workings/template';
import type { SheetLayout } from '../../src/port/layout';
import { textWidth } from '../../src/kinds/layout/styles';

/** Excel's default row height (points) for a row the layout leaves unset. */
const DEFAULT_ROW = 15;
/** Points one printed line of 10 pt text needs (at least). */
const LINE = 13;

interface Overflow {
  sheet: string;
  at: string;
  text: string;
  why: string;
}

function overflows(sheet: SheetLayout): Overflow[] {
  const out: Overflow[] = [];
  const inMerge = (r: number, c: number) => sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  for (const cell of sheet.cells) {
    if (typeof cell.value !== 'string' || cell.value === '') continue;
    const m = inMerge(cell.row, cell.col) ?? { top: cell.row, bottom: cell.row, left: cell.col, right: cell.col };
    if (m.top !== cell.row || m.left !== cell.col) continue;
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += sheet.columnWidths[c] ?? 8.43;
    let height = 0;
    for (let r = m.top; r <= m.bottom; r++) height += sheet.rowHeights?.[r] ?? DEFAULT_ROW;
    const scale = (cell.style?.fontSize ?? 10) / 10;
    const at = `${String.fromCharCode(65 + cell.col)}${cell.row + 1}`;
    const lines = cell.value.split('\n');
    if (!cell.style?.wrap) {
      const widest = Math.max(...lines.map((l) => textWidth(l) * scale));
      if (lines.length > 1 || widest > width) out.push({ sheet: sheet.name, at, text: cell.value, why: `width ${widest} > ${width}` });
      continue;
    }
    const printed = lines.reduce((n, l) => n + Math.max(1, Math.ceil((textWidth(l) * scale) / Math.max(1, width - 1))), 0);
    if (printed * LINE * scale > height) out.push({ sheet: sheet.name, at, text: cell.value, why: `${printed} lines in ${height} pt` });
  }
  return out;
}

test.each([
  ['the empty template', {}],
  ['a template with a long unit name', { unitName: '福州市工业和信息化局（本级）机关服务中心', year: 2024 }],
])('%s: no text overflows its cell when printed', (_label, settings) => {
  const sheets = templateSheets(settings);
  expect(sheets.length).toBeGreaterThan(5);
  expect(sheets.flatMap(overflows)).toEqual([]);
  // Every sheet prints on pages one table wide.
  for (const s of sheets) expect(s.pageSetup).toMatchObject({ paperSize: 'A4', fitToWidth: true });
});

test('header labels of the working sheets break between words, not inside one', () => {
  const headers = templateSheets()
    .flatMap((s) => s.cells)
    .filter((c) => typeof c.value === 'string' && c.value.includes('\n'))
    .map((c) => c.value);
  expect(headers).toContain('国有资本经营预算\n财政拨款收入');
  expect(headers).toContain('对附属单位\n补助支出');
});

test('the check itself finds an overflow: the old 140-wide instruction column printed on one line', () => {
  const [instructions] = templateSheets();
  const narrow: SheetLayout = { ...instructions, columnWidths: [40], rowHeights: {} };
  expect(overflows(narrow).length).toBeGreaterThan(0);
});
