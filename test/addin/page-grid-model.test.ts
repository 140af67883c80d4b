// The page's grid preview model without a browser (so `npx jest` runs it, not only the e2e suite): number formats as printed, merges as spans, marks per cell.
import { formatNumber, gridModel } from '../../src/page/grid-model';
import JSZip from 'jszip';
import { generatedFileName, notAWorkbook } from '../../src/page/file-open';
import type { SheetSnapshot } from '../../src/port/snapshot';

test('numbers print with the cell format: decimals, thousands, percent, sections, blank zero', () => {
  expect(formatNumber(16094.58, '#,##0.00')).toBe('16,094.58');
  expect(formatNumber(0.0712, '0.00%')).toBe('7.12%');
  expect(formatNumber(-3.5, '#,##0.00;[Red]-#,##0.00')).toBe('-3.50');
  expect(formatNumber(0, '#,##0.00;-#,##0.00;')).toBe('');
  expect(formatNumber(0, '#,##0.00;-#,##0.00;"-"')).toBe('-');
  expect(formatNumber(12, '0')).toBe('12');
  expect(formatNumber(0.1 + 0.2, null)).toBe('0.3');
  expect(formatNumber(71.17, 'General')).toBe('71.17');
});

test('merges become spans, covered cells are skipped, the worst mark wins and every distinct message is kept', () => {
  const sheet: SheetSnapshot = {
    name: '表',
    originRow: 0,
    originCol: 0,
    values: [
      ['标题', null, null],
      ['项目', 1234.5, 0.5],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    numberFormats: [
      [null, null, null],
      [null, '#,##0.00', '0%'],
    ],
  };
  const m = gridModel(sheet, [
    { cell: { sheet: '表', row: 1, col: 1 }, severity: 'tail', message: '尾差：甲' },
    { cell: { sheet: '表', row: 1, col: 1 }, severity: 'error', message: '错误：乙' },
    { cell: { sheet: '表', row: 1, col: 1 }, severity: 'tail', message: '尾差：甲' },
    { cell: { sheet: '别的表', row: 0, col: 0 }, severity: 'error', message: '不在这张表' },
    // A mark past the values still shows: the grid grows to reach it.
    { cell: { sheet: '表', row: 3, col: 3 }, severity: 'warning', message: '提示：丙' },
  ]);
  expect(m.columns).toEqual(['A', 'B', 'C', 'D']);
  expect(m.rows.map((r) => r.row)).toEqual([0, 1, 2, 3]);
  expect(m.rows[3].cells.map((c) => [c.address, c.mark, c.note])).toEqual([
    ['A4', null, ''],
    ['B4', null, ''],
    ['C4', null, ''],
    ['D4', 'warning', '提示：丙'],
  ]);
  expect(m.truncated).toBe(false);
  expect(m.rows[0].cells.map((c) => [c.address, c.colSpan, c.text])).toEqual([
    ['A1', 3, '标题'],
    ['D1', 1, ''],
  ]);
  const b2 = m.rows[1].cells[1];
  expect([b2.address, b2.text, b2.numeric, b2.mark, b2.note]).toEqual(['B2', '1,234.50', true, 'error', '尾差：甲\n错误：乙']);
  expect(m.rows[1].cells[2].text).toBe('50%');
  expect(m.rows[0].cells[0].mark).toBeNull();
});

test('file names and what is not a workbook', () => {
  expect(generatedFileName('福州市工信局2024决算.xlsx')).toBe('福州市工信局2024决算-公开表.xlsx');
  expect(generatedFileName('a.b.xlsx', '已标记')).toBe('a.b-已标记.xlsx');
  expect(notAWorkbook('x.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toContain('不完整');
  expect(notAWorkbook('x.csv', new TextEncoder().encode('a,b'))).toContain('不是 Excel 工作簿');
  expect(notAWorkbook('x.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toContain('旧版 Excel（.xls）');
  expect(notAWorkbook('空.xlsx', new Uint8Array())).toContain('空文件');
});

test('the page refuses a zip that declares more than it can read, before inflating it', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(notAWorkbook('小.xlsx', bytes)).toBeNull();
  // The same zip with its central directory claiming 300 MB for the sheet (a zip bomb declares its size).
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const central = bytes.findIndex((_, i) => i + 4 <= bytes.length && dv.getUint32(i, true) === 0x02014b50);
  dv.setUint32(central + 24, 300 * 1024 * 1024, true);
  const why = notAWorkbook('炸弹.xlsx', bytes);
  expect(why).toContain('炸弹.xlsx');
  expect(why).toContain('超出本页可读取的上限 200 MB');
});
