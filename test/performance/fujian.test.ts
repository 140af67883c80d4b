// Fujian 2018 rubric: expected scores computed by hand from the rule texts quoted in the test names.
import { checkFujianForm, type FujianRow } from '../../src/core/performance/fujian';
import { CONDITIONS as C, FUJIAN_2018_FORMS } from '../../src/core/performance/rubrics/fujian-2018';

const R17 = FUJIAN_2018_FORMS['fujian-2018-r17'];
const S17 = FUJIAN_2018_FORMS['fujian-2018-s17'];
const R18 = FUJIAN_2018_FORMS['fujian-2018-r18'];

/** Expected score of one row, by checking a one-row table (the row's own findings only). */
function scoreOf(form: typeof R17, row: Omit<FujianRow, 'score'>): number | null {
  return checkFujianForm(form, { project: 't', rows: [{ ...row, score: null }], total: null, grade: null }).expected[0];
}

describe('R17 common indicators', () => {
  it.each([
    ['本指标6分。目标完成率A=目标实际完成数量/期初目标编制数量,得分为6×A — 8 of 10', { numerator: 8, denominator: 10 }, 4.8],
    ['本指标6分 caps 6×A — 12 of 10', { numerator: 12, denominator: 10 }, 6],
  ])('R17.C01 %s', (_t, inputs, expected) => {
    expect(scoreOf(R17, { rule: 'R17.C01', inputs })).toBeCloseTo(expected, 9);
  });

  it('R17.C02 「B=100%时得6分，B﹤100%时得分为6×B」: B = 90% → 5.4; B = 105% → 6', () => {
    expect(scoreOf(R17, { rule: 'R17.C02', inputs: { ratio: 0.9 } })).toBeCloseTo(5.4, 9);
    expect(scoreOf(R17, { rule: 'R17.C02', inputs: { ratio: 1.05 } })).toBe(6);
  });

  it('R17.C03 「“财政部门核拨数”为0时，本项不得分」: denominator 0 → 0', () => {
    expect(scoreOf(R17, { rule: 'R17.C03', inputs: { numerator: 50, denominator: 0 } })).toBe(0);
    expect(scoreOf(R17, { rule: 'R17.C03', inputs: { numerator: 50, denominator: 100 } })).toBe(3);
  });

  it('R17.C05 「期初每编制1个绩效目标得0.3分，本项最高3分」: 7 → 2.1; 12 → 3', () => {
    expect(scoreOf(R17, { rule: 'R17.C05', inputs: { count: 7 } })).toBeCloseTo(2.1, 9);
    expect(scoreOf(R17, { rule: 'R17.C05', inputs: { count: 12 } })).toBe(3);
  });

  it('R17.C07 「不满10种的按比例计分（如期初编制三类5种目标，得分为5×5/10=2.5分）」', () => {
    expect(scoreOf(R17, { rule: 'R17.C07', inputs: { count: 5 } })).toBe(2.5);
  });

  it('R17.C12 「有1处不符合扣0.5分，扣完为止。无项目管理制度此项不得分」: 3 issues → 0.5; 5 → 0; no 制度 → 0', () => {
    const row = (issues: number, rules: boolean) => scoreOf(R17, { rule: 'R17.C12', inputs: { issues, conditions: { [C.projectRules]: rules } } });
    expect(row(3, true)).toBe(0.5);
    expect(row(5, true)).toBe(0);
    expect(row(0, false)).toBe(0);
  });

  it('R17.C16 「开展自查得1分，自查每发现1个问题并进行整改加0.5分，本指标最高3分」: 3 → 2.5; 6 → 3; none → 0', () => {
    const row = (count: number, done: boolean) => scoreOf(R17, { rule: 'R17.C16', inputs: { count, conditions: { [C.selfInspection]: done } } });
    expect(row(3, true)).toBe(2.5);
    expect(row(6, true)).toBe(3);
    expect(row(3, false)).toBe(0);
  });

  it('R17.C04 「领导小组得3分；…成立评价工作组得3分」: one of two → 3', () => {
    expect(scoreOf(R17, { rule: 'R17.C04', inputs: { conditions: { [C.leadingGroup]: true, [C.evaluationTeam]: false } } })).toBe(3);
  });
});

describe('R17 alternative individual indicators', () => {
  it('R17.B01 「100%﹤E≦105%时，得分为：分值-100×（E-100%）（如分值为5分，E=102.8%，得分为5-2.8=2.2分），E＞105%不得分」', () => {
    expect(scoreOf(R17, { rule: 'R17.B01', weight: 5, inputs: { ratio: 1.028 } })).toBeCloseTo(2.2, 9);
    expect(scoreOf(R17, { rule: 'R17.B01', weight: 5, inputs: { ratio: 0.9 } })).toBe(5);
    expect(scoreOf(R17, { rule: 'R17.B01', weight: 5, inputs: { ratio: 1.06 } })).toBe(0);
  });

  it('R17.B08 「H≧50%得满分；H≦0不得分；0﹤H﹤50%时，得分为分值Z×H/50%（如：Z=5，H=48%，得分为5×48%/50%=4.8分）」', () => {
    expect(scoreOf(R17, { rule: 'R17.B08', weight: 5, inputs: { ratio: 0.48 } })).toBeCloseTo(4.8, 9);
    expect(scoreOf(R17, { rule: 'R17.B08', weight: 5, inputs: { ratio: -0.1 } })).toBe(0);
    expect(scoreOf(R17, { rule: 'R17.B08', weight: 5, inputs: { ratio: 0.6 } })).toBe(5);
  });

  it('R17.B09 「I≧3%得满分；0≦I﹤3%时，得分为分值Z×I/3%，（如：Z=5，I=2.1%，则得分为5×2.1%/3%=3.5分）」', () => {
    expect(scoreOf(R17, { rule: 'R17.B09', weight: 5, inputs: { ratio: 0.021 } })).toBeCloseTo(3.5, 9);
  });

  it('R17.B10 财政投入乘数 「J﹤10时每少1按分值的10%扣分，扣完为止（如：分值为5，J为7.1，则得分为5-30%*5=3.5分）」', () => {
    const j = (ratio: number) => scoreOf(R17, { rule: 'R17.B10', weight: 5, inputs: { ratio } });
    expect(j(7.1)).toBeCloseTo(3.5, 9); // 10 − 7.1 = 2.9 → 3 steps
    expect(j(7)).toBeCloseTo(3.5, 9); // exactly 3 short → 3 steps, not 4
    expect(j(9.99)).toBeCloseTo(4.5, 9); // any shortfall is a step
    expect(j(0.5)).toBe(0); // 10 steps: 扣完为止
    expect(j(12)).toBe(5);
  });

  it('R17.B11 「就业人员超过100人得满分，低于100人按比例计分」: 80 of weight 4 → 3.2', () => {
    expect(scoreOf(R17, { rule: 'R17.B11', weight: 4, inputs: { ratio: 80 } })).toBeCloseTo(3.2, 9);
  });
});

const r17Common: FujianRow[] = [
  { rule: 'R17.C01', inputs: { numerator: 10, denominator: 10 }, score: 6 },
  { rule: 'R17.C02', inputs: { ratio: 0.95 }, score: 5.7 },
  { rule: 'R17.C03', inputs: { numerator: 95, denominator: 95 }, score: 6 },
  { rule: 'R17.C04', inputs: { conditions: { [C.leadingGroup]: true, [C.evaluationTeam]: true } }, score: 6 },
  { rule: 'R17.C05', inputs: { count: 10 }, score: 3 },
  { rule: 'R17.C06', inputs: { count: 8 }, score: 4 },
  { rule: 'R17.C07', inputs: { count: 7 }, score: 3.5 },
  { rule: 'R17.C08', inputs: { ratio: 0.95 }, score: 5.7 },
  { rule: 'R17.C09', inputs: { conditions: { [C.monitoring]: true } }, score: 5 },
  { rule: 'R17.C10', inputs: { conditions: { [C.keyMonitoring]: false } }, score: 0 },
  { rule: 'R17.C11', inputs: { conditions: { [C.projectRules]: true } }, score: 2 },
  { rule: 'R17.C12', inputs: { issues: 1, conditions: { [C.projectRules]: true } }, score: 1.5 },
  { rule: 'R17.C13', inputs: { conditions: { [C.fundRules]: true } }, score: 2 },
  { rule: 'R17.C14', inputs: { issues: 0, conditions: { [C.fundRules]: true } }, score: 2 },
  { rule: 'R17.C15', inputs: { issues: 2, conditions: { [C.inspected]: true } }, score: 2 },
  { rule: 'R17.C16', inputs: { count: 2, conditions: { [C.selfInspection]: true } }, score: 2 },
];
const r17Individual: FujianRow[] = [
  { rule: 'R17.B10', weight: 6, inputs: { ratio: 7.1 }, score: 4.2 },
  { rule: 'R17.B01', weight: 6, inputs: { ratio: 1.028 }, score: 3.2 },
  { rule: 'R17.X', weight: 6, inputs: { numerator: 9, denominator: 10 }, score: 5.4 },
  { rule: 'R17.X', weight: 6, inputs: { numerator: 11, denominator: 10 }, score: 6 },
  { rule: 'R17.B08', weight: 6, inputs: { ratio: 0.48 }, score: 5.76 },
  { rule: 'R17.B05', weight: 6, inputs: { conditions: { [C.acceptance]: true } }, score: 6 },
];

describe('R17 whole table (共性 64% + 个性 36%)', () => {
  it('「总权重、评价总分（S）」: S = 56.4 + 30.56 = 86.96, 良好（90﹥S≧75）, no findings', () => {
    const r = checkFujianForm(R17, { project: 'p', rows: [...r17Common, ...r17Individual], total: 86.96, grade: '良好' });
    expect(r.findings).toEqual([]);
    expect(r.recomputedTotal).toBeCloseTo(86.96, 9);
    expect(r.totalWeight).toBe(100);
    expect(r.grade).toBe('良好');
  });

  it('「单个评价指标权重不得超过6%且各个指标之间的权重差不得超过0.5%」 and a score above its weight', () => {
    const rows = [...r17Common, ...r17Individual.slice(0, 5), { rule: 'R17.X', weight: 5, inputs: { ratio: 1 }, score: 5.5 }];
    const r = checkFujianForm(R17, { project: 'p', rows, total: null, grade: null });
    expect(r.findings.filter((f) => f.rule === 'F3').map((f) => f.actual)).toEqual([1]); // spread 6 − 5
    expect(r.findings.filter((f) => f.rule === 'F2').map((f) => [f.expected, f.actual])).toEqual([[5, 5.5]]);
  });

  it('a printed score that contradicts its rule is an error naming the rule text', () => {
    const rows = r17Common.map((row) => (row.rule === 'R17.C05' ? { ...row, score: 3.5 } : row));
    const r = checkFujianForm(R17, { project: 'p', rows: [...rows, ...r17Individual], total: null, grade: null });
    const f1 = r.findings.filter((f) => f.rule === 'F1');
    expect(f1.map((f) => [f.expected, f.actual])).toEqual([[3, 3.5]]);
    expect(f1[0].message).toContain('期初每编制1个绩效目标得0.3分，本项最高3分。');
  });
});

describe('S17 简易自评表', () => {
  const rows: FujianRow[] = [
    { rule: 'S17.F', weight: 15, inputs: { ratio: 0.945 }, score: 14 },
    { rule: 'S17.F', weight: 15, inputs: { ratio: 1.05 }, score: 15 },
    { rule: 'S17.F', weight: 20, inputs: { ratio: 1 }, score: 20 },
    { rule: 'S17.F', weight: 20, inputs: { ratio: 0.9 }, score: 18 },
    { rule: 'S17.F', weight: 15, inputs: { ratio: 1 }, score: 15 },
    { rule: 'S17.F', weight: 15, inputs: { ratio: 0.8 }, score: 12 },
  ];

  it('「得分F为分值E×完成比例D，最高不超过分值E」: 15 × 94.5% = 14.175, printed 14 is reported; 15 × 105% → 15', () => {
    const r = checkFujianForm(S17, { project: 'p', rows, total: 94, grade: '优秀' });
    expect(r.expected[0]).toBeCloseTo(14.175, 9);
    expect(r.expected[1]).toBe(15);
    expect(r.findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['F1', 'error', 14.18, 14]]);
    expect(r.recomputedTotal).toBeCloseTo(94.18, 9);
  });

  it('「分值由单位自行设定，但各指标分值的差不得超过5分」 and Σ E = 100', () => {
    const uneven = rows.map((row, i) => (i === 2 ? { ...row, weight: 25, score: 25 } : row));
    const r = checkFujianForm(S17, { project: 'p', rows: uneven, total: null, grade: null });
    expect(r.findings.filter((f) => f.rule === 'F3').map((f) => [f.expected, f.actual])).toEqual([
      [5, 10],
      [100, 105],
    ]);
  });
});

describe('R18 项目常规自评表 (共性50 + 个性 + 调整指标2)', () => {
  const rows: FujianRow[] = [
    { rule: 'R18.C01', inputs: { numerator: 9, denominator: 10 }, score: 4.5 },
    { rule: 'R18.C02', inputs: { ratio: 0.96 }, score: 4.8 },
    { rule: 'R18.C03', inputs: { numerator: 96, denominator: 100 }, score: 4.8 },
    { rule: 'R18.C04', inputs: { numerator: 0, denominator: 0 }, score: 5 },
    { rule: 'R18.C05', inputs: { conditions: { [C.r18LeadingGroup]: true } }, score: 2 },
    { rule: 'R18.C06', inputs: { conditions: { [C.r18EvaluationTeam]: true } }, score: 2 },
    { rule: 'R18.C07', inputs: { conditions: { [C.thirdParty]: false } }, score: 0 },
    { rule: 'R18.C08', inputs: { count: 8 }, score: 4 },
    { rule: 'R18.C09', inputs: { count: 6 }, score: 3 },
    { rule: 'R18.C10', inputs: { ratio: 1.553 }, score: 5 },
    { rule: 'R18.C11', inputs: { count: 1, conditions: { [C.monitoring]: true } }, score: 4 },
    { rule: 'R18.C12', inputs: { conditions: { [C.projectRules]: true } }, score: 2 },
    { rule: 'R18.C13', inputs: { issues: 1, conditions: { [C.projectRules]: true } }, score: 2 },
    { rule: 'R18.I', weight: 7, inputs: { numerator: 8, denominator: 10 }, score: 5.6 },
    { rule: 'R18.I', weight: 7, inputs: { numerator: 10, denominator: 10 }, score: 7 },
    { rule: 'R18.I', weight: 7, inputs: { numerator: 12, denominator: 10 }, score: 7 },
    { rule: 'R18.I', weight: 7, inputs: { numerator: 5, denominator: 10 }, score: 3.5 },
    { rule: 'R18.A01', inputs: { issues: 1, conditions: { [C.externalInspection]: true } }, score: 1 },
  ];

  it('「“结余结转资金计划数”为0时，本项得满分」 and 「目标完成质量E…得分为5×E」 capped (155.30% × 5 = 7.76 → 5)', () => {
    const r = checkFujianForm(R18, { project: 'p', rows, total: null, grade: null });
    expect(r.expected[3]).toBe(5);
    expect(r.expected[9]).toBe(5);
    expect(r.expected[10]).toBe(4); // 「开展预算执行监控…得3分，…每个得1分」: 3 + 1
  });

  it('总分值 = 50 + Σ个性 + 2 = 80; S = 43.1 + 23.1 + 1 = 67.2 is 合格 (no rescaling to 100)', () => {
    const r = checkFujianForm(R18, { project: 'p', rows, total: 67.2, totalWeight: 80, grade: '合格' });
    expect(r.findings).toEqual([]);
    expect(r.totalWeight).toBe(80);
    expect(r.recomputedTotal).toBeCloseTo(67.2, 9);
    expect(r.grade).toBe('合格');
  });

  it('a grade taken from S rescaled to 100 (67.2 / 80 = 84 → 良好) is reported', () => {
    const r = checkFujianForm(R18, { project: 'p', rows, total: 67.2, totalWeight: 80, grade: '良好' });
    expect(r.findings.map((f) => f.rule)).toEqual(['F5']);
    expect(r.findings[0].message).toContain('合格');
  });

  it('a 总分值 or S that does not add up is reported', () => {
    const r = checkFujianForm(R18, { project: 'p', rows, total: 70, totalWeight: 100, grade: null });
    expect(r.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([
      ['F3', 80, 100],
      ['F4', 67.2, 70],
    ]);
  });
});
