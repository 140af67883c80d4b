// Text from the input is printed exactly as typed (#15): the working-sheet reader normalises text to match
// labels (（本级） → (本级), full-width letters, spaces), but what it prints back on the generated tables is
// the user's own text. Every text cell of the output that comes from the input is compared with the input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runGenerate } from '../../src/cli/generate-file';
import { ROOT } from '../helpers/example';

const WORKINGS = join(ROOT, 'examples/fuzhou-gxj-2024-workings.xlsx');
const CODED_TABLES = ['公开02表', '公开03表', '公开05表', '公开08表', '公开09表'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fa-input-text-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function text(cell: ExcelJS.Cell): string | null {
  return typeof cell.value === 'string' ? cell.value : null;
}

/** What the user typed in the working sheets: the unit name, and the 科目名称 typed for each code (底稿1, 底稿2). */
function typedInput(wb: ExcelJS.Workbook): { unitName: string; names: Map<string, string> } {
  let unitName = '';
  const names = new Map<string, string>();
  for (const ws of wb.worksheets.filter((s) => /^底稿[12] /.test(s.name))) {
    let codeCol = 0;
    let nameCol = 0;
    ws.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (cell.value === '单位名称') unitName = String(row.getCell(col + 1).value);
        if (cell.value === '科目编码') codeCol = col;
        if (cell.value === '科目名称') nameCol = col;
      });
      const code = codeCol ? text(row.getCell(codeCol)) : null;
      const name = nameCol ? text(row.getCell(nameCol)) : null;
      if (code && /^\d{3,7}$/.test(code) && name && !names.has(code)) names.set(code, name);
    });
  }
  return { unitName, names };
}

interface Compared {
  unitLines: number;
  names: number;
  mismatches: string[];
}

/** Compares every unit line and every coded row's name of the generated tables with the input. */
function compareWithInput(out: ExcelJS.Workbook, added: string[], input: { unitName: string; names: Map<string, string> }): Compared {
  const result: Compared = { unitLines: 0, names: 0, mismatches: [] };
  for (const ws of out.worksheets.filter((s) => added.includes(s.name) && s.name.startsWith('公开'))) {
    const coded = CODED_TABLES.some((p) => ws.name.startsWith(p));
    ws.eachRow((row) => {
      const cells: ExcelJS.Cell[] = [];
      row.eachCell((c) => {
        if (!c.isMerged || c.master === c) cells.push(c);
      });
      for (const c of cells) {
        const t = text(c);
        if (t?.startsWith('单位：') && t !== '单位：万元' && t !== '单位：元') {
          result.unitLines++;
          if (t !== `单位：${input.unitName}`) result.mismatches.push(`${ws.name}!${c.address} ${t}`);
        }
      }
      if (!coded) return;
      const code = cells.map(text).find((t) => t !== null && /^\d{3,7}$/.test(t));
      if (!code || !input.names.has(code)) return;
      const name = cells.map(text).find((t) => t !== null && t !== code);
      result.names++;
      if (name !== input.names.get(code)) result.mismatches.push(`${ws.name} ${code}: ${name} ≠ ${input.names.get(code)}`);
    });
  }
  return result;
}

async function generate(input: string, name: string): Promise<{ out: ExcelJS.Workbook; added: string[] }> {
  const outPath = join(dir, name);
  const result = await runGenerate(input, outPath);
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(outPath);
  return { out, added: result.addedSheets };
}

test('the Fuzhou tables keep （本级） and every name as typed in the working sheets', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(WORKINGS);
  const input = typedInput(wb);
  expect(input.unitName).toBe('福州市工业和信息化局（本级）');

  const { out, added } = await generate(WORKINGS, 'fuzhou.xlsx');
  const compared = compareWithInput(out, added, input);
  expect(compared.mismatches).toEqual([]);
  // All nine tables carry the unit line; the five coded tables print the names typed for their codes.
  expect(compared.unitLines).toBe(9);
  expect(compared.names).toBeGreaterThan(40);
  // The 情况说明 draft names the unit as typed too, never in the half-width form used for matching.
  const draft = out.worksheets.find((s) => s.name.startsWith('情况说明'));
  const draftText: string[] = [];
  draft?.eachRow((row) => row.eachCell((c) => draftText.push(String(c.value))));
  expect(draftText.join('\n')).toContain('福州市工业和信息化局（本级）');
  expect(draftText.join('\n')).not.toContain('(本级)');
}, 60000);

test('full-width letters, inner spaces and brackets in a unit name and a 科目名称 are printed unchanged', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(WORKINGS);
  const detail = wb.worksheets.find((s) => s.name.startsWith('底稿1'))!;
  // The label and the name in one cell, as a user may type it.
  detail.getCell('A2').value = '单位名称： 某市　ＡＢ局 （本级）【试点】';
  detail.getCell('B2').value = null;
  let renamed = '';
  detail.eachRow((row) => {
    if (!renamed && row.getCell(1).value === '2011101') {
      row.getCell(2).value = '行政运行（纪检　监察）Ａ';
      renamed = '2011101';
    }
  });
  expect(renamed).toBe('2011101');
  const edited = join(dir, 'edited-input.xlsx');
  await wb.xlsx.writeFile(edited);

  const { out, added } = await generate(edited, 'edited.xlsx');
  const input = typedInput(wb);
  const compared = compareWithInput(out, added, { ...input, unitName: '某市　ＡＢ局 （本级）【试点】' });
  expect(compared.mismatches).toEqual([]);
  expect(compared.unitLines).toBe(9);
  const t02 = out.worksheets.find((s) => s.name.startsWith('公开02表'))!;
  const printed: string[] = [];
  t02.eachRow((row) => row.eachCell((c) => printed.push(String(c.value))));
  expect(printed).toContain('行政运行（纪检　监察）Ａ');
}, 60000);
