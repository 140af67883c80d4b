// The three Fujian 2018 self-evaluation forms (R17, R18, S17) as example sheets, from invented figures (no real
// document's). Scores are what each rule gives, rounded to 2 decimals as units print them. Layout facts:
// docs/fujian-forms.md. Each builder returns the sheet and where its figures stand (for the tests).
import { evaluateFormula, roundScore, type FormulaInputs } from '../../src/core/performance/formulas';
import { gradeOf } from '../../src/core/performance/rubric';
import { FUJIAN_2018_FORMS, FUJIAN_GRADES, type FujianForm } from '../../src/core/performance/rubrics/fujian-2018';
import type { CellValue } from '../../src/port/snapshot';
import type { SheetLayout } from '../../src/port/layout';

export interface Built {
  layout: SheetLayout;
  /** `score:<三级>`, `weight:<三级>`, `total`, `totalWeight`, `grade`, … → 0-based cell. */
  at: Record<string, { row: number; col: number }>;
}

class Sheet {
  readonly cells: SheetLayout['cells'] = [];
  readonly at: Built['at'] = {};
  row = 0;
  constructor(readonly name: string) {}
  line(values: (CellValue | undefined)[], marks: Record<number, string> = {}): number {
    values.forEach((value, col) => {
      if (value !== undefined && value !== null && value !== '') this.cells.push({ row: this.row, col, value, style: { border: true, wrap: true } });
    });
    for (const [col, key] of Object.entries(marks)) this.at[key] = { row: this.row, col: Number(col) };
    return this.row++;
  }
  built(widths: number[]): Built {
    return { layout: { name: this.name, cells: this.cells, merges: [], columnWidths: widths }, at: this.at };
  }
}

function score(form: FujianForm, ruleId: string, inputs: Omit<FormulaInputs, 'weight'>, weight?: number): number {
  const rule = form.rules.find((r) => r.id === ruleId)!;
  const r = evaluateFormula(rule.formula, { ...inputs, weight: weight ?? rule.weight! });
  if (!r.ok) throw new Error(`${ruleId}: ${r.missing}`);
  return roundScore(r.score);
}

const sum = (xs: number[]) => roundScore(xs.reduce((a, b) => a + b, 0));
const box = (grade: string) => FUJIAN_GRADES.map((g) => `${g.grade === grade ? '■' : '□'}${g.ruleText}`).join(' ');

// ---------------------------------------------------------------- S17
export const S17_DATA = {
  project: '社区居家养老服务站运营补助',
  unit: '某区民政局',
  approval: '某财绩〔2017〕8号',
  /** Columns 当年预算 | 以前年度结余结转 | 本年追加 | 其他来源 | 合计 (万元). */
  income: [50, 0, 10, 0, 60],
  spending: [48, 0, 10, 0, 58],
  /** slot, 三级, A, B, C, D as printed, E. */
  indicators: [
    ['投入', '时效指标', '目标完成率（当年完成目标数量/年度绩效目标数量）', 5, null, 5, '100%', 12],
    ['投入', '成本指标', '预算执行率（当年预算实际支出数/当年预算数）', 50, null, 48, '96%', 12],
    ['投入', '其它资源投入指标', null, null, null, null, null, null],
    ['产出', '数量指标', '上门服务人次', 12000, null, 12600, 1.05, 15],
    ['产出', '质量指标', '服务回访合格率（%）', 90, null, 88, '97.78%', 14],
    ['效益', '经济效益指标', null, null, null, null, null, null],
    ['效益', '社会效益指标', '受益老人户数', null, 300, 285, 0.95, 15],
    ['效益', '环境效益指标', null, null, null, null, null, null],
    ['效益', '可持续影响指标', '站点持续运营月数', 12, null, 12, 1, 16],
    ['效益', '服务对象满意度指标', '服务对象满意度（%）', 90, null, 93, '103.33%', 16],
  ] as [string, string, string | null, number | null, number | null, number | null, string | number | null, number | null][],
};

export function buildS17(data = S17_DATA): Built & { scores: number[]; total: number; grade: string } {
  const form = FUJIAN_2018_FORMS['fujian-2018-s17'];
  const s = new Sheet('简易自评表');
  s.line(['四、项目常规自评表']); // headed 常规 although the form is 简易 (docs/fujian-forms.md)
  s.line(['项目名称', data.project]);
  s.line(['项目承担单位', data.unit]);
  s.line(['项目绩效目标批复文件', data.approval]);
  s.line(['项目资金（万元）', '当年预算', '以前年度结余结转', '本年追加', '其他来源', '合计']);
  s.line(['收入', ...data.income]);
  s.line(['支出', ...data.spending]);
  s.line(['结余', ...data.income.map((x, i) => roundScore(x - data.spending[i]))]);
  s.line(['收入支出比', ...data.income.map((x, i) => (x ? `${roundScore((data.spending[i] / x) * 100)}%` : '/'))]);
  s.line([
    '绩\n效\n评\n价\n指\n标\n体\n系',
    '一级指标',
    '二级指标',
    '三级指标',
    '财政批复目标值（A）',
    '增编指标计划值（B）',
    '实际完成值（C）',
    '完成比例（D=C/A或C/B）',
    '评分标准（不得更改）',
    '分值（E）',
    '得分（F）',
  ]);
  const scores: number[] = [];
  for (const [l1, l2, l3, a, b, c, d, e] of data.indicators) {
    if (l3 === null || e === null) {
      s.line([undefined, l1, l2, '/', '/', '/', '/', '/', '/', '/', '/']);
      continue;
    }
    const f = score(form, 'S17.F', { numerator: c!, denominator: (a ?? b)! }, e);
    scores.push(f);
    s.line([undefined, l1, l2, l3, a ?? '/', b ?? '/', c, d, `本指标${e}分，得分F为分值E×完成比例D，最高不超过分值E。`, e, f], {
      9: `weight:${l3}`,
      10: `score:${l3}`,
    });
  }
  const total = sum(scores);
  const totalWeight = sum(data.indicators.map((i) => i[7] ?? 0));
  s.line(['总权重、评价总分 （S）', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, totalWeight, total], {
    9: 'totalWeight',
    10: 'total',
  });
  const grade = gradeOf(total, form.grades)!;
  s.line(['评价等级', box(grade)], { 1: 'grade' });
  return { ...s.built([22, 8, 14, 30, 12, 12, 12, 14, 30, 8, 8]), scores, total, grade };
}
