// The three Fujian 2018 self-evaluation forms (docs/domain.md#fujian-2018), as data only. Rule texts are
// quoted verbatim from the 绩效自评 reports of a published 福州 2018 年度部门决算; every score is one of the
// formula types of formulas.ts.
import type { Formula } from '../formulas';
import type { GradeBand } from '../rubric';

export type FujianPart = 'common' | 'individual' | 'adjustment';

export interface FujianRule {
  id: string;
  part: FujianPart;
  level1: string;
  level2: string;
  name: string;
  /** Fixed weight; null where the unit chooses it (备选/自编/简易 indicators). */
  weight: number | null;
  ruleText: string;
  formula: Formula;
}

export interface FujianForm {
  id: FujianFormId;
  form: 'R17' | 'S17' | 'R18';
  title: string;
  rules: FujianRule[];
  /** Weights of the common part must add to this (R17 64, R18 50). */
  commonTotal: number | null;
  /** The 个性 part may not exceed this (R17 36; 「按实计分」 below it, no rescaling). */
  individualTotalMax: number | null;
  /** R17.K4: each 个性 weight ≤ 6 and max − min ≤ 0.5; S17: max − min ≤ 5. */
  individualMaxWeight: number | null;
  individualMaxSpread: number | null;
  /** Σ of all weights when it is fixed (S17: 100); R17's 个性 part may fall short of 36 (按实计分), R18 prints 50 + Σ个性 + 2. */
  fixedTotalWeight: number | null;
  grades: GradeBand[];
  gradeRuleText: string;
}

export const FUJIAN_GRADES: GradeBand[] = [
  { grade: '优秀', min: 90, ruleText: '优秀（S≧90）' },
  { grade: '良好', min: 75, ruleText: '良好（90﹥S≧75）' },
  { grade: '合格', min: 60, ruleText: '合格（75﹥S≧60）' },
  { grade: '不合格', min: null, ruleText: '不合格（60﹥S）' },
];

const GRADE_TEXT = '评价等级 □优秀（S≧90） □良好（90﹥S≧75） □合格（75﹥S≧60） □不合格（60﹥S）';

/** Conditions named in the rules (the keys of FormulaInputs.conditions). */
export const CONDITIONS = {
  leadingGroup: '主管部门成立以主要领导或分管领导为组长的预算绩效管理领导小组',
  evaluationTeam: '项目单位按财政部门年度评价方案要求成立评价工作组',
  monitoring: '开展预算执行监控并按要求填报监控表和监控报告',
  keyMonitoring: '列入财政重点监控名单并按要求填报监控表和监控报告',
  projectRules: '项目管理制度存在',
  fundRules: '项目资金管理办法存在',
  inspected: '项目被列为检查对象',
  selfInspection: '业务部门开展自查',
  acceptance: '工程验收等级不低于合格',
  r18LeadingGroup: '成立预算绩效管理领导小组',
  r18EvaluationTeam: '组建评价工作组',
  thirdParty: '外聘第三方参与绩效管理',
  externalInspection: '检查内容包含本项目',
} as const;

const C = CONDITIONS;
const PROPORTIONAL: Formula = { type: 'ratio_times_weight' };
const PROPORTIONAL_FULL_AT_1: Formula = { type: 'ratio_times_weight', fullAt: 1 };

function common(id: string, level1: string, level2: string, name: string, weight: number, ruleText: string, formula: Formula): FujianRule {
  return { id, part: 'common', level1, level2, name, weight, ruleText, formula };
}

function alternative(id: string, level1: string, level2: string, name: string, ruleText: string, formula: Formula): FujianRule {
  return { id, part: 'individual', level1, level2, name, weight: null, ruleText, formula };
}

const R17_IN = '投入（共性指标18%）';
const R17_PM = '过程管理（共性指标46%）';

const R17_RULES: FujianRule[] = [
  common('R17.C01', R17_IN, '时效情况', '目标完成率', 6, '本指标6分。目标完成率A=目标实际完成数量/期初目标编制数量,得分为6×A。', PROPORTIONAL),
  common(
    'R17.C02',
    R17_IN,
    '支出情况',
    '预算执行率',
    6,
    '本指标6分。预算执行率B=当年预算对应的实际支出资金/当年度部门预算批复数×100%，B=100%时得6分，B﹤100%时得分为6×B。',
    PROPORTIONAL_FULL_AT_1,
  ),
  common(
    'R17.C03',
    R17_IN,
    '支出情况',
    '资金使用率',
    6,
    '本指标6分。资金使用率C=当年预算对应的实际支出资金/财政部门核定额度数，得分为6×C。“财政部门核拨数”为0时，本项不得分。',
    {
      type: 'ratio_times_weight',
      zeroDenominatorScore: 0,
    },
  ),
  common(
    'R17.C04',
    R17_PM,
    '绩效管理',
    '预算绩效管理组织保障',
    6,
    '本指标6分。其中：主管部门成立以主要领导或分管领导为组长的预算绩效管理领导小组得3分；项目单位按财政部门年度评价方案要求成立评价工作组得3分。',
    {
      type: 'sum_of_all_or_nothing',
      parts: [
        { condition: C.leadingGroup, points: 3 },
        { condition: C.evaluationTeam, points: 3 },
      ],
    },
  ),
  common('R17.C05', R17_PM, '绩效管理', '目标编制数量', 3, '期初每编制1个绩效目标得0.3分，本项最高3分。', {
    type: 'per_item_increment',
    perItem: 0.3,
    cap: 3,
  }),
  common(
    'R17.C06',
    R17_PM,
    '绩效管理',
    '目标个性化程度',
    5,
    '编制充分反映项目专业特点的“产出与效益”类个性指标的，每1个个性指标得0.5分，本项最高5分。',
    {
      type: 'per_item_increment',
      perItem: 0.5,
      cap: 5,
    },
  ),
  common(
    'R17.C07',
    R17_PM,
    '绩效管理',
    '目标全面程度',
    5,
    '本指标5分。编制的绩效目标全面涵盖投入、产出、效益三类10种目标得5分，不满10种的按比例计分（如期初编制三类5种目标，得分为5×5/10=2.5分）',
    {
      type: 'proportional_count',
      of: 10,
    },
  ),
  common(
    'R17.C08',
    R17_PM,
    '绩效管理',
    '目标完成质量',
    6,
    '本指标6分。目标完成质量D=所有期初绩效目标完成程度的算术平均值，得分为6×D。',
    PROPORTIONAL,
  ),
  common(
    'R17.C09',
    R17_PM,
    '绩效管理',
    '预算执行监控情况（开展监控）',
    5,
    '项目单位开展预算执行监控并按要求填报监控表和监控报告得5分，否则不得分。',
    { type: 'all_or_nothing', condition: C.monitoring },
  ),
  common(
    'R17.C10',
    R17_PM,
    '绩效管理',
    '预算执行监控情况（重点监控名单）',
    2,
    '项目列入财政重点监控名单并按要求填报监控表和监控报告得2分，否则不得分。',
    {
      type: 'all_or_nothing',
      condition: C.keyMonitoring,
    },
  ),
  common(
    'R17.C11',
    R17_PM,
    '项目管理',
    '项目管理制度健全性',
    2,
    '项目单位独立或会同其他单位共同制定项目相关管理制度得2分（制度应包含但不局限于项目范围管理、资金分配管理、进度管理、成本管理、质量管理、风险管理、采购管理、项目中止管理等内容），否则不得分。',
    {
      type: 'all_or_nothing',
      condition: C.projectRules,
    },
  ),
  common(
    'R17.C12',
    R17_PM,
    '项目管理',
    '项目管理制度执行有效性',
    2,
    '项目管理符合相关项目管理制度得2分，有1处不符合扣0.5分，扣完为止。无项目管理制度此项不得分。',
    {
      type: 'deduction_per_issue',
      start: 2,
      perIssue: 0.5,
      floor: 0,
      precondition: C.projectRules,
    },
  ),
  common(
    'R17.C13',
    R17_PM,
    '项目管理',
    '财务管理制度健全性',
    2,
    '项目单位独立或会同其他单位共同制定项目资金管理办法得2分（办法应包含但不局限于资金使用范围、参与者职责、风险防控等内容），否则不得分。',
    {
      type: 'all_or_nothing',
      condition: C.fundRules,
    },
  ),
  common(
    'R17.C14',
    R17_PM,
    '项目管理',
    '财务管理制度执行有效性',
    2,
    '资金管理符合相关项目资金管理办法得2分，有1处不符合扣0.5分，扣完为止。无资金管理办法此项不得分。',
    {
      type: 'deduction_per_issue',
      start: 2,
      perIssue: 0.5,
      floor: 0,
      precondition: C.fundRules,
    },
  ),
  common(
    'R17.C15',
    R17_PM,
    '项目管理',
    '财政、审计及上级业务主管部门检查情况',
    3,
    '项目被财政、审计及上级业务主管部门列为检查对象得3分，检查有披露项目存在问题的，1个问题扣0.5分，扣完为止。',
    {
      type: 'deduction_per_issue',
      start: 3,
      perIssue: 0.5,
      floor: 0,
      precondition: C.inspected,
    },
  ),
  common('R17.C16', R17_PM, '项目管理', '业务部门自查情况', 3, '业务部门对项目开展自查得1分，自查每发现1个问题并进行整改加0.5分，本指标最高3分。', {
    type: 'base_plus_increment',
    base: 1,
    perItem: 0.5,
    cap: 3,
    baseCondition: C.selfInspection,
  }),
  alternative(
    'R17.B01',
    '投入（备选个性指标）',
    '成本指标-资金落实及使用',
    '项目概算控制情况',
    '本指标分。成本控制率E=截至年末累计支出数/项目概算或当年预算数×100%，E≦100%得满分；100%﹤E≦105%时，得分为：分值-100×（E-100%）（如分值为5分，E=102.8%，得分为5-2.8=2.2分），E＞105%不得分。',
    {
      type: 'tiered',
      tiers: [
        { upTo: 1, score: { weightFactor: 1 } },
        { upTo: 1.05, score: { weightFactor: 1, ratioFactor: -100, constant: 100 } },
        { score: { constant: 0 } },
      ],
    },
  ),
  alternative(
    'R17.B02',
    '投入（备选个性指标）',
    '成本指标-资金落实及使用',
    '配套资金到位情况',
    '本指标分。配套资金到位率F=配套资金累计到位数/配套资金应到位数×100%，F≧100%得满分；F﹤100%按比例计分。',
    PROPORTIONAL_FULL_AT_1,
  ),
  alternative(
    'R17.B03',
    '过程管理（备选个性指标）',
    '资产管理',
    '政府采购合规性',
    '本指标分。有不按规定编制政府采购预算，不按政府采购规定采取适用方式进行采购，政府采购具体流程不完整的，有一项不符扣1分，扣完为止。',
    {
      type: 'deduction_per_issue',
      start: 'W',
      perIssue: 1,
      floor: 0,
    },
  ),
  alternative(
    'R17.B04',
    '产出与效益（备选个性指标）',
    '产出质量-质量达标率',
    '设备质量等级',
    '本指标分。设备质量等级符合国家、行业标准或合同约定得满分，有一项不符扣1分，扣完为止。',
    {
      type: 'deduction_per_issue',
      start: 'W',
      perIssue: 1,
      floor: 0,
    },
  ),
  alternative(
    'R17.B05',
    '产出与效益（备选个性指标）',
    '产出质量-质量达标率',
    '工程验收等级',
    '本指标分。工程验收等级不低于合格得满分，否则不得分。',
    { type: 'all_or_nothing', condition: C.acceptance },
  ),
  alternative(
    'R17.B06',
    '产出与效益（备选个性指标）',
    '产出质量-质量达标率',
    '资金拨付情况',
    '本指标分。当年资金拨付有不及时、不足额、不符合补助标准的，有一项扣1分，扣完为止。',
    {
      type: 'deduction_per_issue',
      start: 'W',
      perIssue: 1,
      floor: 0,
    },
  ),
  alternative(
    'R17.B07',
    '产出与效益（备选个性指标）',
    '经济效益',
    '投资任务完成率',
    '本指标分。投资任务完成率G=项目当年完成投资额/市重点办下达投资任务数×100%，G≧100%得满分；G﹤100%按比例计分。',
    PROPORTIONAL_FULL_AT_1,
  ),
  alternative(
    'R17.B08',
    '产出与效益（备选个性指标）',
    '经济效益',
    '项目招投标节约率',
    '本指标分。项目招投标节约率H=1-（实际中标价/招标控制价、标底价、政府指导价）×100%，H≧50%得满分；H≦0不得分；0﹤H﹤50%时，得分为分值Z×H/50%（如：Z=5，H=48%，得分为5×48%/50%=4.8分）',
    {
      type: 'threshold_proportional',
      fullAt: 0.5,
      zeroAtOrBelow: 0,
    },
  ),
  alternative(
    'R17.B09',
    '产出与效益（备选个性指标）',
    '经济效益',
    '施工单位税收收入财政投入比',
    '本指标分。施工单位税收收入财政投入比I=项目施工方当年实际纳税额/当年市级财政实际投入额×100%，I≧3%得满分；0≦I﹤3%时，得分为分值Z×I/3%，（如：Z=5，I=2.1%，则得分为5×2.1%/3%=3.5分）',
    {
      type: 'threshold_proportional',
      fullAt: 0.03,
    },
  ),
  alternative(
    'R17.B10',
    '产出与效益（备选个性指标）',
    '经济效益',
    '财政投入乘数',
    '本指标分。财政投入乘数J=非财政资金投入/财政资金投入，J≧10得满分；J﹤10时每少1按分值的10%扣分，扣完为止（如：分值为5，J为7.1，则得分为5-30%*5=3.5分）。',
    {
      type: 'stepwise_deduction',
      fullAt: 10,
      step: 0.1,
    },
  ),
  // 「超过100人」 full, 「低于100人」 proportional; exactly 100 is not addressed and is treated as full.
  alternative(
    'R17.B11',
    '产出与效益（备选个性指标）',
    '社会效益',
    '项目吸收就业人员人数',
    '本指标分。就业人员超过100人得满分，低于100人按比例计分。',
    {
      type: 'threshold_proportional',
      fullAt: 100,
    },
  ),
  alternative(
    'R17.X',
    '产出与效益（自编个性指标）',
    '',
    '自编个性指标',
    '本指标分。实际完成值优于预设值（期初绩效目标值：）得满分，未完成预设值时得分为：指标分值×（实际完成值/预设值）。',
    PROPORTIONAL_FULL_AT_1,
  ),
];

const S17_RULES: FujianRule[] = [
  {
    id: 'S17.F',
    part: 'individual',
    level1: '投入/产出/效益',
    level2: '',
    name: '简易自评指标',
    weight: null,
    ruleText: '本指标{E}分，得分F为分值E×完成比例D，最高不超过分值E。',
    formula: PROPORTIONAL,
  },
];

const R18_RULES: FujianRule[] = [
  common('R18.C01', '投入', '时效情况', '目标完成率', 5, '本指标5分。目标完成率A=目标实际完成数量/目标编制数量,得分为5×A。', PROPORTIONAL),
  common('R18.C02', '投入', '支出情况', '预算执行率', 5, '本指标5分。预算执行率B=当年预算支出数/当年预算计划数×100%，得分为5×B。', PROPORTIONAL),
  common(
    'R18.C03',
    '投入',
    '支出情况',
    '资金使用率',
    5,
    '本指标5分。资金使用率C=当年预算支出数/当年预算到位数，得分为5×C。“当年预算到位数”为0时，本项不得分。',
    {
      type: 'ratio_times_weight',
      zeroDenominatorScore: 0,
    },
  ),
  common(
    'R18.C04',
    '投入',
    '支出情况',
    '结余结转资金使用率',
    5,
    '本指标5分。结余结转资金使用率D=以前年度结余结转支出数/以前年度结余结转计划数，得分为5×D。“结余结转资金计划数”为0时，本项得满分。',
    {
      type: 'ratio_times_weight',
      zeroDenominatorScore: 'W',
    },
  ),
  common(
    'R18.C05',
    '过程管理',
    '绩效管理',
    '组织管理-预算绩效管理领导小组',
    2,
    '本指标2分。成立以主要领导或分管领导为组长的预算绩效管理领导小组得2分，否则不得分。',
    {
      type: 'all_or_nothing',
      condition: C.r18LeadingGroup,
    },
  ),
  common('R18.C06', '过程管理', '绩效管理', '组织管理-评价工作组', 2, '本指标2分。按财政部门年度评价方案要求组建评价工作组得2分，否则不得分。', {
    type: 'all_or_nothing',
    condition: C.r18EvaluationTeam,
  }),
  common('R18.C07', '过程管理', '绩效管理', '组织管理-第三方机构', 1, '本指标1分。外聘第三方参与绩效管理得1分，否则不得分。', {
    type: 'all_or_nothing',
    condition: C.thirdParty,
  }),
  common('R18.C08', '过程管理', '绩效管理', '目标编制数量', 5, '每编制1个绩效目标得0.5分，本项最高5分。', {
    type: 'per_item_increment',
    perItem: 0.5,
    cap: 5,
  }),
  common(
    'R18.C09',
    '过程管理',
    '绩效管理',
    '目标全面程度',
    5,
    '本指标5分。编制的绩效目标全面涵盖投入、产出、效益三类10种目标得5分，不满10种的按比例计分（如编制三类5种目标，得分为5×5/10=2.5分）',
    {
      type: 'proportional_count',
      of: 10,
    },
  ),
  common(
    'R18.C10',
    '过程管理',
    '绩效管理',
    '目标完成程度',
    5,
    '本指标5分。目标完成质量E=所有绩效目标完成程度的算术平均值，得分为5×E。',
    PROPORTIONAL,
  ),
  common(
    'R18.C11',
    '过程管理',
    '绩效管理',
    '预算执行监控情况',
    5,
    '本指标5分。项目单位开展预算执行监控并按要求填报监控表和监控报告得3分，监控过程发现问题并进行整改的，每个得1分，否则不得分。',
    {
      type: 'base_plus_increment',
      base: 3,
      perItem: 1,
      cap: 5,
      baseCondition: C.monitoring,
    },
  ),
  common(
    'R18.C12',
    '过程管理',
    '项目管理',
    '管理制度健全性',
    2,
    '项目有管理制度得2分（内容可包含但不局限于：项目范围管理、资金分配管理、进度管理、成本管理、质量管理、风险管理、采购管理、项目中止管理、资金使用范围、参与者职责、风险防控、监督检查及绩效管理），否则不得分',
    {
      type: 'all_or_nothing',
      condition: C.projectRules,
    },
  ),
  common('R18.C13', '过程管理', '项目管理', '制度执行有效性', 3, '项目管理符合管理制度得3分，有1处不符合扣1分，扣完为止。无制度此项不得分。', {
    type: 'deduction_per_issue',
    start: 3,
    perIssue: 1,
    floor: 0,
    precondition: C.projectRules,
  }),
  // No rule text is printed for 个性 indicators; every observed score is min(分值, 分值 × 完成值/目标值).
  {
    id: 'R18.I',
    part: 'individual',
    level1: '个性指标',
    level2: '',
    name: '个性指标',
    weight: null,
    ruleText: '（未印评分标准；按 分值×完成值/目标值，最高为分值）',
    formula: PROPORTIONAL,
  },
  {
    id: 'R18.A01',
    part: 'adjustment',
    level1: '调整指标',
    level2: '',
    name: '外部监督检查情况',
    weight: 2,
    ruleText: '项目单位被审计等相关部门列为检查对象，检查内容包含本项目得2分，检查结论有指出项目存在问题的，1个问题扣1分，扣完为止。',
    formula: { type: 'deduction_per_issue', start: 2, perIssue: 1, floor: 0, precondition: C.externalInspection },
  },
];

export type FujianFormId = 'fujian-2018-r17' | 'fujian-2018-s17' | 'fujian-2018-r18';

export const FUJIAN_2018_FORMS: Record<FujianFormId, FujianForm> = {
  'fujian-2018-r17': {
    id: 'fujian-2018-r17',
    form: 'R17',
    title: '福建2018 项目常规自评表（2017年度项目，共性64% + 个性36%）',
    rules: R17_RULES,
    commonTotal: 64,
    individualTotalMax: 36,
    individualMaxWeight: 6,
    individualMaxSpread: 0.5,
    fixedTotalWeight: null,
    grades: FUJIAN_GRADES,
    gradeRuleText: GRADE_TEXT,
  },
  'fujian-2018-s17': {
    id: 'fujian-2018-s17',
    form: 'S17',
    title: '福建2018 项目简易自评表（2017年度简易项目）',
    rules: S17_RULES,
    commonTotal: null,
    individualTotalMax: null,
    individualMaxWeight: null,
    individualMaxSpread: 5,
    fixedTotalWeight: 100,
    grades: FUJIAN_GRADES,
    gradeRuleText: GRADE_TEXT,
  },
  'fujian-2018-r18': {
    id: 'fujian-2018-r18',
    form: 'R18',
    title: '福建2018 项目常规自评表（2018年度项目，共性50 + 个性 + 调整指标2）',
    rules: R18_RULES,
    commonTotal: 50,
    individualTotalMax: null,
    individualMaxWeight: null,
    individualMaxSpread: null,
    fixedTotalWeight: null,
    grades: FUJIAN_GRADES,
    gradeRuleText: GRADE_TEXT,
  },
};
