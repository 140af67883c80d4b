// The synthetic workloads: repeatable from a seed, the requested size, and valid (no error, no warning;
// the 尾差 of rounding 元 to 万元 are expected) in both forms, also after a round trip through a file.
import ExcelJS from 'exceljs';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { checkWorkbook } from '../../src/app/check';
import { summarize } from '../../src/core/findings';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { generate } from '../../src/app/generate';
import { SIZES, syntheticUnit, syntheticWorkload, workloadSnapshot } from '../../src/synthetic';
import { workloadBuffer } from '../../src/synthetic/file';

describe('synthetic workloads', () => {
  test('the same seed gives the same workload; another seed another one', () => {
    expect(JSON.stringify(syntheticWorkload('small', 'tables', 5).sheets)).toBe(JSON.stringify(syntheticWorkload('small', 'tables', 5).sheets));
    expect(JSON.stringify(syntheticUnit(5, 20))).not.toBe(JSON.stringify(syntheticUnit(6, 20)));
  });

  test.each(['small', 'reference', 'large'] as const)('%s: the nine tables and the 绩效 tables check without error or warning', (size) => {
    const w = syntheticWorkload(size, 'tables', 3);
    expect(w.unit.items).toHaveLength(SIZES[size].items);
    const report = checkWorkbook(workloadSnapshot(w));
    expect(report.tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(report.projects).toHaveLength(SIZES[size].projects + (SIZES[size].dept ? 1 : 0));
    expect(report.findings.filter((f) => f.severity !== 'tail').map((f) => `${f.rule} ${f.message}`)).toEqual([]);
    expect(report.projects.every((p) => p.printedTotal !== null && Math.abs(p.printedTotal - p.recomputedTotal!) < 1e-9)).toBe(true);
  });

  test('the working-sheet form generates without error, and every 项 row reaches the tables', () => {
    const w = syntheticWorkload('large', 'workings', 4);
    const result = generate(workloadSnapshot(w), FUZHOU_2024);
    expect(result.source).toBe('workings');
    expect(result.findings.filter((f) => f.severity !== 'tail')).toEqual([]);
    const t03 = result.accounts!.tables['03']!;
    const codes = new Set(t03.rows.filter((r) => r.code?.length === 7).map((r) => r.code));
    expect(codes).toEqual(new Set(w.unit.items.map((i) => i.code)));
  });

  test('written to a file and read back, the workload checks the same', async () => {
    const w = syntheticWorkload('small', 'tables', 8);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workloadBuffer(w)) as unknown as ArrayBuffer);
    const fromFile = summarize(checkWorkbook(workbookSnapshot(wb)).findings);
    expect(fromFile).toEqual(summarize(checkWorkbook(workloadSnapshot(w)).findings));
    expect(fromFile.error + fromFile.warning).toBe(0);
  });
});
