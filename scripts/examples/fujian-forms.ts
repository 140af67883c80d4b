// The three Fujian 2018 self-evaluation forms (R17, R18, S17) as example sheets, from invented figures (no real
// document's). Scores are what each rule gives, rounded to 2 decimals as units print them. Layout facts:
// docs/fujian-forms.md. Each builder returns the sheet and where its figures stand (for the tests).
import { evaluateFormula, roundScore, type FormulaInputs } from '../../src/core/performance/formulas';
import { gradeOf } from '../../src/core/performance/rubric';
import { CONDITIONS as K, FUJIAN_2018_FORMS, FUJIAN_GRADES, type FujianForm } from '../../src/core/performance/rubrics/fujian-2018';
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

// ---------------------------------------------------------------- R18
const C = (id: string) => FUJIAN_2018_FORMS['fujian-2018-r18'].rules.find((r) => r.id === id)!;

export const R18_DATA = {
  project: '中小企业公共服务平台建设',
  unit: '某市工业和信息化局',
  /** 序号, 资金性质, 计划数, 到位数, 支出数 (万元); 结余数 = 到位数 − 支出数. */
  funds: [
    ['1', '本级财政资金', 200, 200, 186],
    ['', '其中：当年预算', 160, 160, 150],
    ['', '以前年度结余结转', 40, 40, 36],
    ['', '当年追加', 0, 0, 0],
    ['2', '其他来源资金', 0, 0, 0],
  ] as [string, string, number, number, number][],
  /** 目标分类, 分类细化, 内容, 方向, 目标值, 计量单位, 完成值. */
  targets: [
    ['投入', '时效目标', '项目按期完成率', '大于等于', 100, '%', 100],
    ['投入', '成本目标', '预算控制数', '等于', 200, '万元', 186],
    ['产出', '数量目标', '服务企业数', '大于等于', 150, '家', 168],
    ['产出', '质量目标', '服务合格率', '大于等于', 95, '%', 97],
    ['效益', '经济效益目标', '带动企业融资额', '大于等于', 5000, '万元', 4600],
    ['效益', '社会效益目标', '组织培训场次', '大于等于', 20, '场', 22],
    ['效益', '服务对象满意度目标', '企业满意度', '大于等于', 90, '%', 94],
  ] as [string, string, string, string, number, string, number][],
  /** 个性 indicators (7 points each) by target name, plus an empty 环境效益 slot. */
  individual: ['服务企业数', '服务合格率', '带动企业融资额', '组织培训场次', '企业满意度'],
  individualWeight: 7,
  /** What the form does not print: 组织保障, 第三方, 监控问题数, 制度, 不符合处数, 外部检查问题数. */
  leadingGroup: true,
  evaluationTeam: true,
  thirdParty: false,
  monitoringIssues: 1,
  rulesIssues: 1,
  inspectionIssues: 1,
};

export function buildR18(data = R18_DATA): Built & { total: number; totalWeight: number; grade: string; common: Record<string, number> } {
  const form = FUJIAN_2018_FORMS['fujian-2018-r18'];
  const s = new Sheet('常规自评表2018');
  s.line(['六、项目常规自评表']);
  s.line(['一\n基\n础\n信\n息', '项目名称', data.project]);
  s.line([undefined, '单位性质', '行政机关■ 参公事业单位□ 非参公事业单位□ 企业□ 其他□']);
  s.line([undefined, '单位地址', '某市某路1号', '邮政编码', '350000']);
  s.line([undefined, '项目类型', '常年发展性项目□ 一次性发展项目■ 业务性专项□']);
  s.line(['二 项目资金情况', '序号', '资金性质', '计划数(万元)', '到位数(万元)', '支出数(万元)', '结余数(万元)']);
  for (const [no, name, plan, arrived, spent] of data.funds) s.line([undefined, no, name, plan, arrived, spent, roundScore(arrived - spent)]);
  const tot = [2, 3, 4].map((i) => sum(data.funds.filter((f) => f[0] !== '').map((f) => f[i] as number)));
  s.line([undefined, undefined, '合 计(万 元)', ...tot, roundScore(tot[1] - tot[2])]);
  const [current, carried] = [data.funds[1], data.funds[2]];
  const pct = (n: number, d: number) => (d ? `${roundScore((n / d) * 100)}%` : '/');
  s.line([undefined, '预算执行率(当年预算支出数/当年预算计划数)', pct(current[4], current[2])]);
  s.line([undefined, '资金使用率(当年预算支出数/当年预算到位数)', pct(current[4], current[3])]);
  s.line([undefined, '结余结转资金使用率(以前年度结余结转支出数/以前年度结余结转计划数)', pct(carried[4], carried[2])]);
  s.line(['三 项目绩效目标设置及完成情况', '绩效目标批复文号：某财绩〔2018〕15号']);
  s.line([undefined, '目标分类(类)', '分类细化(种)', '绩效目标内容(个)', '方向', '目标值', '计量单位', '完成状态(是/否)', '完成值', '目标完成程度(完成值/目标值)']);
  const met = (t: (typeof data.targets)[number]) => (t[3] === '等于' ? t[6] <= t[4] : t[6] >= t[4]);
  const degrees = data.targets.map((t) => t[6] / t[4]);
  data.targets.forEach((t) => s.line([undefined, t[0], t[1], t[2], t[3], t[4], t[5], met(t) ? '是' : '否', t[6], pct(t[6], t[4])]));
  const done = data.targets.filter(met).length;
  const mean = degrees.reduce((a, b) => a + b, 0) / degrees.length;
  s.line([undefined, '设置绩效目标数量(个)', data.targets.length, '完成目标数量(个)', done]);
  s.line([undefined, '目标完成率(完成目标数量/设置绩效目标数量)', pct(done, data.targets.length)]);
  s.line([undefined, '目标完成程度(目标完成程度算术平均数)', `${roundScore(mean * 100)}%`]);

  const cond = (name: string, v: boolean) => ({ [name]: v });
  const common: Record<string, number> = {
    'R18.C01': score(form, 'R18.C01', { numerator: done, denominator: data.targets.length }),
    'R18.C02': score(form, 'R18.C02', { numerator: current[4], denominator: current[2] }),
    'R18.C03': score(form, 'R18.C03', { numerator: current[4], denominator: current[3] }),
    'R18.C04': score(form, 'R18.C04', { numerator: carried[4], denominator: carried[2] }),
    'R18.C05': score(form, 'R18.C05', { conditions: cond(K.r18LeadingGroup, data.leadingGroup) }),
    'R18.C06': score(form, 'R18.C06', { conditions: cond(K.r18EvaluationTeam, data.evaluationTeam) }),
    'R18.C07': score(form, 'R18.C07', { conditions: cond(K.thirdParty, data.thirdParty) }),
    'R18.C08': score(form, 'R18.C08', { count: data.targets.length }),
    'R18.C09': score(form, 'R18.C09', { count: new Set(data.targets.map((t) => t[1])).size }),
    'R18.C10': score(form, 'R18.C10', { ratio: mean }),
    'R18.C11': score(form, 'R18.C11', { count: data.monitoringIssues, conditions: cond(K.monitoring, true) }),
    'R18.C12': score(form, 'R18.C12', { conditions: cond(K.projectRules, true) }),
    'R18.C13': score(form, 'R18.C13', { issues: data.rulesIssues, conditions: cond(K.projectRules, true) }),
  };
  s.line(['四.绩效自评共性指标体系(50%)-本类指标名称和评分标准不得更改']);
  s.line([undefined, '一级指标(目标分类)', '二级指标(分类细化)', '三级指标(绩效目标内容)', '评分标准(绩效目标值)', '分值', '得分', '得分计算过程', '指标未得满分原因']);
  for (const [id, sc] of Object.entries(common)) {
    const r = C(id);
    s.line([undefined, r.level1, r.level2, r.name, r.ruleText, r.weight, sc, undefined, sc < r.weight! ? '见自评报告' : undefined], {
      5: `weight:${r.name}`,
      6: `score:${r.name}`,
    });
  }
  s.line(['五.绩效自评个性指标体系(50%)']);
  s.line([undefined, '一级指标(目标分类)', '二级指标(分类细化)', '三级指标(绩效目标内容)', '指标明细说明', '方向', '计量单位', '计划值', '目标值', '完成值', '分值', '得分', '指标未得满分原因']);
  const individual: number[] = [];
  for (const name of data.individual) {
    const t = data.targets.find((x) => x[2] === name)!;
    const sc = score(form, 'R18.I', { numerator: t[6], denominator: t[4] }, data.individualWeight);
    individual.push(sc);
    s.line([undefined, t[0], t[1].replace('目标', ''), name, `${name}${t[3]}${t[4]}${t[5]}`, '正\n向\n指\n标', t[5], t[4], t[4], t[6], data.individualWeight, sc], {
      10: `weight:${name}`,
      11: `score:${name}`,
    });
  }
  s.line([undefined, '效益', '环境效益']); // an empty 二级 slot prints no 三级
  const adj = C('R18.A01');
  const adjScore = score(form, 'R18.A01', { issues: data.inspectionIssues, conditions: cond(K.externalInspection, true) });
  s.line(['调整指标', undefined, undefined, adj.name, adj.ruleText, undefined, undefined, undefined, undefined, undefined, adj.weight, adjScore], {
    10: 'weight:调整指标',
    11: 'score:调整指标',
  });
  const totalWeight = sum([50, data.individual.length * data.individualWeight, 2]);
  const total = sum([...Object.values(common), ...individual, adjScore]);
  s.line(['总分值、评价总分 (S)', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, totalWeight, total], {
    10: 'totalWeight',
    11: 'total',
  });
  const grade = gradeOf(total, form.grades)!;
  s.line(['评价等级', box(grade)], { 1: 'grade' });
  return { ...s.built([16, 18, 16, 26, 36, 8, 8, 10, 10, 10, 8, 8, 14]), total, totalWeight, grade, common };
}

// ---------------------------------------------------------------- R17
const R17_FORM = FUJIAN_2018_FORMS['fujian-2018-r17'];
const R = (id: string) => R17_FORM.rules.find((r) => r.id === id)!;

export const R17_DATA = {
  project: '农村饮水安全巩固提升工程',
  code: '2130314',
  /** 目标分类, 分类细化, 内容 (null: unused slot), 绩效目标值, 完成值. */
  targets: [
    ['投入', '时效目标', '工程按期完工率', 100, 100],
    ['投入', '成本目标', '工程成本控制数（万元）', 500, 470],
    ['投入', '其他资源目标', null, null, null],
    ['产出', '数量目标', '新建供水管网长度（公里）', 30, 31.5],
    ['产出', '质量目标', '工程验收合格率', 100, 100],
    ['效益', '经济效益目标', null, null, null],
    ['效益', '社会效益目标', '受益人口数（人）', 20000, 18000],
    ['效益', '环境效益目标', null, null, null],
    ['效益', '可持续影响目标', '供水设施设计使用年限（年）', 20, 20],
    ['效益', '服务对象满意度目标', '群众满意度（%）', 90, 93.6],
  ] as [string, string, string | null, number | null, number | null][],
  /** 资金合计: 概算或当年预算数, 截至年末累计到位数, 截至年末累计支出数 (万元). */
  overall: [500, 480, 470],
  /** ① 部门预算批复数, ② 下达指标数, ③ 申请额度数, ④ 核定额度数, ⑤ 实际支出 (万元). */
  use: [300, 300, 300, 290, 280],
  /** 个性: 备选 by rule id or 自编 (R17.X) by target name, with 权重. */
  individual: [
    ['R17.B01', '项目概算控制情况', 6],
    ['R17.B05', '工程验收等级', 6],
    ['R17.X', '新建供水管网长度（公里）', 6],
    ['R17.X', '受益人口数（人）', 6],
    ['R17.X', '群众满意度（%）', 5.5],
    ['R17.X', '供水设施设计使用年限（年）', 6],
  ] as [string, string, number][],
  /** What the form does not print. */
  projectRulesIssues: 1,
  inspectionIssues: 2,
  selfInspectionFixes: 2,
};

export function buildR17(data = R17_DATA): Built & { total: number; totalWeight: number; grade: string; common: Record<string, number>; individual: number[] } {
  const s = new Sheet('常规自评表2017');
  s.line(['四、项目常规自评表']);
  s.line(['一.单位基本信息']);
  s.line(['单位负责人', '（略）', '职务', '局长', '联系电话', '0591-0000000']);
  s.line(['单位性质', '行政机关■ 参公事业单位□ 非参公事业单位□ 企业□ 其他□']);
  s.line(['二.项目基本情况']);
  s.line(['项目类型', '常年发展性项目□ 一次性发展项目■']);
  s.line(['年度绩效目标设置及完成情况', '期初绩效目标批复文号：某财绩〔2017〕3号']);
  s.line(['目标分类（类）', '分类细化（种）', '绩效目标内容（个）', '绩效目标值', '目标是否完成（是/否）', '目标完成程度（完成值/目标值）']);
  const used = data.targets.filter((t) => t[2] !== null);
  const degree = (t: (typeof data.targets)[number]) => t[4]! / t[3]!;
  let cls = '';
  for (const t of data.targets) {
    // 目标分类 printed once per class (merged down).
    s.line([t[0] === cls ? undefined : t[0], t[1], t[2] ?? '/', t[3] ?? '/', t[2] ? (degree(t) >= 1 ? '是' : '否') : '/', t[2] ? `${roundScore(degree(t) * 100)}%` : '/']);
    cls = t[0];
  }
  const done = used.filter((t) => degree(t) >= 1).length;
  const quality = used.reduce((a, t) => a + degree(t), 0) / used.length;
  s.line(['期初设置绩效目标数量（个）', used.length, '完成目标数量（个）', done]);
  s.line(['目标完成率（完成目标数量/期初设置绩效目标数量）', `${roundScore((done / used.length) * 100)}%`]);
  s.line(['目标完成质量（目标完成程度算术平均数）', `${roundScore(quality * 100)}%`]);
  s.line(['部门预算功能科目', `代码：${data.code}`, `名称：${data.project}`]);
  s.line(['三.项目资金安排和使用情况']);
  s.line(['项目总体资金情况 （一次发展性项目填列概算数、其余类型项目填列当年预算数） 单位：万元、%']);
  s.line([undefined, '资金合计', '财政资金小计', '①省以上财政资金', '②市财政资金', '③县区财政资金', '其他资金小计']);
  const [plan, arrived, spentTotal] = data.overall;
  s.line(['概算或当年预算数', plan, plan, 0, plan, 0, 0]);
  s.line(['截至年末累计到位数', arrived, arrived, 0, arrived, 0, 0]);
  s.line(['截至年末累计支出数', spentTotal, spentTotal, 0, spentTotal, 0, 0]);
  s.line(['成本控制率（截至年末累计支出数/概算或当年预算数）', `${roundScore((spentTotal / plan) * 100)}%`]);
  s.line(['项目当年度预算批复资金使用情况 单位：万元、%']);
  s.line(['当年度部门预算批复数 ①', '财政部门下达指标数 ②', '业务部门申请额度数 ③', '财政部门核定额度数 ④', '当年预算对应的实际支出资金 ⑤', '预算执行率 ⑥=⑤/①', '资金使用率 ⑦=⑤/④', '本年度结余金额 ⑧=④-⑤']);
  const [approved, , , allowed, spent] = data.use;
  s.line([...data.use, `${roundScore((spent / approved) * 100)}%`, `${roundScore((spent / allowed) * 100)}%`, roundScore(allowed - spent)]);

  const yes = (name: string) => ({ [name]: true });
  const common: Record<string, number> = {
    'R17.C01': score(R17_FORM, 'R17.C01', { numerator: done, denominator: used.length }),
    'R17.C02': score(R17_FORM, 'R17.C02', { numerator: spent, denominator: approved }),
    'R17.C03': score(R17_FORM, 'R17.C03', { numerator: spent, denominator: allowed }),
    'R17.C04': score(R17_FORM, 'R17.C04', { conditions: { ...yes(K.leadingGroup), ...yes(K.evaluationTeam) } }),
    'R17.C05': score(R17_FORM, 'R17.C05', { count: used.length }),
    'R17.C06': score(R17_FORM, 'R17.C06', { count: used.filter((t) => t[0] !== '投入').length }),
    'R17.C07': score(R17_FORM, 'R17.C07', { count: new Set(used.map((t) => t[1])).size }),
    'R17.C08': score(R17_FORM, 'R17.C08', { ratio: quality }),
    'R17.C09': score(R17_FORM, 'R17.C09', { conditions: yes(K.monitoring) }),
    'R17.C10': score(R17_FORM, 'R17.C10', { conditions: { [K.keyMonitoring]: false } }),
    'R17.C11': score(R17_FORM, 'R17.C11', { conditions: yes(K.projectRules) }),
    'R17.C12': score(R17_FORM, 'R17.C12', { issues: data.projectRulesIssues, conditions: yes(K.projectRules) }),
    'R17.C13': score(R17_FORM, 'R17.C13', { conditions: yes(K.fundRules) }),
    'R17.C14': score(R17_FORM, 'R17.C14', { issues: 0, conditions: yes(K.fundRules) }),
    'R17.C15': score(R17_FORM, 'R17.C15', { issues: data.inspectionIssues, conditions: yes(K.inspected) }),
    'R17.C16': score(R17_FORM, 'R17.C16', { count: data.selfInspectionFixes, conditions: yes(K.selfInspection) }),
  };
  s.line(['四.绩效自评共性指标体系（64%）-本类指标名称和评分标准不得更改']);
  s.line(['一级指标（目标分类）', '二级指标（分类细化）', '三级指标（绩效目标内容）', '评分标准（绩效目标值）', '权重', '得分']);
  for (const [id, sc] of Object.entries(common)) {
    const r = R(id);
    s.line([r.level1, r.level2, r.name, r.ruleText, `${r.weight}%`, sc], { 4: `weight:${r.name}`, 5: `score:${r.name}` });
  }
  s.line(['五.绩效自评个性指标体系(36%)']);
  s.line(['说明：1、个性评价指标分为备选指标和自编指标……3、个性评价指标总权重如达不到36%按实计分。']);
  s.line(['一级指标（目标分类）', '二级指标（分类细化）', '三级指标（绩效目标内容）', '评分标准（绩效目标值）', '权重', '得分']);
  s.line(['投入（备选个性指标）-本类指标评分标准不得更改']);
  const individual: number[] = [];
  data.individual.forEach(([id, name, w], i) => {
    if (i === 2) s.line(['产出与效益（自编个性指标）']);
    if (i === 4) {
      // A page break repeats the block title and header: the reader must not count them twice.
      s.line(['五.绩效自评个性指标体系(36%)']);
      s.line(['一级指标（目标分类）', '二级指标（分类细化）', '三级指标（绩效目标内容）', '评分标准（绩效目标值）', '权重', '得分']);
    }
    const t = data.targets.find((x) => x[2] === name);
    const inputs = id === 'R17.B01' ? { numerator: spentTotal, denominator: plan } : id === 'R17.B05' ? { conditions: yes(K.acceptance) } : { ratio: degree(t!) };
    const sc = score(R17_FORM, id, inputs, w);
    individual.push(sc);
    const r = R(id);
    const text = id === 'R17.X' ? `本指标${w}分。实际完成值优于预设值（期初绩效目标值：${t![3]}）得满分，未完成预设值时得分为：指标分值×（实际完成值/预设值）。` : r.ruleText.replace('本指标分', `本指标${w}分`);
    s.line([r.level1, r.level2, name, text, `${w}%`, sc], { 4: `weight:${name}`, 5: `score:${name}` });
  });
  const totalWeight = sum([64, ...data.individual.map((x) => x[2])]);
  const total = sum([...Object.values(common), ...individual]);
  s.line(['总权重、评价总分 （S）', undefined, undefined, undefined, `${totalWeight}%`, total], { 4: 'totalWeight', 5: 'total' });
  const grade = gradeOf(total, R17_FORM.grades)!;
  s.line(['评价等级', box(grade)], { 1: 'grade' });
  return { ...s.built([20, 18, 26, 40, 8, 8, 10, 10]), total, totalWeight, grade, common, individual };
}
