import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../../src/adapters/file/exceljs-layout';
import type { FinalAccounts } from '../../src/core/model';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { SHANGHAI_2024 } from '../../src/core/profiles/shanghai-2024';
import { CENTRAL_2024 } from '../../src/core/profiles/central-2024';
import type { Profile } from '../../src/core/profiles';
import { layoutAllTables, layoutTables, type LayoutOptions } from '../../src/generator/layout';
import { row, table } from './model-builders';

const OPTIONS: LayoutOptions = { unitName: '福州市测试局（本级）', year: 2024, scope: '单位' };

/** A small but complete Fuzhou-style model (figures from the reference document's 208 and 201 classes). */
function smallModel(): FinalAccounts {
  const t02 = table('02', 'income', [
    row('total', '合计', { total: '1663.91', fiscal: '1492.32', other: '171.59' }),
    row('code:208', '社会保障和就业支出', { total: '1653.66', fiscal: '1482.07', other: '171.59' }),
    row('code:20806', '企业改革补助', { total: '171.59', other: '171.59' }),
    row('code:2080601', '企业关闭破产补助', { total: '171.59', other: '171.59' }),
    row('code:20805', '行政事业单位养老支出', { total: '1482.07', fiscal: '1482.07' }),
    row('code:2080501', '行政单位离退休', { total: '1482.07', fiscal: '1482.07' }),
    row('code:201', '一般公共服务支出', { total: '10.25', fiscal: '10.25' }),
    row('code:20111', '纪检监察事务', { total: '10.25', fiscal: '10.25' }),
    row('code:2011101', '行政运行', { total: '10.25', fiscal: '10.25' }),
  ]);
  const t01 = table('01', 'summary', [
    row('inc.gpb', '', { amount: '1492.32' }),
    row('inc.other', '', { amount: '171.59' }),
    row('inc.total', '', { amount: '1663.91' }),
    row('inc.grand', '', { amount: '1663.91' }),
    row('class:201', '', { amount: '10.25' }),
    row('class:208', '', { amount: '1653.66' }),
    row('exp.total', '', { amount: '1663.91' }),
    row('exp.grand', '', { amount: '1663.91' }),
  ]);
  const t05 = table('05', 'generalBudget', [
    row('total', '合计', { total: '1492.32', basic: '1492.32' }),
    row('code:201', '一般公共服务支出', { total: '10.25', basic: '10.25' }),
  ]);
  const t06 = table('06', 'basicEconomic', [
    row('econ:301', '工资福利支出', { amount: '1960.18' }),
    row('econ:30101', '基本工资', { amount: '361.40' }),
    row('econ:39910', '资本性赠与', { amount: '1.00' }),
    row('personnelTotal', '人员经费合计', { amount: '3048.19' }),
    row('publicTotal', '公用经费合计', { amount: '237.31' }),
  ]);
  const t07 = table('07', 'threePublic', [
    row('total', '合计', { final: '15.68' }),
    row('abroad', '', { final: '13.61' }),
    row('car', '', { final: '1.08' }),
    row('carRun', '', { final: '1.08' }),
    row('reception', '', { final: '0.99' }),
  ]);
  return {
    unitName: '福州市测试局（本级）',
    year: 2024,
    profileId: 'fuzhou-2024',
    tables: { '01': t01, '02': t02, '05': t05, '06': t06, '07': t07 },
  };
}

async function written(profile: Profile, model: FinalAccounts, options: LayoutOptions): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const layout of layoutTables(model, profile, options)) addLayoutSheet(wb, layout);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

function sheet(wb: ExcelJS.Workbook, prefix: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name.startsWith(prefix));
  if (!ws) throw new Error(`no sheet ${prefix}: ${wb.worksheets.map((w) => w.name).join(',')}`);
  return ws;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as { merges?: string[] }).merges ?? [];
}

/** Row numbers (1-based) of the cells holding the text (merged areas count once). */
function rowsWith(ws: ExcelJS.Worksheet, text: string): number[] {
  const out: number[] = [];
  ws.eachRow((r, n) =>
    r.eachCell((c) => {
      const slave = c.isMerged && c.master.address !== c.address;
      if (!slave && c.value === text) out.push(n);
    }),
  );
  return out;
}

function columnValues(ws: ExcelJS.Worksheet, col: string, from: number, to: number): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r <= to; r++) out.push(ws.getCell(`${col}${r}`).value);
  return out;
}

describe('layoutTables (fuzhou-2024)', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await written(FUZHOU_2024, smallModel(), OPTIONS);
  });

  test('nine sheets named by marker and title, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '公开01表 收入支出决算总表',
      '公开02表 收入决算表',
      '公开03表 支出决算表',
      '公开04表 财政拨款收入支出决算总表',
      '公开05表 一般公共预算财政拨款支出决算表',
      '公开06表 一般公共预算财政拨款基本支出决算表',
      '公开07表 一般公共预算财政拨款“三公”经费支出决算表',
      '公开08表 政府性基金预算财政拨款收入支出决算表',
      '公开09表 国有资本经营预算财政拨款支出决算表',
    ]);
  });

  test('02: title, marker, unit lines, two-row header, 类/款/项 on the 合计 row, codes in order as text', () => {
    const ws = sheet(wb, '公开02表');
    expect(ws.getCell('A1').value).toBe('收入决算表');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    // 科目编码 spans its 类/款/项 columns A–C (as the published 02 prints it); the name is D, the figures E–K.
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:K1', 'A4:D4', 'A5:C5', 'E4:E5', 'K4:K5', 'A3:J3']));
    expect(ws.getCell('K2').value).toBe('公开02表');
    expect(ws.getCell('A3').value).toBe('单位：福州市测试局（本级）');
    expect(ws.getCell('K3').value).toBe('单位：万元');
    // Two-line headers break between words.
    expect(columnValues(ws, 'E', 4, 4)).toEqual(['本年收入\n合计']);
    expect(ws.getCell('J4').value).toBe('附属单位\n上缴收入');
    expect(ws.getCell('A5').value).toBe('支出功能分类\n科目编码');
    expect(ws.getCell('D5').value).toBe('科目名称');
    expect(['A6', 'B6', 'C6', 'D6'].map((a) => ws.getCell(a).value)).toEqual(['类', '款', '项', '合计']);
    expect(ws.getCell('E6').value).toBe(1663.91);
    expect(ws.getCell('E6').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F6').value).toBe(1492.32);
    expect(ws.getCell('G6').value).toBe(0);
    expect(columnValues(ws, 'A', 7, 14)).toEqual(['201', '20111', '2011101', '208', '20805', '2080501', '20806', '2080601']);
    // Each code printed whole across 类/款/项.
    expect(merges(ws)).toEqual(expect.arrayContaining(['A7:C7', 'A14:C14']));
    expect(columnValues(ws, 'D', 7, 9)).toEqual(['一般公共服务支出', '纪检监察事务', '行政运行']);
    expect(ws.getCell('K13').value).toBe(171.59);
    expect(ws.getCell('E12').border?.left?.style).toBe('thin');
    expect(ws.getCell('A15').value).toBe('注：本表反映单位本年度取得的各项收入情况。');
    expect(ws.getCell('B7').font?.name).toBe('宋体');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:5');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  test('01: income and expenditure side by side, aligned by section, with the 26 类 rows', () => {
    const ws = sheet(wb, '公开01表');
    expect(ws.getCell('A4').value).toBe('收入');
    expect(ws.getCell('C4').value).toBe('支出');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:B4', 'C4:D4']));
    expect(ws.getCell('C5').value).toBe('项目(按支出功能分类)');
    expect(ws.getCell('A6').value).toBe('一、一般公共预算财政拨款收入');
    expect(ws.getCell('B6').value).toBe(1492.32);
    expect(ws.getCell('C6').value).toBe('一、一般公共服务支出');
    expect(ws.getCell('D6').value).toBe(10.25);
    expect(ws.getCell('C13').value).toBe('八、社会保障和就业支出');
    expect(ws.getCell('D13').value).toBe(1653.66);
    expect(ws.getCell('C31').value).toBe('二十六、抗疫特别国债安排的支出');
    expect(ws.getCell('A14').value).toBeNull();
    const [incTotal] = rowsWith(ws, '本年收入合计');
    expect(rowsWith(ws, '本年支出合计')).toEqual([incTotal]);
    expect(incTotal).toBe(32);
    expect(ws.getCell(`B${incTotal}`).value).toBe(1663.91);
    expect(rowsWith(ws, '总计')).toHaveLength(2);
    expect(new Set(rowsWith(ws, '总计')).size).toBe(1);
    expect(rowsWith(ws, '年初结转和结余')).toEqual(rowsWith(ws, '年末结转和结余'));
  });

  test('04: 年初结转和结余 with its three indented fund rows, 总计 below them', () => {
    const ws = sheet(wb, '公开04表');
    const [carry] = rowsWith(ws, '年初结转和结余');
    expect(rowsWith(ws, '年末财政拨款结转和结余')).toEqual([carry]);
    expect(ws.getCell(`A${carry + 1}`).value).toBe('一、一般公共预算');
    expect(ws.getCell(`A${carry + 1}`).alignment?.indent).toBe(1);
    expect(rowsWith(ws, '总计')).toEqual([carry + 4, carry + 4]);
    expect(columnValues(ws, 'D', 5, 5)).toEqual(['合计']);
    expect(ws.getCell('G5').value).toBe('国有资本经营预算\n财政拨款');
  });

  test('05: 本年支出 over 小计/基本/项目', () => {
    const ws = sheet(wb, '公开05表');
    expect(merges(ws)).toEqual(expect.arrayContaining(['C4:E4']));
    expect(columnValues(ws, 'C', 4, 5)).toEqual(['本年支出', '小计']);
    expect(columnValues(ws, 'B', 6, 7)).toEqual(['合计', '一般公共服务支出']);
    expect(ws.getCell('D6').value).toBe(1492.32);
  });

  test('06: 人员经费 block and 公用经费 flowing across two blocks of equal height, totals underneath', () => {
    const ws = sheet(wb, '公开06表');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:C4', 'D4:I4']));
    expect(ws.getCell('A4').value).toBe('人员经费');
    expect(ws.getCell('D4').value).toBe('公用经费');
    expect(columnValues(ws, 'A', 6, 7)).toEqual(['301', '30101']);
    expect(ws.getCell('C6').value).toBe(1960.18);
    expect(ws.getCell('C7').value).toBe(361.4);
    expect(ws.getCell('D6').value).toBe('302');
    // 27 personnel rows; 62 public rows, 31 in each flow block (302 … 30702, then 30703 … 39910), as published.
    expect(ws.getCell('A32').value).toBe('30399');
    expect(ws.getCell('A33').value).toBeNull();
    expect(ws.getCell('D36').value).toBe('30702');
    expect(ws.getCell('G6').value).toBe('30703');
    expect(ws.getCell('G36').value).toBe('39910');
    expect(ws.getCell('I36').value).toBe(1);
    expect(ws.getCell('A37').value).toBe('人员经费合计');
    expect(ws.getCell('C37').value).toBe(3048.19);
    expect(ws.getCell('D37').value).toBe('公用经费合计');
    expect(ws.getCell('I37').value).toBe(237.31);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A37:B37', 'D37:H37']));
  });

  test('07: rows orientation with 行次', () => {
    const ws = sheet(wb, '公开07表');
    expect([ws.getCell('A4').value, ws.getCell('B4').value, ws.getCell('C4').value]).toEqual(['项目', '行次', '决算数']);
    expect(columnValues(ws, 'A', 5, 10)).toEqual([
      '合计',
      '1. 因公出国（境）费',
      '2. 公务用车购置及运行维护费',
      '其中：（1）公务用车购置费',
      '（2）公务用车运行维护费',
      '3. 公务接待费',
    ]);
    expect(columnValues(ws, 'B', 5, 10)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(columnValues(ws, 'C', 5, 10)).toEqual([15.68, 13.61, 1.08, 0, 1.08, 0.99]);
  });

  test('08/09 without data: 栏次 row, 合计 of zeros and the empty-table 说明 with the year', () => {
    const ws = sheet(wb, '公开08表');
    const [noRow] = rowsWith(ws, '栏次');
    // 类 款 项 | 栏次 | 1 4 7 8 11 12, as the published 08 prints it.
    expect([1, 2, 3, 4].map((c) => ws.getRow(noRow).getCell(c).value)).toEqual(['类', '款', '项', '栏次']);
    expect([5, 6, 7, 8, 9, 10].map((c) => ws.getRow(noRow).getCell(c).value)).toEqual(['1', '4', '7', '8', '11', '12']);
    expect(ws.getCell(`D${noRow + 1}`).value).toBe('合计');
    expect(ws.getCell(`E${noRow + 1}`).value).toBe(0);
    expect(rowsWith(ws, '2. 本单位2024年度没有使用政府性基金预算拨款安排的收支。')).toEqual([noRow + 3]);
    const ws9 = sheet(wb, '公开09表');
    expect(rowsWith(ws9, '2. 本单位2024年度没有使用国有资本经营预算财政拨款安排的支出。')).toHaveLength(1);
  });
});

describe('layout options and other profiles', () => {
  test('split codes: 类/款/项 columns under the code header', async () => {
    const wb = await written(FUZHOU_2024, smallModel(), { ...OPTIONS, codeStyle: 'split' });
    const ws = sheet(wb, '公开02表');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:D4', 'A5:C5', 'D5:D6']));
    expect([ws.getCell('A6').value, ws.getCell('B6').value, ws.getCell('C6').value]).toEqual(['类', '款', '项']);
    expect(ws.getCell('D7').value).toBe('合计');
    expect([ws.getCell('A10').value, ws.getCell('B10').value, ws.getCell('C10').value, ws.getCell('D10').value]).toEqual([
      '201',
      '11',
      '01',
      '行政运行',
    ]);
    expect([ws.getCell('A9').value, ws.getCell('B9').value, ws.getCell('C9').value]).toEqual(['201', '11', null]);
  });

  test('shanghai: zeros blank, 05 合计 at the bottom, 07 items across under 预算数/决算数', async () => {
    const model = smallModel();
    model.tables['07'] = table('07', 'threePublic', [row('total', '', { budget: '0.95' }), row('reception', '', { budget: '0.95' })]);
    const wb = await written(SHANGHAI_2024, model, { ...OPTIONS, scope: '部门' });
    const t05 = sheet(wb, '公开05表');
    expect(columnValues(t05, 'B', 6, 7)).toEqual(['一般公共服务支出', '合计']);
    expect(t05.getCell('C7').value).toBe(1492.32);
    expect(t05.getCell('E7').value).toBeNull();
    const t07 = sheet(wb, '公开07表');
    expect(t07.getCell('A4').value).toBe('预算数');
    expect(t07.getCell('G4').value).toBe('决算数');
    expect(merges(t07)).toEqual(expect.arrayContaining(['A4:F4', 'G4:L4', 'C5:E5']));
    expect([t07.getCell('C6').value, t07.getCell('D6').value, t07.getCell('E6').value]).toEqual(['小计', '公务用车\n购置费', '公务用车\n运行维护费']);
    expect(t07.getCell('A7').value).toBe(0.95);
    expect(t07.getCell('F7').value).toBe(0.95);
    expect(t07.getCell('G7').value).toBeNull();
    expect(rowsWith(t07, '说明：本年度没有财政拨款“三公”经费支出，故本表无数据。')).toHaveLength(0);
    expect(rowsWith(t07, '注：本表反映部门本年度“三公”经费支出预决算情况。')).toHaveLength(1);
    const t06 = sheet(wb, '公开06表');
    expect(merges(t06)).toEqual(expect.arrayContaining(['A4:C4', 'D4:F4']));
  });

  test('24-row 类 list on request', () => {
    const { tables } = layoutAllTables(smallModel(), SHANGHAI_2024, { ...OPTIONS, classList: '24' });
    const t01 = tables[0];
    const labels = t01.cells.filter((c) => c.col === 2 && typeof c.value === 'string' && /^[一二三四五六七八九十]+、/.test(c.value));
    expect(labels).toHaveLength(24);
    expect(labels.map((c) => c.value)).not.toContain('二十四、债务还本支出');
  });

  test('central profile: 09 is the 三公 table with 预算数 and 决算数 rows', () => {
    const { tables } = layoutAllTables({ ...smallModel(), tables: {} }, CENTRAL_2024, OPTIONS);
    const t09 = tables[8];
    expect(t09.title).toBe('财政拨款“三公”经费支出决算表');
    const header = t09.cells.filter((c) => c.row === t09.headerRows[1]).map((c) => c.value);
    expect(header).toEqual(['项目', '行次', '预算数', '决算数']);
  });

  test('a 类 outside the profile list is printed after the list and reported', () => {
    const model = smallModel();
    model.tables['01']!.rows.push(row('class:227', '预备费', { amount: '5.00' }));
    const { tables, problems } = layoutAllTables(model, FUZHOU_2024, OPTIONS);
    expect(tables[0].cells.some((c) => c.value === '二十七、预备费')).toBe(true);
    expect(problems.join('\n')).toContain('227');
  });

  test('oneSheet stacks the nine tables vertically with blank rows between', async () => {
    const wb = await written(FUZHOU_2024, smallModel(), { ...OPTIONS, oneSheet: '九张表' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['九张表']);
    const ws = wb.worksheets[0];
    const titles = Object.values(FUZHOU_2024.tables).map((s) => s.title);
    const rows = titles.map((t) => rowsWith(ws, t));
    rows.forEach((r) => expect(r).toHaveLength(1));
    const starts = rows.map((r) => r[0]);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (let i = 1; i < starts.length; i++) {
      // the two rows above each later title are empty
      for (const gap of [1, 2]) {
        const values = ws.getRow(starts[i] - gap).values as unknown[];
        expect(values.filter((v) => v !== null && v !== undefined)).toHaveLength(0);
      }
    }
    expect(ws.getCell(`E${starts[1] + 5}`).value).toBe(1663.91);
  });
});
