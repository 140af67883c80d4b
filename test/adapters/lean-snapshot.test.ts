// The lean read path (src/adapters/file/lean-snapshot.ts) gives exactly the snapshot of the full ExcelJS load:
// over every example workbook, the synthetic workloads, random workbooks written by ExcelJS (fast-check), and
// hand-made XML that ExcelJS never writes (inline strings, phonetic runs, `str` values, cells a merge creates).
// Where it cannot promise that (a marked copy, XML outside its subset) it declines and the full load decides.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { DEFAULT_LIMITS, inspectWorkbook } from '../../src/adapters/file/inspect-workbook';
import { leanSnapshot } from '../../src/adapters/file/lean-snapshot';
import { checkWorkbook } from '../../src/app/check';
import { syntheticWorkload } from '../../src/synthetic';
import { workloadBuffer } from '../../src/synthetic/file';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { ROOT } from '../helpers/example';

async function fullSnapshot(data: Uint8Array): Promise<WorkbookSnapshot> {
  return (await ExcelJsWorkbookPort.fromBuffer(data)).readSnapshot();
}

async function expectSameSnapshot(data: Uint8Array): Promise<WorkbookSnapshot> {
  const lean = leanSnapshot(data);
  expect(lean).not.toBeNull();
  expect(lean).toStrictEqual(await fullSnapshot(data));
  // As the CLI reads: the parts the inspection inflated, reused.
  const parts = new Map<string, Uint8Array>();
  expect(await inspectWorkbook(data, DEFAULT_LIMITS, parts)).toBeNull();
  expect(parts.size).toBeGreaterThan(0);
  expect(leanSnapshot(data, parts)).toStrictEqual(lean);
  return lean!;
}

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.xlsx'));

describe('lean read path: the same snapshot as the full ExcelJS load', () => {
  test('there are example workbooks to compare', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
  });

  test.each(EXAMPLES)('example %s', async (file) => {
    const lean = await expectSameSnapshot(new Uint8Array(readFileSync(join(ROOT, 'examples', file))));
    expect(lean.sheets.length).toBeGreaterThan(0);
  });

  test.each([
    ['reference', 'tables'],
    ['reference', 'workings'],
    ['large', 'tables'],
  ] as const)('synthetic %s unit (%s), and check gives the same report from either', async (size, form) => {
    const data = new Uint8Array(await workloadBuffer(syntheticWorkload(size, form, 7)));
    const lean = await expectSameSnapshot(data);
    const full = await fullSnapshot(data);
    expect(checkWorkbook(lean, { file: 'x.xlsx' })).toStrictEqual(checkWorkbook(full, { file: 'x.xlsx' }));
  });

  const text = fc.string({
    unit: fc.constantFrom('a', 'Z', '1', ' ', '\n', '\t', '<', '>', '&', '"', "'", '_x0041_', '_x000D_', '万', '元', '合计', '（', '），', '😀'),
    maxLength: 12,
  });
  const number = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }));
  const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
    number,
    text,
    fc.boolean(),
    fc.constant(null),
    fc.record({
      formula: fc.constantFrom('A1+1', 'SUM(A1:B2)', 'A1&"x"'),
      result: fc.option(fc.oneof(number, text, fc.boolean()), { nil: undefined }),
    }),
    fc.record({ formula: fc.constant('1/0'), result: fc.constant({ error: '#DIV/0!' as const }) }),
    fc.record({
      richText: fc.array(fc.record({ text, font: fc.option(fc.record({ bold: fc.boolean() }), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
    }),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
    fc.constant({ error: '#N/A' as const }),
  );
  const numFmt = fc.option(fc.constantFrom('0.00', '#,##0', 'yyyy-mm-dd', '0%', '"元"#,##0.00', 'm/d/yy', '[Red]0', '@'), { nil: undefined });
  const cell = fc.record({ row: fc.integer({ min: 1, max: 14 }), col: fc.integer({ min: 1, max: 8 }), value: cellValue, numFmt, fill: fc.boolean() });
  const merge = fc.record({
    row: fc.integer({ min: 1, max: 14 }),
    col: fc.integer({ min: 1, max: 8 }),
    rows: fc.integer({ min: 1, max: 3 }),
    cols: fc.integer({ min: 1, max: 3 }),
  });
  const sheet = fc.record({
    cells: fc.array(cell, { maxLength: 40 }),
    merges: fc.array(merge, { maxLength: 4 }),
    rowFmts: fc.array(fc.tuple(fc.integer({ min: 1, max: 18 }), fc.constantFrom('0.0', 'yyyy-mm-dd')), { maxLength: 2 }),
    colFmts: fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.constantFrom('#,##0.00', 'd-mmm')), { maxLength: 2 }),
    state: fc.constantFrom('visible', 'hidden', 'veryHidden'),
  });
  const book = fc.record({ sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }), date1904: fc.boolean() });

  function workbookOf(b: typeof book extends fc.Arbitrary<infer T> ? T : never): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = b.date1904;
    b.sheets.forEach((s, i) => {
      const ws = wb.addWorksheet(`表${i + 1}`, { state: s.state as ExcelJS.WorksheetState });
      for (const [r, f] of s.rowFmts) ws.getRow(r).numFmt = f;
      for (const [c, f] of s.colFmts) ws.getColumn(c).numFmt = f;
      for (const c of s.cells) {
        const target = ws.getCell(c.row, c.col);
        target.value = structuredClone(c.value);
        if (c.numFmt) target.numFmt = c.numFmt;
        if (c.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      }
      const taken = new Set<string>();
      for (const m of s.merges) {
        const cells: string[] = [];
        for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) cells.push(`${r}:${c}`);
        if (cells.length < 2 || cells.some((k) => taken.has(k))) continue;
        cells.forEach((k) => taken.add(k));
        ws.mergeCells(m.row, m.col, m.row + m.rows - 1, m.col + m.cols - 1);
      }
    });
    return wb;
  }

  test('random workbooks written by ExcelJS (values, formulas, rich text, dates, formats, merges, row and column formats)', async () => {
    await fc.assert(
      fc.asyncProperty(book, async (b) => {
        const data = new Uint8Array(await workbookOf(b).xlsx.writeBuffer());
        await expectSameSnapshot(data);
      }),
      { numRuns: 150, seed: 1717 },
    );
  });
});

/** A one-sheet workbook whose sheet XML, shared strings and styles are given as written. */
async function handMade(sheetData: string, options: { sharedStrings?: string; after?: string; styles?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收入支出决算总表" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
  ];
  if (options.sharedStrings !== undefined) {
    rels.push(
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    );
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.sharedStrings}</sst>`,
    );
  }
  rels.push('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  zip.file(
    'xl/styles.xml',
    options.styles ??
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4"/></cellXfs></styleSheet>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${sheetData}</sheetData>${options.after ?? ''}</worksheet>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

describe('lean read path: XML that ExcelJS does not write', () => {
  test('inline strings (plain and rich runs), shared strings with phonetic runs, str values, escapes, errors, booleans, dates, styled empty cells', async () => {
    const data = await handMade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> 收入&amp;支出 </t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>合</t></r><r><t>计_x0041_</t></r></is></c>' +
        '<c r="C1" t="str"><v>a&amp;amp;b</v></c><c r="D1" t="e"><v>#REF!</v></c><c r="E1" t="b"><v>1</v></c>' +
        '<c r="F1" s="1"><v>45292</v></c><c r="G1" s="1"/><c r="H1" s="2"><v>1234.5</v></c><c r="I1"/></row>' +
        '<row r="3" s="2" customFormat="1"><c r="A3" s="1"><f>TODAY()</f></c><c r="B3" t="s"><v>0</v></c><c r="C3"><f t="shared" ref="C3:C4" si="0">A1</f><v>2</v></c></row>' +
        '<row r="4"><c r="C4"><f t="shared" si="0"/><v>3</v></c><c r="D4" t="str"><f>"x"</f><v>&lt;y&gt;</v></c><c r="E4" t="inlineStr"><is><t><![CDATA[<cdata>]]></t></is></c></row>' +
        '<row r="6"/>',
      {
        sharedStrings:
          '<si><t>文本</t><rPh sb="0" eb="1"><t>ぶん</t></rPh><phoneticPr fontId="1"/></si><si><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></si>',
        after: '<mergeCells count="2"><mergeCell ref="A3:B4"/><mergeCell ref="F6:G8"/></mergeCells>',
      },
    );
    const lean = await expectSameSnapshot(data);
    const [sheet] = lean.sheets;
    expect(sheet.values[0].slice(0, 5)).toEqual([' 收入&支出 ', '合计A', 'a&b', '#REF!', true]);
    expect(sheet.values[0][5]).toBe('2024-01-01');
    expect(sheet.uncalculated).toEqual([[2, 0]]);
    // The merge F6:G8 creates rows 7 and 8 and the cells of its slaves.
    expect(sheet.values).toHaveLength(8);
  });

  test.each([
    ['a DOCTYPE', '<row r="1"><c r="A1"><v>1</v></c></row>', '<!DOCTYPE x>'],
    ['a carriage return', '<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>', ''],
    ['a cell without an address', '<row r="1"><c><v>1</v></c></row>', ''],
    ['overlapping merges', '<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'],
    ['a phonetic run in an inline string', '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></is></c></row>', ''],
    ['an unknown entity', '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>', ''],
    ['an external hyperlink', '<row r="1"><c r="A1"><v>1</v></c></row>', '<hyperlinks><hyperlink ref="A1" r:id="rId9"/></hyperlinks>'],
  ])('declines %s (the full load decides)', async (_what, rows, after) => {
    const data = await handMade(rows, after.startsWith('<!') ? {} : { after });
    const patched = after.startsWith('<!') ? await withDoctype(data, after) : data;
    expect(leanSnapshot(patched)).toBeNull();
  });

  test('declines a marked copy (the full load leaves our record sheet out)', async () => {
    const port = await ExcelJsWorkbookPort.fromBuffer(readFileSync(join(ROOT, 'examples', 'fuzhou-gxj-2024.xlsx')));
    await port.applyMarks([{ cell: { sheet: port.workbook.worksheets[0].name, row: 0, col: 0 }, severity: 'error', message: '示例' }]);
    const marked = await port.toBuffer();
    expect(leanSnapshot(marked)).toBeNull();
  });
});

async function withDoctype(data: Uint8Array, doctype: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace('?>\n', `?>\n${doctype}`));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
