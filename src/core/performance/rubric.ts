// Rubric shapes: a rubric is data (formula types, weights, caps, bands); the checks read it.
import type { Formula } from './formulas';
import type { TargetOp } from './target';

export interface GradeBand {
  grade: string;
  /** Inclusive lower bound; null = no lower bound. */
  min: number | null;
  ruleText?: string;
}

/** Bands are tried in order; the first whose lower bound the total reaches is the grade. No rescaling. */
export function gradeOf(total: number, bands: GradeBand[]): string | null {
  for (const b of bands) {
    if (b.min === null) return b.grade;
    if (total >= b.min - 1e-9) return b.grade;
  }
  return null;
}

/** How the 执行率 is scored: not at all (only rule-independent checks) or by a formula of ratio = 执行数 ÷ 预算数. */
export type ExecRateRule = { kind: 'none' } | { kind: 'formula'; label: string; formula: Formula };

export interface QualitativeBand {
  label: string;
  /** Fractions of the weight, [min, max]. */
  min: number;
  max: number;
}

/** The 2024 公开表 rule set (and any region's variant of it): one table per project, 执行率 + indicators. */
export interface DisclosureRubric {
  kind: 'disclosure';
  id: string;
  title: string;
  /** 分值 of the 执行率 row, and what 执行率分值 + Σ 指标分值 must reach. */
  execWeight: number;
  totalWeight: number;
  execRateRule: ExecRateRule;
  /** Formula per target operator; `=0` is the = target with value 0. */
  operators: Record<TargetOp | '=0', Formula>;
  /** Which ≤ convention the operators use, for messages. */
  upperLimitConvention: 'a' | 'b';
  qualitativeBands: QualitativeBand[];
  grades: GradeBand[];
  tolerances: {
    /** Printed 执行率 (%) vs recomputed, in percentage points. */
    rate: number;
    /** Printed score vs recomputed, in points. */
    score: number;
    /** 总分 vs 执行率得分 + Σ scores, in points. */
    total: number;
  };
  plausibility: {
    /** Names of indicators that are rates which cannot exceed 100% (满意度, 准确率…). */
    boundedRateWords: string[];
    /** A cost indicator (万元) whose actual is outside [low, high] × 全年执行数 is reported. */
    costLow: number;
    costHigh: number;
    /** Words that mark a per-unit cost (compared with nothing). */
    perUnitWords: string[];
    /** An upper-limit 万元 target exceeded this many times over looks like an actual in 元. */
    yuanFactor: number;
    /** Texts that do not count as a 偏差原因. */
    emptyReasons: string[];
  };
}
