// 较上年 增加/减少 and 增长/下降 %: a change against last year's tables when given, a rate recomputed from the
// change and the current figure; the two must point the same way.
import { classifyDifference } from '../findings';
import { formatAmount, MINOR_PER_UNIT } from '../money';
import type { NarrativeSentence } from './model';
import { half, rateAgrees, rateInterval, round2, textUnit, valueInUnit, type FigureCheckContext, type Report, type Work } from './figure-work';

/**
 * A change (增加/减少 … 万元): against last year's tables when they are given (this year's cell minus last
 * year's, with the 尾差 policy of a two-figure difference); otherwise only through its rate.
 */
export function checkChange(work: Work, current: Work | null, ctx: FigureCheckContext, sentence: NarrativeSentence, report: Report): void {
  const { fig, result } = work;
  if (!current) {
    result.note = '找不到增减额所指的本年数，未核对';
    return;
  }
  const res = current.resolution;
  const prior = ctx.lastYear && current.subject ? current.subject.resolve(ctx.lastYear, sentence.topic) : null;
  const unit = textUnit(fig.unit);
  if (!prior || prior.kind === 'untabled' || !res || res.kind === 'untabled' || !unit || work.minor === undefined) {
    result.note = ctx.lastYear ? '上年表中没有此项，增减额只能与增长率互相核对' : '没有上年数，增减额只能与增长率互相核对';
    return;
  }
  const now = res.kind === 'cell' ? res.minor : 0;
  const before = prior.kind === 'cell' ? prior.minor : 0;
  const tableUnit = res.kind === 'cell' ? res.unit : prior.kind === 'cell' ? prior.unit : unit;
  const actual = now - before;
  const stated = fig.direction === 'down' ? -work.minor : work.minor;
  const cells = [...(res.kind === 'cell' ? res.cells : []), ...(prior.kind === 'cell' ? prior.cells : [])];
  result.cells = cells;
  result.expected = round2(valueInUnit(Math.abs(actual), unit));
  // A change printed coarser than 0.01 (增加 100 万元, 增加 0.31 亿元) is the exact change rounded to its step.
  const step = MINOR_PER_UNIT[unit] * 10 ** -fig.decimals;
  const cls =
    fig.decimals >= 2
      ? classifyDifference(stated - actual, 2, tableUnit)
      : stated === Math.sign(actual) * Math.round(Math.abs(actual) / step) * step
        ? 'none'
        : 'error';
  const priorText = `上年数 ${formatAmount(before, tableUnit)}，本年数 ${formatAmount(now, tableUnit)}`;
  if (cls === 'none') {
    result.status = 'ok';
    result.note = `与上年数一致（${priorText}）`;
    return;
  }
  result.status = cls === 'tail' ? 'tail' : 'error';
  const should = actual === 0 ? '持平' : `${actual > 0 ? '增加' : '减少'} ${formatAmount(Math.abs(actual), tableUnit)} ${tableUnit}`;
  report(
    'N1',
    cls === 'tail' ? 'tail' : 'error',
    `${current.result.subject}较上年“${fig.text}”与上年数不符：${priorText}，应为${should}` + (cls === 'tail' ? '，属尾差。' : '。'),
    cells,
    { unit: tableUnit, expectedMinor: actual, actualMinor: stated },
  );
}

export function checkRate(work: Work, works: Work[], current: Work | null, report: Report): void {
  const { fig, result } = work;
  const change = [...works].reverse().find((w) => w !== work && w.fig.kind === 'change' && !w.fig.inReason);
  if (!change || !current || current.minor === undefined || change.minor === undefined) {
    result.note = change ? '找不到增长率所指的本年数，未核对' : '没有对应的增减额，且没有上年数，未核对';
    return;
  }
  const label = current.result.subject ?? '';
  const cells = current.result.cells;
  if (change.fig.direction !== fig.direction) {
    result.status = 'error';
    if (change.result.status === 'unverified') change.result.status = 'error';
    report('N2', 'error', `${label}：增减方向前后矛盾，“${change.fig.text}”与“${fig.text}”（增加对应增长，减少对应下降）。`, cells);
    return;
  }
  const unit = textUnit(current.fig.unit)!;
  const c = current.fig.value;
  const x = change.fig.value * (textUnit(change.fig.unit) === unit ? 1 : change.fig.unit === '元' ? 1e-4 : 1e4);
  const up = fig.direction === 'up';
  const [lo, hi] = rateInterval(x, half(change.fig.decimals), c, half(current.fig.decimals), up);
  const prior = up ? c - x : c + x;
  const point = prior > 0 ? round2((x / prior) * 100) : NaN;
  result.expected = Number.isFinite(point) ? point : undefined;
  if (rateAgrees(fig, lo, hi)) {
    result.status = 'ok';
    result.note = `由增减额和本年数推算（上年数 ${round2(prior).toFixed(2)} ${current.fig.unit}）`;
    result.cells = cells;
    if (change.result.status === 'unverified') {
      change.result.status = 'ok';
      change.result.note = '与增长率和本年数一致';
      change.result.cells = cells;
    }
    return;
  }
  result.status = 'error';
  if (change.result.status === 'unverified') change.result.status = 'error';
  const why =
    prior > 0
      ? `应为 ${point.toFixed(2)}%（上年数 = ${c} ${up ? '−' : '+'} ${change.fig.value} = ${round2(prior).toFixed(2)}）`
      : '上年数为 0 或负数，不能计算增长率';
  report(
    'N2',
    'error',
    `${label}的${up ? '增长' : '下降'}率与增减额不符：文中为 ${fig.value}%，按本年数 ${c} 和增减额 ${change.fig.value} 推算${why}。`,
    cells,
    {
      expected: Number.isFinite(point) ? point : undefined,
      actual: fig.value,
    },
  );
}
