// Checks of one 项目绩效自评表 under a disclosure rubric (2024 公开表 rule set).
// Rule ids: P1 执行率, P2 zero budget, P3 执行率 score rule, P4 100% not full, P6 indicator score,
// P7 score above weight, P8 blank weight/score, P9 weights, P10 总分, P12 impossible rate,
// P13 元 for 万元, P14 `>` merely equalled, P15 cost vs 执行数, P16 missing 偏差原因, P17 full score on
// unfinished work, P18 fund rows,
// P19 funds figure missing (执行率 cannot be recomputed).
import { refText, type CellRef } from '../cells';
import { classifyDifference, type Finding, type Severity } from '../findings';
import { formatAmount, MINOR_PER_UNIT, minorToUnit, type MoneyUnit } from '../money';
import { evaluateFormula, roundScore, totalScore, type Formula } from './formulas';
import { pct, pts } from './format';
import type { FundRow, Indicator, MoneyCell, NumberCell, ProjectEvaluation } from './model';
import { fundRow, money, num } from './model';
import type { DisclosureRubric } from './rubric';
import { UPPER_LIMIT } from './rubrics/disclosure-2024';
import { isPercent, isTenThousandYuan } from './target';

export interface ExecRatePoint {
  project: string;
  /** 执行率 in percent as printed (the score was given for it), else recomputed from the amounts. */
  rate: number;
  score: number;
  weight: number;
  scoreRef: CellRef;
}

export interface ProjectCheck {
  findings: Finding[];
  /** 执行率得分 + Σ indicator scores, each recomputed where the rubric allows, else as printed; null if one is missing. */
  recomputedTotal: number | null;
  execPoint: ExecRatePoint | null;
}

function refs(...cells: (CellRef | null | undefined)[]): CellRef[] {
  return cells.filter((c): c is CellRef => !!c);
}

/** numerator ÷ denominator in percent (执行率 = 执行数 ÷ 预算数…), from 分 (exact integers); null for a zero denominator. */
export function percentOf(numeratorMinor: number, denominatorMinor: number): number | null {
  if (denominatorMinor === 0) return null;
  return (numeratorMinor * 100) / denominatorMinor;
}

function indicatorName(ind: Indicator): string {
  return ind.level3.text || ind.level2 || ind.level1 || '（未命名指标）';
}

function formulaFor(ind: Indicator, rubric: DisclosureRubric): Formula | null {
  if (ind.target.kind !== 'quantitative') return null;
  const { op, value } = ind.target;
  if (op === '=' && value === 0) return rubric.operators['=0'];
  return rubric.operators[op];
}

const LTE_LABEL = { a: '约定(a)：超出部分按比例扣分，达到两倍指标值得0分', b: '约定(b)：分值 × 指标值 ÷ 实际值' };

/** Expected score of a quantitative indicator under the rubric; null when it cannot be computed. */
export function expectedIndicatorScore(ind: Indicator, rubric: DisclosureRubric, formula = formulaFor(ind, rubric)): number | null {
  const weight = num(ind.weight);
  const actual = num(ind.actual);
  if (!formula || weight === null || actual === null || ind.target.kind !== 'quantitative') return null;
  const target = ind.target.value;
  // A ≥ 0 target (e.g. 增长率 ≥ 0%) is met by any non-negative actual.
  const ratio = target === 0 ? (actual >= 0 ? Number.POSITIVE_INFINITY : 0) : actual / target;
  const r = evaluateFormula(formula, { weight, target, actual, ratio });
  return r.ok ? r.score : null;
}

export class Sink {
  findings: Finding[] = [];
  constructor(private readonly table: string) {}
  add(rule: string, severity: Severity, message: string, cells: CellRef[], extra: Partial<Finding> = {}): void {
    this.findings.push({ rule, severity, table: this.table, message, cells, ...extra });
  }
}

function checkFundRow(row: FundRow, unit: MoneyUnit, rubric: DisclosureRubric, sink: Sink, isTotal: boolean): void {
  const budget = money(row.budget);
  const spent = money(row.spent);
  const rate = num(row.rate);
  const label = row.label.text.replace(/^其中[:：]\s*/, '');
  if (budget !== null && spent !== null && budget !== 0 && rate !== null) {
    const exact = percentOf(spent, budget)!;
    const expected = roundScore(exact);
    if (Math.abs(expected - rate) > rubric.tolerances.rate + 1e-9) {
      sink.add(
        'P1',
        'error',
        `${refText(row.rate.ref!)}：${label}执行率印为${pct(rate)}，按全年执行数${formatAmount(spent, unit)} ÷ 全年预算数${formatAmount(budget, unit)}应为${pct(expected)}。`,
        refs(row.rate.ref, row.budget.ref, row.spent.ref),
        { expected, actual: rate },
      );
    }
  }
  if (isTotal && budget === 0 && spent !== null && spent > 0) {
    sink.add(
      'P2',
      'warning',
      `${refText(row.budget.ref!)}：全年预算数为0，全年执行数却有${formatAmount(spent, unit)}${unit}（无预算支出），执行率无法计算${rate !== null ? `，表中印为${pct(rate)}` : ''}。请核对全年预算数。`,
      refs(row.budget.ref, row.spent.ref, row.rate.ref),
      { unit, expectedMinor: 0, actualMinor: spent },
    );
  }
  if (isTotal && rate !== null && (budget === null || spent === null) && !row.budget.invalid && !row.spent.invalid) {
    const missing = budget === null ? row.budget : row.spent;
    sink.add(
      'P19',
      'warning',
      `${refText(missing.ref ?? row.rate.ref!)}：${budget === null ? '全年预算数' : '全年执行数'}未填，执行率${pct(rate)}无法复核。`,
      refs(missing.ref, row.rate.ref),
    );
  }
}

/** 年度资金总额 = 当年财政拨款 + 其他资金 + 上年结转资金, per amount column (尾差 policy). */
function checkFundSum(p: ProjectEvaluation, sink: Sink): void {
  const total = fundRow(p, 'total');
  const parts = (['fiscal', 'other', 'carryover'] as const).map((k) => fundRow(p, k));
  if (!total || parts.some((x) => !x)) return;
  const columns: [keyof FundRow, string][] = [
    ['initialBudget', '年初预算数'],
    ['budget', '全年预算数'],
    ['spent', '全年执行数'],
  ];
  for (const [col, name] of columns) {
    const t = money(total[col] as MoneyCell);
    const addends = parts.map((x) => money(x![col] as MoneyCell));
    if (t === null || addends.some((a) => a === null)) continue;
    const sum = addends.reduce((s, a) => s! + a!, 0)!;
    const cls = classifyDifference(t - sum, addends.filter((a) => a !== 0).length, p.unit);
    if (cls === 'none') continue;
    sink.add(
      'P18',
      cls,
      `${refText((total[col] as MoneyCell).ref!)}：年度资金总额的${name}${formatAmount(t, p.unit)}不等于当年财政拨款、其他资金、上年结转资金之和${formatAmount(sum, p.unit)}。`,
      refs((total[col] as MoneyCell).ref, ...parts.map((x) => (x![col] as MoneyCell).ref)),
      { unit: p.unit, expectedMinor: sum, actualMinor: t },
    );
  }
}

/** The cells the 执行率 score depends on (项目: 年度资金总额 row; 部门整体: 合计 row with ③ and ④). */
export interface ExecCells {
  weight: NumberCell;
  score: NumberCell;
  rate: NumberCell;
  budget: MoneyCell;
  spent: MoneyCell;
}

function checkExecScore(p: ProjectEvaluation, rubric: DisclosureRubric, sink: Sink): { score: number | null; point: ExecRatePoint | null } {
  const total = fundRow(p, 'total');
  if (!total) return { score: null, point: null };
  return checkExecScoreCells(p.name, total, rubric, sink);
}

/** P8 blank, P7 out of range, P3 against the configured rule, P4 100% not full. Returns the score to total with. */
export function checkExecScoreCells(
  name: string,
  total: ExecCells,
  rubric: DisclosureRubric,
  sink: Sink,
): { score: number | null; point: ExecRatePoint | null } {
  const weight = num(total.weight) ?? rubric.execWeight;
  const score = num(total.score);
  const budget = money(total.budget);
  const spent = money(total.spent);
  // The score was given for the printed rate; a wrong printed rate is P1's finding, not this one's.
  const rate = num(total.rate) ?? (budget !== null && spent !== null ? percentOf(spent, budget) : null);
  if (total.score.blank) {
    sink.add('P8', 'error', `${refText(total.score.ref ?? total.rate.ref!)}：执行率得分未填。`, refs(total.score.ref ?? total.rate.ref));
    return { score: null, point: null };
  }
  if (score === null) return { score: null, point: null };
  if (score > weight + 1e-9 || score < 0) {
    sink.add(
      'P7',
      'error',
      `${refText(total.score.ref!)}：执行率得分${pts(score)}超出分值范围0–${pts(weight)}。`,
      refs(total.score.ref, total.weight.ref),
      {
        expected: weight,
        actual: score,
      },
    );
  }
  let expected: number | null = null;
  if (rubric.execRateRule.kind === 'formula' && rate !== null) {
    const r = evaluateFormula(rubric.execRateRule.formula, { weight, ratio: rate / 100 });
    if (r.ok) {
      expected = r.score;
      if (Math.abs(roundScore(r.score) - score) > rubric.tolerances.score + 1e-9) {
        sink.add(
          'P3',
          'warning',
          `${refText(total.score.ref!)}：执行率${pct(rate)}，按所选规则“${rubric.execRateRule.label}”应得${pts(r.score)}分，表中为${pts(score)}分。`,
          refs(total.score.ref, total.rate.ref),
          { expected: roundScore(r.score), actual: score },
        );
      }
    }
  } else if (rate !== null && rate >= 100 - 1e-9 && score < weight - rubric.tolerances.score) {
    // Rule-independent: every 执行率 rule gives full marks at 100%.
    sink.add(
      'P4',
      'warning',
      `${refText(total.score.ref!)}：执行率${pct(rate)}，应得满分${pts(weight)}分，表中为${pts(score)}分。`,
      refs(total.score.ref, total.rate.ref),
      {
        expected: weight,
        actual: score,
      },
    );
  }
  const point = rate !== null && total.score.ref ? { project: name, rate, score, weight, scoreRef: total.score.ref } : null;
  return { score: expected ?? score, point };
}

function hasReason(ind: Indicator, rubric: DisclosureRubric): boolean {
  const t = ind.reason.text.replace(/\s+/g, '');
  return t !== '' && !rubric.plausibility.emptyReasons.includes(t);
}

function isCostIndicator(ind: Indicator): boolean {
  return ind.level1.includes('成本') || ind.level2.includes('成本');
}

/** Checks one indicator row; returns its recomputed score (or the printed one where no formula applies). */
export function checkIndicator(ind: Indicator, spentCell: MoneyCell | undefined, rubric: DisclosureRubric, sink: Sink): number | null {
  const name = indicatorName(ind);
  const weight = num(ind.weight);
  const score = num(ind.score);
  const actual = num(ind.actual);
  const t = ind.target;
  const formula = formulaFor(ind, rubric);
  const exact = expectedIndicatorScore(ind, rubric, formula);
  if (ind.score.blank && !ind.weight.blank && exact !== null && roundScore(exact) === 0) {
    // The actual value earns nothing: a blank score reads as 0 (the 总分 is checked with 0 for it, P10).
    sink.add('P8', 'warning', `${refText(ind.score.ref!)}：指标“${name}”的自评得分未填，按实际完成值应得0分，按0分计。`, refs(ind.score.ref));
  } else if (ind.weight.blank || ind.score.blank) {
    const what = ind.weight.blank && ind.score.blank ? '指标分值和自评得分' : ind.weight.blank ? '指标分值' : '自评得分';
    const at = ind.score.blank ? ind.score.ref : ind.weight.ref;
    sink.add(
      'P8',
      'error',
      `${refText(at!)}：指标“${name}”的${what}未填。`,
      refs(ind.score.blank ? ind.score.ref : null, ind.weight.blank ? ind.weight.ref : null),
    );
  }
  if (weight !== null && score !== null && (score > weight + 1e-9 || score < 0)) {
    sink.add(
      'P7',
      'error',
      `${refText(ind.score.ref!)}：指标“${name}”自评得分${pts(score)}超出指标分值范围0–${pts(weight)}。`,
      refs(ind.score.ref, ind.weight.ref),
      {
        expected: weight,
        actual: score,
      },
    );
  }
  if (exact !== null && score !== null && t.kind === 'quantitative' && score <= weight! + 1e-9) {
    const expected = roundScore(exact);
    if (Math.abs(expected - score) > rubric.tolerances.score + 1e-9) {
      const upper = t.op === '≤' || t.op === '<';
      let why = '';
      if (upper) {
        const other = rubric.upperLimitConvention === 'a' ? 'b' : 'a';
        const alt = expectedIndicatorScore(ind, rubric, UPPER_LIMIT[other]);
        why = `（${LTE_LABEL[rubric.upperLimitConvention]}${alt !== null ? `；按${LTE_LABEL[other]}应得${pts(alt)}分` : ''}）`;
      } else if (t.op === '=' && t.value === 0) {
        why = '（指标值为0：实际为0得满分，否则不得分）';
      } else {
        why = actual !== null && t.value !== 0 && actual < t.value ? '（未完成的按完成值与指标值的比例计分）' : '（已完成指标值，应得满分）';
      }
      sink.add(
        'P6',
        upper ? 'warning' : 'error',
        `${refText(ind.score.ref!)}：指标“${name}”年度指标值${t.text}，实际完成值${ind.actual.raw}，指标分值${pts(weight!)}，应得${pts(expected)}分${why}，表中为${pts(score)}分。`,
        refs(ind.score.ref, ind.targetRef, ind.actual.ref),
        { expected, actual: score },
      );
    }
  }
  if (t.kind === 'quantitative' && actual !== null) {
    const words = rubric.plausibility.boundedRateWords;
    if (isPercent(t.unit) && actual > 100 && words.some((w) => name.includes(w) || ind.level2.includes(w))) {
      sink.add(
        'P12',
        'warning',
        `${refText(ind.actual.ref!)}：指标“${name}”是比率，实际完成值${pts(actual)}%超过100%，不可能成立。`,
        refs(ind.actual.ref),
        { expected: 100, actual },
      );
    }
    const upperLimit = t.op === '≤' || t.op === '<';
    const looksLikeYuan =
      isTenThousandYuan(t.unit) && (upperLimit || isCostIndicator(ind)) && t.value > 0 && actual >= t.value * rubric.plausibility.yuanFactor;
    if (looksLikeYuan) {
      sink.add(
        'P13',
        'warning',
        `${refText(ind.actual.ref!)}：指标“${name}”的指标值以万元计（${t.text}），实际完成值${ind.actual.raw}是它的${pts(actual / t.value)}倍，疑似按“元”填列（折合${pts(actual / 10000)}万元）。`,
        refs(ind.actual.ref, ind.targetRef),
        { expected: t.value, actual },
      );
    }
    if (t.op === '>' && actual === t.value && score !== null && weight !== null && score >= weight - 1e-9) {
      sink.add(
        'P14',
        'warning',
        `${refText(ind.score.ref!)}：指标“${name}”年度指标值为${t.text}（须大于${pts(t.value)}），实际完成值${pts(actual)}只是等于指标值，却得满分${pts(score)}分。`,
        refs(ind.score.ref, ind.actual.ref, ind.targetRef),
      );
    }
    const spent = spentCell ? money(spentCell) : null;
    const perUnit = rubric.plausibility.perUnitWords.some((w) => name.includes(w));
    if (isCostIndicator(ind) && isTenThousandYuan(t.unit) && !looksLikeYuan && !perUnit && spent !== null && spent > 0) {
      const ratio = actual / (spent / MINOR_PER_UNIT['万元']);
      if (ratio < rubric.plausibility.costLow || ratio > rubric.plausibility.costHigh) {
        const spentRef = spentCell!.ref;
        sink.add(
          'P15',
          'warning',
          `${refText(ind.actual.ref!)}：成本指标“${name}”实际完成值${pts(actual)}万元，与项目全年执行数${formatAmount(spent, '万元')}万元相差较大，请核对。`,
          refs(ind.actual.ref, spentRef),
          { expected: minorToUnit(spent, '万元'), actual },
        );
      }
    }
  }
  if (weight !== null && score !== null && score < weight - rubric.tolerances.score && !hasReason(ind, rubric)) {
    sink.add(
      'P16',
      'warning',
      `${refText(ind.reason.ref ?? ind.score.ref!)}：指标“${name}”得分${pts(score)}低于指标分值${pts(weight)}，但未填写偏差原因分析及改进措施${ind.reason.text ? `（只写了“${ind.reason.text}”）` : ''}。`,
      refs(ind.reason.ref, ind.score.ref),
    );
  }
  checkUnfinishedFullScore(ind, name, weight, score, sink);
  if (exact !== null) return exact;
  return score;
}

/** Words that say the work is not done; an indicator so described rarely earns its full score. */
const UNFINISHED = /尚未|正在编制|未完成|暂无(?!偏差|差异|问题|异常)/;

/** P17: full score on an indicator whose 实际完成值 or 偏差原因 says the work is not finished (a 提示). */
function checkUnfinishedFullScore(ind: Indicator, name: string, weight: number | null, score: number | null, sink: Sink): void {
  if (weight === null || score === null || weight <= 0 || Math.abs(score - weight) > 1e-9) return;
  const notes: Array<[string, CellRef | null]> = [
    [typeof ind.actual.raw === 'string' ? ind.actual.raw : '', ind.actual.ref],
    [ind.reason.text, ind.reason.ref],
  ];
  const said = notes.find(([text]) => UNFINISHED.test(text));
  if (!said) return;
  sink.add(
    'P17',
    'warning',
    `${refText(ind.score.ref ?? said[1]!)}：指标“${name}”得满分${pts(score)}，但${said[1] === ind.actual.ref ? '实际完成值' : '说明'}写着“${said[0].trim()}”，工作似未完成。请核对得分，或写明得满分的理由。`,
    refs(ind.score.ref, said[1]),
  );
}

export function checkProject(p: ProjectEvaluation, rubric: DisclosureRubric): ProjectCheck {
  const sink = new Sink(p.name);
  p.funds.forEach((row) => checkFundRow(row, p.unit, rubric, sink, row.key === 'total'));
  checkFundSum(p, sink);
  const exec = checkExecScore(p, rubric, sink);
  const total = fundRow(p, 'total');
  const indicatorScores = p.indicators.map((ind) => checkIndicator(ind, total?.spent, rubric, sink));
  checkWeightsAndTotal(p.indicators, total?.weight ?? null, total?.score ?? null, p.total, rubric, sink);
  return { findings: sink.findings, recomputedTotal: totalScore([exec.score, ...indicatorScores]), execPoint: exec.point };
}

/** P9: Σ 指标分值 + 执行率分值 = 100; P10: 总分 = 执行率得分 + Σ 自评得分 (within 0.1). */
export function checkWeightsAndTotal(
  indicators: Indicator[],
  execWeightCell: NumberCell | null,
  execScoreCell: NumberCell | null,
  totalCell: NumberCell,
  rubric: DisclosureRubric,
  sink: Sink,
): void {
  const execWeight = (execWeightCell && num(execWeightCell)) ?? rubric.execWeight;
  const weightSum = indicators.length > 0 ? totalScore([...indicators.map((i) => num(i.weight)), execWeight]) : null;
  if (weightSum !== null && Math.abs(weightSum - rubric.totalWeight) > 1e-6) {
    sink.add(
      'P9',
      'error',
      `${refText(indicators[0].weight.ref!)}：指标分值合计${pts(weightSum - execWeight)}加执行率分值${pts(execWeight)}等于${pts(weightSum)}，应为${pts(rubric.totalWeight)}。`,
      refs(...indicators.map((i) => i.weight.ref), execWeightCell?.ref),
      { expected: rubric.totalWeight, actual: weightSum },
    );
  }
  const sum = totalScore([execScoreCell ? num(execScoreCell) : null, ...indicators.map((i) => num(i.score))]);
  const printedTotal = num(totalCell);
  if (printedTotal !== null && sum !== null) {
    if (Math.abs(sum - printedTotal) > rubric.tolerances.total + 1e-9) {
      sink.add(
        'P10',
        'error',
        `${refText(totalCell.ref!)}：总分印为${pts(printedTotal)}，执行率得分与各指标自评得分之和为${pts(sum)}。`,
        refs(totalCell.ref),
        {
          expected: sum,
          actual: printedTotal,
        },
      );
    }
  } else if (totalCell.blank && totalCell.ref) {
    sink.add('P8', 'error', `${refText(totalCell.ref)}：总分未填。`, refs(totalCell.ref));
  }
}

/**
 * Within one workbook a higher 执行率 never scores lower (whatever the region's rule). For each project that
 * scored lower than projects with a lower rate, one warning naming every such project (lowest rate first),
 * with its score cell.
 */
export function checkExecInversions(points: ExecRatePoint[]): Finding[] {
  const out: Finding[] = [];
  for (const a of points) {
    const better = points.filter((b) => b !== a && b.weight === a.weight && b.rate < a.rate - 1e-9 && b.score > a.score + 1e-9);
    if (better.length === 0) continue;
    better.sort((x, y) => x.rate - y.rate);
    const listed = better.map((b) => `项目“${b.project}”执行率${pct(b.rate)}得${pts(b.score)}分（${refText(b.scoreRef)}）`).join('，');
    out.push({
      rule: 'P5',
      severity: 'warning',
      table: a.project,
      message: `${refText(a.scoreRef)}：执行率${pct(a.rate)}只得${pts(a.score)}分，而执行率更低的${better.length > 1 ? `${better.length}个项目` : '项目'}得分更高：${listed}。执行率评分前后不一致。`,
      cells: [a.scoreRef, ...better.map((b) => b.scoreRef)],
      expected: better[0].score,
      actual: a.score,
    });
  }
  return out;
}
