// The bundled Fuzhou example: nine tables found, profile recognised, no error, the document's tails as tails.
import { checkWorkbook } from '../../src/app/check';
import { reportToJson } from '../../src/core/report';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

describe('examples/fuzhou-gxj-2024.xlsx', () => {
  let report: ReturnType<typeof reportToJson>;
  beforeAll(async () => {
    report = reportToJson(checkWorkbook(await snapshotOf(FUZHOU_XLSX), { file: FUZHOU_XLSX }));
  });

  it('finds all nine tables and recognises the fuzhou-2024 profile, the unit and the year', () => {
    expect(report.profile).toBe('fuzhou-2024');
    expect(report.tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(report.tables.find((t) => t.id === '07')!.title).toBe('一般公共预算财政拨款“三公”经费支出决算表');
    expect(report.unit).toBe('福州市工业和信息化局（本级）');
    expect(report.year).toBe(2024);
    expect(report.amountUnit).toBe('万元');
  });

  it('reports no error in tables 01–09', () => {
    const errors = report.findings.filter((f) => /^\d{2}$/.test(f.table) && f.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('reports the rounding tails of 类 208 and 215 and of the 302 line as tails', () => {
    const tails = report.findings.filter((f) => f.severity === 'tail');
    const t3 = report.tables.find((t) => t.id === '03')!;
    // 03表 208: 1564.99 + 88.68 = 1653.67 printed as 1653.66.
    const row208 = tails.find((f) => f.rule === 'T3-a' && f.message.includes('208'));
    expect(row208).toMatchObject({ expected: 1653.67, actual: 1653.66, difference: -0.01 });
    expect(row208!.cells[0].startsWith(`${t3.sheet}!`)).toBe(true);
    // 215: 470.78 + 9558.69 + 684.82 = 10714.29 printed as 10714.28, in 02, 03 and 05.
    for (const rule of ['T2-b', 'T3-b', 'T5-a']) {
      expect(tails.some((f) => f.rule === rule && f.message.includes('215') && f.expected === 10714.29 && f.actual === 10714.28)).toBe(true);
    }
    const line302 = tails.find((f) => f.rule === 'T6-a' && f.message.includes('302'));
    expect(line302).toMatchObject({ expected: 232.44, actual: 232.43 });
    expect(line302!.cells.length).toBe(28); // the 302 cell and its 27 items
    expect(report.summary.tail).toBe(tails.length);
  });

  it('warns where the 06 economic codes and the 05 functional 项 disagree (X13)', () => {
    const x13 = report.findings.filter((f) => f.rule === 'X13');
    expect(x13.map((f) => [f.expected, f.actual])).toEqual([
      [175.39, 171.84],
      [105.39, 82.93],
      [159.16, 174.53],
    ]);
    expect(x13.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('every finding names cells as Sheet!A1 within the tables it found', () => {
    const cells = report.findings.filter((x) => /^\d{2}$/.test(x.table)).flatMap((f) => f.cells);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/^公开0\d表 .+![A-Z]+\d+$/);
  });
});
