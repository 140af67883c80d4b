// Scoring formula types as data, and the one evaluator for all of them.
// Semantics follow the formula types of the Fujian 2018 self-evaluation forms (docs/domain.md#fujian-2018), plus
// the 2024 公开表 operator rules (≥, ≤ in two conventions, = with target 0; docs/domain.md#gongkai-2024).
// Scores are points, not money.

/** `W` in a rubric means "the indicator's weight" (备选指标 whose weight the unit chooses). */
export type Points = number | 'W';

/** score = weightFactor × W + ratioFactor × ratio + constant (enough for every tier the rubrics print). */
export interface LinearScore {
  weightFactor?: number;
  ratioFactor?: number;
  constant?: number;
}

export interface Tier {
  /** The tier applies while ratio ≤ upTo (or < upTo when upToExclusive); the last tier has no bound. */
  upTo?: number;
  upToExclusive?: boolean;
  score: LinearScore;
}

export type Formula =
  /** min(W, W × ratio); ratio ≥ fullAt → W; denominator 0 → zeroDenominatorScore. */
  | { type: 'ratio_times_weight'; fullAt?: number; zeroDenominatorScore?: Points }
  /** min(cap, perItem × count). */
  | { type: 'per_item_increment'; perItem: number; cap: Points }
  /** W × k / of. */
  | { type: 'proportional_count'; of: number }
  /** Σ points of the parts whose condition holds. */
  | { type: 'sum_of_all_or_nothing'; parts: { condition: string; points: number }[] }
  /** W if the condition holds, else 0. */
  | { type: 'all_or_nothing'; condition: string }
  /** max(floor, start − perIssue × issues); 0 when the precondition fails. */
  | { type: 'deduction_per_issue'; start: Points; perIssue: number; floor?: number; precondition?: string }
  /** min(cap, base + perItem × count) if the base condition holds, else 0. */
  | { type: 'base_plus_increment'; base: number; perItem: number; cap: Points; baseCondition: string }
  /** Piecewise by ratio. */
  | { type: 'tiered'; tiers: Tier[] }
  /** ratio ≥ fullAt → W; ratio ≤ zeroAtOrBelow → 0; else W × ratio / fullAt. */
  | { type: 'threshold_proportional'; fullAt: number; zeroAtOrBelow?: number }
  /** ratio ≥ fullAt → W; else W × (1 − step × ceil(fullAt − ratio)), floor 0. */
  | { type: 'stepwise_deduction'; fullAt: number; step: number }
  /** ≤ target, convention (a): met → W; else W × (1 − (actual − target) / target), 0 from twice the target. */
  | { type: 'upper_limit_linear' }
  /** ≤ target, convention (b): met → W; else W × target / actual. */
  | { type: 'upper_limit_ratio' }
  /** = 0 target: actual ≤ 0 → W, else 0. */
  | { type: 'zero_target' };

/** What a formula may read. Ratio formulas take numerator/denominator (or a ratio given directly). */
export interface FormulaInputs {
  weight: number;
  ratio?: number;
  numerator?: number;
  denominator?: number;
  /** For the target-based types: the 年度指标值 and 实际完成值. */
  target?: number;
  actual?: number;
  count?: number;
  issues?: number;
  conditions?: Record<string, boolean>;
}

export type FormulaResult = { ok: true; score: number } | { ok: false; missing: string };

function points(p: Points, weight: number): number {
  return p === 'W' ? weight : p;
}

function linear(s: LinearScore, weight: number, ratio: number): number {
  return (s.weightFactor ?? 0) * weight + (s.ratioFactor ?? 0) * ratio + (s.constant ?? 0);
}

/** Guards ceil against binary noise: 10 − 7 must give 3 steps, not 3.0000000001 → 4. */
function ceilSafe(x: number): number {
  return Math.ceil(x - 1e-9);
}

function ratioOf(inputs: FormulaInputs): number | 'zero-denominator' | undefined {
  if (inputs.ratio !== undefined) return inputs.ratio;
  if (inputs.numerator === undefined || inputs.denominator === undefined) return undefined;
  if (inputs.denominator === 0) return 'zero-denominator';
  return inputs.numerator / inputs.denominator;
}

function condition(inputs: FormulaInputs, name: string): boolean | undefined {
  return inputs.conditions?.[name];
}

/** The exact (unrounded) score of a formula. */
export function evaluateFormula(formula: Formula, inputs: FormulaInputs): FormulaResult {
  const W = inputs.weight;
  const need = (what: string): FormulaResult => ({ ok: false, missing: what });
  const ok = (score: number): FormulaResult => ({ ok: true, score });
  switch (formula.type) {
    case 'ratio_times_weight': {
      const r = ratioOf(inputs);
      if (r === undefined) return need('ratio');
      if (r === 'zero-denominator') {
        return formula.zeroDenominatorScore === undefined ? need('denominator ≠ 0') : ok(points(formula.zeroDenominatorScore, W));
      }
      if (formula.fullAt !== undefined && r >= formula.fullAt) return ok(W);
      return ok(Math.max(0, Math.min(W, W * r)));
    }
    case 'per_item_increment':
      if (inputs.count === undefined) return need('count');
      return ok(Math.min(points(formula.cap, W), formula.perItem * inputs.count));
    case 'proportional_count':
      if (inputs.count === undefined) return need('count');
      return ok((W * Math.min(inputs.count, formula.of)) / formula.of);
    case 'sum_of_all_or_nothing': {
      let s = 0;
      for (const part of formula.parts) {
        const c = condition(inputs, part.condition);
        if (c === undefined) return need(part.condition);
        if (c) s += part.points;
      }
      return ok(s);
    }
    case 'all_or_nothing': {
      const c = condition(inputs, formula.condition);
      if (c === undefined) return need(formula.condition);
      return ok(c ? W : 0);
    }
    case 'deduction_per_issue': {
      if (formula.precondition !== undefined) {
        const c = condition(inputs, formula.precondition);
        if (c === undefined) return need(formula.precondition);
        if (!c) return ok(0);
      }
      if (inputs.issues === undefined) return need('issues');
      return ok(Math.max(formula.floor ?? 0, points(formula.start, W) - formula.perIssue * inputs.issues));
    }
    case 'base_plus_increment': {
      const c = condition(inputs, formula.baseCondition);
      if (c === undefined) return need(formula.baseCondition);
      if (!c) return ok(0);
      if (inputs.count === undefined) return need('count');
      return ok(Math.min(points(formula.cap, W), formula.base + formula.perItem * inputs.count));
    }
    case 'tiered': {
      const r = ratioOf(inputs);
      if (r === undefined || r === 'zero-denominator') return need('ratio');
      for (const t of formula.tiers) {
        const inside = t.upTo === undefined || (t.upToExclusive ? r < t.upTo : r <= t.upTo);
        if (inside) return ok(Math.max(0, Math.min(W, linear(t.score, W, r))));
      }
      return need('a tier for this ratio');
    }
    case 'threshold_proportional': {
      const r = ratioOf(inputs);
      if (r === undefined || r === 'zero-denominator') return need('ratio');
      if (r >= formula.fullAt) return ok(W);
      if (formula.zeroAtOrBelow !== undefined && r <= formula.zeroAtOrBelow) return ok(0);
      return ok(Math.max(0, (W * r) / formula.fullAt));
    }
    case 'stepwise_deduction': {
      const r = ratioOf(inputs);
      if (r === undefined || r === 'zero-denominator') return need('ratio');
      if (r >= formula.fullAt) return ok(W);
      return ok(Math.max(0, W * (1 - formula.step * ceilSafe(formula.fullAt - r))));
    }
    case 'upper_limit_linear': {
      const { target, actual } = inputs;
      if (target === undefined || actual === undefined) return need('target and actual');
      if (actual <= target) return ok(W);
      if (target <= 0) return ok(0);
      return ok(Math.max(0, W * (1 - (actual - target) / target)));
    }
    case 'upper_limit_ratio': {
      const { target, actual } = inputs;
      if (target === undefined || actual === undefined) return need('target and actual');
      if (actual <= target) return ok(W);
      return ok(Math.max(0, (W * target) / actual));
    }
    case 'zero_target': {
      if (inputs.actual === undefined) return need('actual');
      return ok(inputs.actual <= 0 ? W : 0);
    }
  }
}

/** Half away from zero at two decimals, as the forms print scores. */
export function roundScore(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/** Σ of scores, rounded as a printed score; null when one of them is missing. */
export function totalScore(scores: (number | null)[]): number | null {
  let sum = 0;
  for (const s of scores) {
    if (s === null) return null;
    sum += s;
  }
  return roundScore(sum);
}
