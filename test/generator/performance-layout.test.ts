// The one 绩效自评 layout, used both by the example workbook (reference JSON) and by the synthetic benchmarks.
import { PROJECTS_PER_SHEET, performanceTableLayouts } from '../../src/generator/performance-layout';
import { readPerformance } from '../../src/readers/performance';
import { performanceLayouts } from '../../src/synthetic/performance';
import { performanceSheets } from '../../scripts/examples/performance-sheets';
import { loadReference, snapshotOf } from '../performance/helpers';

describe('performance-layout', () => {
  it('lays the reference document out as 6 project sheets of up to ten tables, then the 部门整体 sheet', () => {
    const sheets = performanceSheets(loadReference());
    expect(PROJECTS_PER_SHEET).toBe(10);
    expect(sheets.map((s) => s.name)).toEqual([
      '绩效自评1-10',
      '绩效自评11-20',
      '绩效自评21-30',
      '绩效自评31-40',
      '绩效自评41-50',
      '绩效自评51-56',
      '部门整体绩效自评',
    ]);
    for (const s of sheets) expect(s.pageSetup).toEqual({ orientation: 'landscape', paperSize: 'A4', fitToWidth: true });
    expect(sheets[6].columnWidths).toEqual([16, 14, 16, 14, 14, 14, 14, 14, 14, 8, 8]);
  });

  it('lays synthetic tables out the same way: read back, they are the tables generated', () => {
    const sheets = performanceLayouts(2024, { projects: 12, dept: true, indicators: 6 }, '某单位', 2024);
    expect(sheets.map((s) => s.name)).toEqual(['绩效自评1-10', '绩效自评11-12', '部门整体绩效自评']);
    expect(sheets.every((s) => s.pageSetup === undefined)).toBe(true);
    const read = readPerformance(snapshotOf(sheets));
    expect(read.projects.map((p) => p.name)).toEqual(Array.from({ length: 12 }, (_v, i) => `合成项目${i + 1}专项资金`));
    expect(read.projects.every((p) => p.indicators.length === 6)).toBe(true);
    expect(read.depts).toHaveLength(1);
  });

  it('writes figures as given and merges runs of equal 一级/二级 labels', () => {
    const ind = (level2: string, level3: string) => ({
      level1: '产出指标',
      level2,
      level3,
      target: '≥1个',
      actual: 1,
      weight: 45,
      score: 45,
      note: null,
    });
    const [sheet] = performanceTableLayouts({
      year: 2024,
      projects: [
        {
          index: 7,
          name: '某项目',
          主管部门: null,
          实施单位: null,
          funds: [{ label: '年度资金总额', 年初预算数: 1, 全年预算数: 1, 全年执行数: null, 分值: '—', 执行率: 100, 得分: 10 }],
          goals: { expected: null, actual: null },
          indicators: [ind('数量指标', 'a'), ind('数量指标', 'b')],
          总分: 100,
        },
      ],
    });
    expect(sheet.name).toBe('绩效自评7-7');
    const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value;
    expect(at(5, 4)).toBeNull();
    expect(at(5, 5)).toBe('—');
    // Indicator rows start under the 绩效指标 header at row 8; 一级 and 二级 are merged over both rows.
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 9, left: 1, bottom: 10, right: 1 },
        { top: 9, left: 2, bottom: 10, right: 2 },
      ]),
    );
    expect(at(11, 0)).toBe('总分');
    expect(at(11, 7)).toBe(100);
  });
});
