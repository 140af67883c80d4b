// Generation never touches what the user had: every existing sheet keeps its values and styles cell by
// cell, and generating twice adds a second set with suffixed names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runGenerate } from '../../src/cli/generate-file';

const ROOT = join(__dirname, '../..');

function sheetState(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out.push(`${r}:${c} ${JSON.stringify(cell.value)} ${JSON.stringify(cell.style)} ${cell.numFmt ?? ''}`);
    }),
  );
  out.push(`merges ${JSON.stringify((ws.model as { merges?: string[] }).merges ?? [])}`);
  out.push(`widths ${JSON.stringify(ws.columns?.map((c) => c.width) ?? [])}`);
  return out;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('generation keeps the user sheets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fa-keep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const input = join(ROOT, 'examples/fuzhou-gxj-2024-workings.xlsx');

  test('every sheet the user had is the same, cell by cell, after generating twice; the second set is suffixed', async () => {
    // A user workbook with a styled sheet of its own and a sheet that already bears a generated name.
    const user = await load(input);
    const own = user.addWorksheet('我的备注');
    own.getCell('B2').value = 1234.5;
    own.getCell('B2').numFmt = '0.0';
    own.getCell('B2').font = { bold: true, color: { argb: 'FFFF0000' } };
    own.getCell('C3').value = '已核对';
    own.mergeCells('C3:D4');
    const clash = user.addWorksheet('公开02表 收入决算表');
    clash.getCell('A1').value = '用户自己的 02 表';
    const prepared = join(dir, 'in.xlsx');
    await user.xlsx.writeFile(prepared);
    const before = await load(prepared);

    const first = join(dir, 'once.xlsx');
    const r1 = await runGenerate(prepared, first);
    expect(r1.addedSheets).toContain('公开02表 收入决算表(2)');
    const second = join(dir, 'twice.xlsx');
    const r2 = await runGenerate(first, second);
    expect(r2.addedSheets).toHaveLength(10); // the nine tables and the 情况说明 draft
    expect(r2.addedSheets).toContain('情况说明（草稿）(2)');
    expect(r2.addedSheets.every((n) => !r1.addedSheets.includes(n))).toBe(true);
    expect(r2.addedSheets).toContain('公开02表 收入决算表(3)');
    expect(r2.addedSheets).toContain('公开01表 收入支出决算总表(2)');

    const after = await load(second);
    expect(after.worksheets.length).toBe(before.worksheets.length + 20); // twice the nine tables and the draft
    for (const ws of before.worksheets) {
      const now = after.getWorksheet(ws.name);
      expect(now).toBeDefined();
      expect(sheetState(now!)).toEqual(sheetState(ws));
    }
    // The sheets of the first generation are also untouched by the second.
    const once = await load(first);
    for (const name of r1.addedSheets) expect(sheetState(after.getWorksheet(name)!)).toEqual(sheetState(once.getWorksheet(name)!));
  }, 30000);

  test('the output may not be the input file', async () => {
    await expect(runGenerate(input, input)).rejects.toThrow('输出文件不能与输入文件相同');
  });
});
