import { refText } from '../../src/core/cells';
import { fundRow } from '../../src/core/performance/model';
import { readPerformance } from '../../src/readers/performance';
import { loadReference, referenceSnapshot, snapshotOf } from './helpers';
import type { SheetLayout } from '../../src/port/layout';

describe('readPerformance on the reference tables laid out by performanceSheets', () => {
  const ref = loadReference();
  const read = readPerformance(referenceSnapshot());

  it('finds all 56 project tables and the 部门整体 table, in order, by title', () => {
    expect(read.projects.map((p) => p.name)).toEqual(ref.performance.map((p) => p.name));
    expect(read.depts.map((d) => d.name)).toEqual(['153001 部门整体']);
  });

  it('reads every figure as the reference prints it, with its cell', () => {
    ref.performance.forEach((refProject, i) => {
      const p = read.projects[i];
      const total = fundRow(p, 'total')!;
      const f = refProject.funds['年度资金总额'];
      expect(total.budget.minor).toBe(f['全年预算数'] == null ? null : Math.round(f['全年预算数']! * 1e6));
      expect(total.spent.minor).toBe(f['全年执行数'] == null ? null : Math.round(f['全年执行数']! * 1e6));
      expect(total.rate.value).toBe(f['执行率'] ?? null);
      expect(total.score.value).toBe(f['得分'] ?? null);
      expect(p.total.value).toBe(refProject.总分);
      expect(p.indicators.length).toBe(refProject.indicators.length);
      let level1 = '';
      p.indicators.forEach((ind, k) => {
        const r = refProject.indicators[k];
        // A blank 一级指标 continues the one above (the printed tables merge it down).
        level1 = r.level1 ? r.level1.replace(/\s+/g, '') : level1;
        expect(ind.level1).toBe(level1);
        expect(ind.level3.text).toBe(r.level3 ?? '');
        expect(ind.actual.value).toBe(r.actual);
        expect(ind.weight.value).toBe(r.weight);
        expect(ind.score.value).toBe(r.score);
        expect(ind.score.ref).not.toBeNull();
      });
    });
    expect(read.findings).toEqual([]);
  });

  it('keeps each value at its own cell', () => {
    const p = read.projects[0];
    const total = fundRow(p, 'total')!;
    expect(refText(total.rate.ref!)).toMatch(/^绩效自评1-10!G\d+$/);
    expect(total.rate.ref!.row).toBe(total.spent.ref!.row);
    expect(p.indicators[0].score.ref!.col).toBe(7);
    expect(p.indicators[0].target.kind).toBe('quantitative');
  });

  it('reads the 部门整体 funds block', () => {
    const d = read.depts[0];
    expect(d.funds.map((f) => f.key)).toEqual(['total', 'fiscal', 'central', 'provincial', 'local', 'other']);
    expect(d.funds[0].subtotal.minor).toBe(105500.12 * 1e6);
    expect(d.funds[0].weight.value).toBe(10);
    expect(d.total.value).toBe(94.46);
    expect(d.indicators.length).toBe(ref.deptOverall!.indicators.length);
  });
});

describe('readPerformance on hand-made sheets', () => {
  function sheet(rows: (string | number | null)[][], name = 'S'): SheetLayout {
    return {
      name,
      cells: rows.flatMap((line, r) => line.map((value, c) => ({ row: r, col: c, value }))),
      merges: [],
      columnWidths: [],
    };
  }
  const base: (string | number | null)[][] = [
    [null, '项目支出绩效自评表'],
    ['项目名称', '测试项目'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率（%）', '得分'],
    [null, '年度资金总额', 10, 10, 9, 10, 90, 9],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '指标分值', '自评得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '培训人数', '≥ 若干', 5, 90, 90, null],
    [null, null, null, '培训次数', '≥2次', '两次', 'x', 90, null],
    ['总分', null, null, null, null, null, null, 99],
  ];

  it('gives a warning naming the cell for an unparseable target, and an error for a weight that is not a number', () => {
    const read = readPerformance(snapshotOf([sheet(base)]));
    expect(read.projects).toHaveLength(1);
    const p = read.projects[0];
    expect(p.indicators[1].level1).toBe('产出指标');
    const p02 = read.findings.find((f) => f.rule === 'P02')!;
    expect(p02.severity).toBe('warning');
    expect(p02.table).toBe('测试项目');
    expect(p02.message).toContain('S!E6');
    const p01 = read.findings.find((f) => f.rule === 'P01')!;
    expect(p01.message).toContain('S!G7');
    expect(p.indicators[1].actual.invalid).toBe(true);
  });

  it('reports a table without an indicator header instead of crashing', () => {
    const read = readPerformance(snapshotOf([sheet(base.slice(0, 4))]));
    expect(read.findings.map((f) => f.rule)).toEqual(['P00']);
    expect(read.findings[0].message).toContain('S!B1');
  });

  it('names a table without 项目名称 by its title cell, whatever the sheet name holds', () => {
    const rows = base.map((line, r) => (r === 1 ? [null] : line));
    const read = readPerformance(snapshotOf([sheet(rows, '绩效!2024')]));
    expect(read.projects).toHaveLength(1);
    expect(read.findings.length).toBeGreaterThan(0);
    for (const f of read.findings) expect(f.table).toBe('绩效!2024!B1处的绩效自评表');
  });

  it('ignores a section heading with no table under it', () => {
    const read = readPerformance(snapshotOf([sheet([['一、项目支出绩效自评表'], [null], ...base])]));
    expect(read.projects).toHaveLength(1);
    expect(read.findings.filter((f) => f.rule === 'P00')).toEqual([]);
  });
});
