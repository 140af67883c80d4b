// Checks a Fujian 2018 self-evaluation table (R17, S17 or R18) against its form's rubric data.
// Rule ids: F1 score vs rule, F2 score above weight, F3 weights, F4 total S, F5 grade, F6 inputs missing.
import { refText, type CellRef } from '../cells';
import type { Finding, Severity } from '../findings';
import { attainableScores, isEnumerable } from './fujian-attainable';
import { evaluateFormula, roundScore, totalScore, type FormulaInputs } from './formulas';
import { pts } from './format';
import { gradeOf } from './rubric';
import type { FujianForm, FujianRule } from './rubrics/fujian-2018';

export interface FujianRow {
  /** Rule id of the form (`R17.C01`, `R17.B10`, `R17.X`, `S17.F`, `R18.I`, `R18.A01`…). */
  rule: string;
  name?: string;
  /** 分值 as printed (required for 备选/自编/简易/个性 rows; fixed rows default to the rule's weight). */
  weight?: number | null;
  /** What the formula reads (ratio or numerator/denominator, count, issues, conditions). */
  inputs: Omit<FormulaInputs, 'weight'>;
  score: number | null;
  cells?: { score?: CellRef; weight?: CellRef };
  /**
   * The form prints nothing the rule reads (组织保障, 制度, 问题数…): the printed score is checked to be one
   * the rule can give, and stands for the recomputed one.
   */
  unprinted?: boolean;
}

export interface FujianEvaluation {
  project: string;
  rows: FujianRow[];
  /** 评价总分（S）as printed. */
  total: number | null;
  /** 总分值 / 总权重 as printed, when the form prints it. */
  totalWeight?: number | null;
  grade: string | null;
  cells?: { total?: CellRef; totalWeight?: CellRef; grade?: CellRef };
}

export interface FujianResult {
  findings: Finding[];
  /** Per row, the rule's exact score (null when its inputs are missing). */
  expected: (number | null)[];
  recomputedTotal: number | null;
  /** Grade of the printed S (recomputed S when none is printed), without rescaling to 100. */
  grade: string | null;
  totalWeight: number;
}

function at(ref: CellRef | undefined): string {
  return ref ? `${refText(ref)}：` : '';
}

export function checkFujianForm(form: FujianForm, ev: FujianEvaluation): FujianResult {
  const findings: Finding[] = [];
  const add = (rule: string, severity: Severity, message: string, cells: (CellRef | undefined)[], extra: Partial<Finding> = {}) =>
    findings.push({ rule, severity, table: ev.project, message, cells: cells.filter((c): c is CellRef => !!c), ...extra });
  const rules = new Map(form.rules.map((r) => [r.id, r]));
  const weights: number[] = [];
  const parts: { rule: FujianRule; weight: number }[] = [];
  const expected = ev.rows.map((row) => {
    const rule = rules.get(row.rule);
    const label = row.name ?? rule?.name ?? row.rule;
    if (!rule) {
      add('F6', 'error', `${at(row.cells?.score)}指标“${label}”的规则编号“${row.rule}”不属于${form.title}。`, [row.cells?.score]);
      return null;
    }
    const weight = row.weight ?? rule.weight;
    if (weight === null || weight === undefined) {
      add('F6', 'error', `${at(row.cells?.weight)}指标“${label}”未填分值。`, [row.cells?.weight]);
      return null;
    }
    weights.push(weight);
    parts.push({ rule, weight });
    if (rule.weight !== null && row.weight != null && row.weight !== rule.weight) {
      add(
        'F3',
        'error',
        `${at(row.cells?.weight)}共性指标“${label}”分值应为${pts(rule.weight)}分（${rule.ruleText.slice(0, 6)}…），表中为${pts(row.weight)}分。`,
        [row.cells?.weight],
        {
          expected: rule.weight,
          actual: row.weight,
        },
      );
    }
    if (row.score !== null && row.score > weight + 1e-9) {
      add('F2', 'error', `${at(row.cells?.score)}指标“${label}”得分${pts(row.score)}超过分值${pts(weight)}。`, [row.cells?.score], {
        expected: weight,
        actual: row.score,
      });
    }
    const r = evaluateFormula(rule.formula, { ...row.inputs, weight });
    if (!r.ok && row.unprinted && isEnumerable(rule.formula)) {
      if (row.score === null) return null;
      const can = attainableScores(rule.formula, weight);
      if (can.some((s) => Math.abs(s - row.score!) <= 0.005 + 1e-9)) return row.score;
      add(
        'F1',
        'error',
        `${at(row.cells?.score)}指标“${label}”得分${pts(row.score)}不是评分标准「${rule.ruleText}」可得的分值（可得：${can.slice(0, 12).map(pts).join('、')}${can.length > 12 ? '…' : ''}）。`,
        [row.cells?.score],
        { actual: row.score },
      );
      return null;
    }
    if (!r.ok) {
      add('F6', 'warning', `${at(row.cells?.score)}指标“${label}”缺少计分所需的“${r.missing}”，得分未复核。`, [row.cells?.score]);
      return null;
    }
    if (row.score !== null) {
      // Rubric tolerance: |printed − exact| ≤ 0.005 passes, ≤ 0.01 is a tail, more is an error.
      const diff = Math.abs(row.score - r.score);
      if (diff > 0.005 + 1e-9) {
        add(
          'F1',
          diff <= 0.01 + 1e-9 ? 'tail' : 'error',
          `${at(row.cells?.score)}指标“${label}”按评分标准「${rule.ruleText}」应得${pts(r.score)}分，表中为${pts(row.score)}分。`,
          [row.cells?.score],
          { expected: roundScore(r.score), actual: row.score },
        );
      }
    }
    return r.score;
  });

  // F3: the weights of the parts.
  const sum = (xs: number[]) => totalScore(xs)!;
  const common = parts.filter((p) => p.rule.part === 'common').map((p) => p.weight);
  const individual = parts.filter((p) => p.rule.part === 'individual').map((p) => p.weight);
  const adjustment = parts.filter((p) => p.rule.part === 'adjustment').map((p) => p.weight);
  if (form.commonTotal !== null && sum(common) !== form.commonTotal) {
    add('F3', 'error', `共性指标分值合计${pts(sum(common))}，应为${form.commonTotal}（共性指标体系${form.commonTotal}%）。`, [], {
      expected: form.commonTotal,
      actual: sum(common),
    });
  }
  if (form.individualTotalMax !== null && sum(individual) > form.individualTotalMax + 1e-9) {
    add('F3', 'error', `个性指标分值合计${pts(sum(individual))}，超过${form.individualTotalMax}。`, [], {
      expected: form.individualTotalMax,
      actual: sum(individual),
    });
  }
  if (form.individualMaxWeight !== null && individual.some((w) => w > form.individualMaxWeight! + 1e-9)) {
    add('F3', 'error', `单个个性指标分值不得超过${form.individualMaxWeight}（表中最大为${pts(Math.max(...individual))}）。`, [], {
      expected: form.individualMaxWeight,
      actual: Math.max(...individual),
    });
  }
  if (form.individualMaxSpread !== null && individual.length > 1) {
    const spread = roundScore(Math.max(...individual) - Math.min(...individual));
    if (spread > form.individualMaxSpread + 1e-9) {
      add('F3', 'error', `各指标分值之差为${pts(spread)}，不得超过${form.individualMaxSpread}。`, [], {
        expected: form.individualMaxSpread,
        actual: spread,
      });
    }
  }
  const totalWeight = sum([...common, ...individual, ...adjustment]);
  if (form.fixedTotalWeight !== null && totalWeight !== form.fixedTotalWeight) {
    add('F3', 'error', `分值合计${pts(totalWeight)}，应为${form.fixedTotalWeight}。`, [], { expected: form.fixedTotalWeight, actual: totalWeight });
  }
  if (ev.totalWeight != null && Math.abs(ev.totalWeight - totalWeight) > 1e-9) {
    add(
      'F3',
      'error',
      `${at(ev.cells?.totalWeight)}总分值印为${pts(ev.totalWeight)}，各指标分值合计为${pts(totalWeight)}。`,
      [ev.cells?.totalWeight],
      {
        expected: totalWeight,
        actual: ev.totalWeight,
      },
    );
  }

  // F4: S = Σ printed scores; F5: the grade of S, never rescaled to 100.
  const printedSum = totalScore(ev.rows.map((r) => r.score));
  if (ev.total !== null && printedSum !== null && Math.abs(ev.total - printedSum) > 0.01 + 1e-9) {
    add('F4', 'error', `${at(ev.cells?.total)}评价总分（S）印为${pts(ev.total)}，各指标得分之和为${pts(printedSum)}。`, [ev.cells?.total], {
      expected: printedSum,
      actual: ev.total,
    });
  }
  const recomputedTotal = totalScore(expected);
  const basis = ev.total ?? recomputedTotal;
  const grade = basis === null ? null : gradeOf(basis, form.grades);
  if (ev.grade !== null && grade !== null && ev.grade !== grade) {
    add(
      'F5',
      'error',
      `${at(ev.cells?.grade)}评价等级印为“${ev.grade}”，S=${pts(basis!)}应为“${grade}”（${form.gradeRuleText}；按实得分评级，不按总分值${pts(totalWeight)}折算）。`,
      [ev.cells?.grade],
    );
  }
  return { findings, expected, recomputedTotal, grade, totalWeight };
}
