// The 2024 绩效自评公开表 rule set (docs/domain.md#gongkai-2024; 财预〔2020〕10号), as data.
import type { Formula } from '../formulas';
import type { DisclosureRubric, ExecRateRule } from '../rubric';

export const DISCLOSURE_2024_ID = 'gongkai-2024';

/** ≥ (and = with a non-zero target): met → full, else weight × actual ÷ target (财预〔2020〕10号). */
const AT_LEAST: Formula = { type: 'threshold_proportional', fullAt: 1 };

export const UPPER_LIMIT: Record<'a' | 'b', Formula> = {
  a: { type: 'upper_limit_linear' },
  b: { type: 'upper_limit_ratio' },
};

/** 执行率 score 10 × 执行率, capped at 10 (docs/domain.md#gongkai-2024). */
export const PROPORTIONAL_EXEC_RATE: ExecRateRule = {
  kind: 'formula',
  label: '按比例（分值 × 执行率，最高为分值）',
  formula: { type: 'ratio_times_weight' },
};

export function disclosure2024(upperLimit: 'a' | 'b' = 'a', execRateRule: ExecRateRule = { kind: 'none' }): DisclosureRubric {
  return {
    kind: 'disclosure',
    id: DISCLOSURE_2024_ID,
    title: '2024年绩效自评公开表（执行率10分 + 指标90分）',
    execWeight: 10,
    totalWeight: 100,
    execRateRule,
    operators: {
      '≥': AT_LEAST,
      '=': AT_LEAST,
      // `>` scores like ≥; a target merely equalled yet scored full is its own warning (P14).
      '>': AT_LEAST,
      '≤': UPPER_LIMIT[upperLimit],
      '<': UPPER_LIMIT[upperLimit],
      '=0': { type: 'zero_target' },
    },
    upperLimitConvention: upperLimit,
    qualitativeBands: [
      { label: '达成年度指标', min: 0.8, max: 1 },
      { label: '部分达成年度指标并具有一定效果', min: 0.6, max: 0.8 },
      { label: '未达成年度指标且效果较差', min: 0, max: 0.6 },
    ],
    grades: [
      { grade: '优', min: 90, ruleText: '90（含）-100分为优' },
      { grade: '良', min: 80, ruleText: '80（含）-90分为良' },
      { grade: '中', min: 60, ruleText: '60（含）-80分为中' },
      { grade: '差', min: null, ruleText: '60分以下为差' },
    ],
    tolerances: { rate: 0.01, score: 0.01, total: 0.1 },
    plausibility: {
      boundedRateWords: ['满意', '准确率', '合格率', '达标率', '通过率', '正确率', '知晓率', '覆盖率', '及时率', '到位率'],
      costLow: 0.5,
      costHigh: 1.5,
      perUnitWords: ['单位成本', '单位补助', '单价', '人均', '每'],
      yuanFactor: 1000,
      emptyReasons: ['无', '无偏差', '/', '-', '—', '——', '无。', '不适用'],
    },
  };
}
