import { checkPerformance } from '../../src/app/performance';
import { formatProjectSummaries } from '../../src/cli/project-summary';
import { parseRubricOption, RubricOptionError } from '../../src/core/performance';
import { checkExecInversions, checkIndicator, Sink } from '../../src/core/performance/project-checks';
import type { Indicator } from '../../src/core/performance/model';
import { disclosureRubric } from '../../src/core/performance/options';
import { parseTarget } from '../../src/core/performance/target';
import { minorToUnit } from '../../src/core/money';
import { performanceSheets } from '../../scripts/examples/performance-sheets';
import { loadReference, snapshotOf } from './helpers';

describe('parseRubricOption', () => {
  it('defaults to the 2024 公开表 rubric with no 执行率 rule', () => {
    expect(parseRubricOption()).toEqual({ rubric: 'gongkai-2024', settings: {} });
  });

  it('takes key=value settings', () => {
    expect(parseRubricOption('gongkai-2024', ['execRateRule=tiered', 'execRateTiers=90:10,80:8,0:0', 'lteConvention=b'])).toEqual({
      rubric: 'gongkai-2024',
      settings: { execRateRule: 'tiered', execRateTiers: '90:10,80:8,0:0', lteConvention: 'b' },
    });
  });

  it.each([
    [['execRateRule=tiered'], 'execRateTiers'],
    [['execRateRule=sometimes'], 'sometimes'],
    [['lteConvention=c'], 'lteConvention'],
    [['colour=red'], 'colour'],
    [['execRateRule'], 'key=value'],
  ])('rejects %j with a Chinese message naming the problem', (settings, word) => {
    expect(() => parseRubricOption('gongkai-2024', settings)).toThrow(RubricOptionError);
    expect(() => parseRubricOption('gongkai-2024', settings)).toThrow(word);
  });

  it('rejects an unknown rubric id and lists the known ones', () => {
    expect(() => parseRubricOption('fujian-2019')).toThrow(/fujian-2018-r17/);
  });
});

describe('a tiered 执行率 rule set as data', () => {
  it('checks each 执行率 score against the tiers', () => {
    const ref = loadReference();
    const snapshot = snapshotOf(
      performanceSheets({ ...ref, performance: ref.performance.filter((p) => [13, 31].includes(p.index)), deptOverall: undefined }),
    );
    const options = parseRubricOption('gongkai-2024', ['execRateRule=tiered', 'execRateTiers=90:10,80:8,60:6,0:0']);
    const p3 = checkPerformance(snapshot, options).findings.filter((f) => f.rule === 'P3');
    // 81.54% → 8 by the tiers (printed 10); 93.76% → 10 (printed 7).
    expect(p3.map((f) => [f.expected, f.actual])).toEqual([
      [8, 10],
      [10, 7],
    ]);
  });
});

describe('formatProjectSummaries', () => {
  it('prints one aligned line per project under Chinese headings', () => {
    const text = formatProjectSummaries([
      { project: '软件产业发展专项', sheet: '绩效自评31-40', printedTotal: 90, recomputedTotal: 90, totalIssue: false, grade: '优', findings: 2 },
      { project: '部门整体', sheet: 'S', printedTotal: null, recomputedTotal: 94.46, totalIssue: true, grade: '优', findings: 0 },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^序号\s+项目\s+工作表\s+印刷总分\s+复核总分\s+等级\s+问题数$/);
    expect(lines[2]).toMatch(/软件产业发展专项\s+绩效自评31-40\s+90\s+90\s+优\s+2$/);
    expect(lines[3]).toMatch(/部门整体\s+S\s+—\s+94\.46\s+优\s+0$/);
    expect(text).toContain('绩效自评表共2张，其中1张有问题。');
  });

  it('says so when there is no table', () => {
    expect(formatProjectSummaries([])).toBe('未找到绩效自评表。');
  });
});

describe('部门整体 funds identities', () => {
  const ref = loadReference();
  const dept = ref.deptOverall!;
  function check(funds: typeof dept.funds) {
    const snapshot = snapshotOf(performanceSheets({ ...ref, performance: [], deptOverall: { ...dept, funds } }));
    return checkPerformance(snapshot).findings.filter((f) => f.rule.startsWith('D'));
  }

  it('holds on the reference table', () => {
    expect(check(dept.funds)).toEqual([]);
  });

  it('reports 小计 ≠ ① + ②, ⑤ ≠ ④ ÷ ③, ⑥ ≠ ③ − ④, ⑦ ≠ ⑥ ÷ ③ and rows not adding to 合计', () => {
    const funds = JSON.parse(JSON.stringify(dept.funds));
    funds['中央财政资金']['小计③'] = 3068; // digits swapped: ① + ② = 3086
    funds['中央财政资金']['支出实现率⑤'] = 54.37; // digits swapped too
    funds['省级财政资金']['本年度结余金额⑥'] = 6796.67; // 43014.92 − 36245.25 = 6769.67
    funds['地方财政资金']['资金结余率⑦'] = 9.05; // 5644.30 ÷ 59399.20 = 9.50%
    const found = check(funds).map((f) => [
      f.rule,
      f.expected ?? minorToUnit(f.expectedMinor!, f.unit!),
      f.actual ?? minorToUnit(f.actualMinor!, f.unit!),
    ]);
    // Each change, and what follows from the printed figures it changes (nothing else).
    expect(found).toEqual([
      ['D1', 3086, 3068],
      ['D2', 45.63, 54.37], // against the printed ③: 1400 ÷ 3068
      ['D3', 1668, 1686], // 中央 ⑥ against the printed ③: 3068 − 1400
      ['D4', 54.95, 54.63], // 中央 ⑦: 1686 ÷ 3068
      ['D3', 6769.67, 6796.67],
      ['D4', 15.8, 15.74], // 省级 ⑦ against the printed ⑥: 6796.67 ÷ 43014.92
      ['D4', 9.5, 9.05],
      ['D5', 105482.12, 105500.12], // 财政资金小计 ③: 3068 + 43014.92 + 59399.20
      ['D5', 14126.97, 14099.97], // 财政资金小计 ⑥: 1686 + 6796.67 + 5644.30
    ]);
  });
});

describe('P5 names every project whose lower 执行率 scored higher', () => {
  const ref = (row: number) => ({ sheet: '绩效', row, col: 5 });
  const point = (project: string, rate: number, score: number, row: number) => ({ project, rate, score, weight: 10, scoreRef: ref(row) });

  test('one finding for the contradicted project, with each project that contradicts it and its cell', () => {
    const found = checkExecInversions([point('甲', 90, 7, 1), point('乙', 80, 10, 2), point('丙', 70, 9, 3), point('丁', 95, 10, 4)]);
    expect(found).toHaveLength(1);
    expect(found[0].table).toBe('甲');
    expect(found[0].cells).toEqual([ref(1), ref(3), ref(2)]);
    expect(found[0].message).toContain('项目“丙”执行率70%得9分（绩效!F4）');
    expect(found[0].message).toContain('项目“乙”执行率80%得10分（绩效!F3）');
    expect(found[0].expected).toBe(9);
  });

  test('no finding when a higher rate never scores lower', () => {
    expect(checkExecInversions([point('甲', 90, 10, 1), point('乙', 80, 9, 2), point('丙', 70, 9, 3)])).toEqual([]);
  });
});

describe('P17: a full score on an indicator whose notes say the work is not finished', () => {
  const ref = (col: number) => ({ sheet: '绩效', row: 9, col });
  const num = (value: number | null, col: number, raw: string | number | null = value) => ({
    value,
    ref: ref(col),
    blank: value === null && raw === null,
    invalid: value === null && raw !== null,
    raw,
  });
  const indicator = (actual: ReturnType<typeof num>, score: number, reason: string): Indicator => ({
    level1: '产出指标',
    level2: '质量指标',
    level3: { text: '规划编制完成率', ref: ref(2) },
    target: parseTarget('定性'),
    targetRef: ref(3),
    actual,
    weight: num(10, 5),
    score: num(score, 6),
    reason: { text: reason, ref: ref(7) },
  });
  const p17 = (ind: Indicator) => {
    const sink = new Sink('项目');
    checkIndicator(ind, undefined, disclosureRubric({}), sink);
    return sink.findings.filter((f) => f.rule === 'P17');
  };

  test('实际完成值 “正在编制” with 10 of 10 is a 提示 at the score and the note', () => {
    const found = p17(indicator(num(null, 4, '规划正在编制'), 10, ''));
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].cells).toEqual([ref(6), ref(4)]);
    expect(found[0].message).toContain('规划正在编制');
  });

  test('偏差原因 “尚未验收” with full marks is a 提示; with less than full marks or a finished note, nothing', () => {
    expect(p17(indicator(num(null, 4, '达成'), 10, '项目尚未验收'))).toHaveLength(1);
    expect(p17(indicator(num(null, 4, '规划正在编制'), 8, '正在编制，年内完成'))).toEqual([]);
    expect(p17(indicator(num(null, 4, '已完成'), 10, '按期完成'))).toEqual([]);
  });
});

describe('P8: a blank score where the actual value earns nothing', () => {
  const ref = (col: number) => ({ sheet: '绩效', row: 12, col });
  const cell = (value: number | null, col: number) => ({ value, ref: ref(col), blank: value === null, invalid: false, raw: value });
  const indicator = (target: string, actual: number): Indicator => ({
    level1: '产出指标',
    level2: '时效指标',
    level3: { text: '任务完成及时率', ref: ref(2) },
    target: parseTarget(target),
    targetRef: ref(3),
    actual: cell(actual, 4),
    weight: cell(10, 5),
    score: cell(null, 6),
    reason: { text: '', ref: ref(7) },
  });
  const p8 = (ind: Indicator) => {
    const sink = new Sink('项目');
    const score = checkIndicator(ind, undefined, disclosureRubric({}), sink);
    return { score, found: sink.findings.filter((f) => f.rule === 'P8') };
  };

  test('=100% with 0 done: a 提示, counted as 0', () => {
    const { score, found } = p8(indicator('=100%', 0));
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0].message).toContain('按0分计');
    expect(score).toBe(0);
  });

  test('an actual value that earns points: the blank score stays an error', () => {
    expect(p8(indicator('=100%', 80)).found.map((f) => f.severity)).toEqual(['error']);
    expect(p8(indicator('≤12万元', 0)).found.map((f) => f.severity)).toEqual(['error']);
  });
});
