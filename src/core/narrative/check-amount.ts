// N1, N5, N8: an amount against the table cell of its subject, at the printed precision of the text (an amount in
// 亿元 as its exact 万元, at a step of 0.01 亿元), with the 尾差 policy; a subject the tables do not have must be 0.
import { classifyDifference, type Severity } from '../findings';
import { formatAmount, MINOR_PER_UNIT } from '../money';
import type { Resolution } from './subjects';
import { round2, textUnit, valueInUnit, type FigureCheckContext, type Report, type Work } from './figure-work';
import { writtenAmount } from './figures';

export function checkAmount(work: Work, res: Resolution, ctx: FigureCheckContext, report: Report): void {
  const { fig, result, subject } = work;
  const unit = textUnit(fig.unit)!;
  const label = subject!.label;
  if (res.kind === 'untabled') {
    result.note = `${res.reason}，未核对`;
    if (subject!.id === 'perfFunds') checkPerformanceFunds(work, ctx, report);
    return;
  }
  if (res.kind === 'absent') {
    result.expected = 0;
    if (work.minor === 0) {
      result.status = 'ok';
      result.note = `${res.reason}，即为 0`;
    } else {
      result.status = 'error';
      report('N1', 'error', `${label}写为 ${writtenAmount(fig)}，但${res.reason}（应为 0）。`, []);
    }
    return;
  }
  result.cells = res.cells;
  const cellValue = valueInUnit(res.minor, res.unit);
  result.expected = round2(valueInUnit(res.minor, unit));
  const where = res.cells.length ? `（公开${res.table}表）` : '';
  // 元 written where the tables' 万元 is meant: the number is the 万元 figure.
  if (unit !== res.unit) {
    const asTableUnit = Math.round(fig.value * 10 ** fig.decimals) === Math.round(cellValue * 10 ** fig.decimals);
    if (asTableUnit && res.minor !== 0) {
      result.status = 'error';
      result.expected = round2(cellValue);
      report(
        'N8',
        'error',
        `${label} ${writtenAmount(fig).replace(' ', '')}：表中为 ${formatAmount(res.minor, res.unit)} ${res.unit}${where}，单位应为“${res.unit}”。`,
        res.cells,
      );
      return;
    }
  }
  // Compare at the printed precision of the text (2500 万元 against 2500.00).
  const step = MINOR_PER_UNIT[unit] * 10 ** -fig.decimals;
  const cellAtTextPrecision = Math.round(res.minor / step) * step;
  const diff = work.minor! - (fig.decimals >= 2 ? res.minor : cellAtTextPrecision);
  const cls = fig.decimals >= 2 ? classifyDifference(diff, 1, res.unit) : diff === 0 ? 'none' : 'error';
  const running = subject!.id === 'running';
  if (cls === 'none') {
    result.status = 'ok';
    return;
  }
  const rule = running ? 'N5' : 'N1';
  const severity: Severity = cls === 'tail' ? 'tail' : running ? 'warning' : 'error';
  result.status = severity === 'tail' ? 'tail' : severity;
  const what = running ? '机关运行经费应等于公开06表的公用经费合计（行政单位和参公事业单位）' : `${label}与表中数不一致`;
  report(
    rule,
    severity,
    `${what}：文中为 ${writtenAmount(fig)}，表中为 ${formatAmount(res.minor, res.unit)} ${res.unit}${where}` +
      (severity === 'tail'
        ? `，相差 ${Math.abs(round2(fig.value - result.expected)).toFixed(2)}，属尾差，可改为 ${result.expected.toFixed(2)}。`
        : '。'),
    res.cells,
    { unit: res.unit, expectedMinor: res.minor, actualMinor: unit === res.unit ? work.minor : undefined },
  );
}

/** 绩效自评涉及的财政拨款资金 larger than all the unit's 财政拨款 spending is implausible (a 提示). */
function checkPerformanceFunds(work: Work, ctx: FigureCheckContext, report: Report): void {
  const t = ctx.accounts.tables['04'];
  const grand = t?.rows.find((r) => r.key === 'exp.grand')?.cells.total;
  if (!t || !grand?.ref || work.minor === undefined || grand.minor <= 0) return;
  if (work.minor <= grand.minor) return;
  work.result.status = 'warning';
  work.result.cells = [grand.ref];
  work.result.note = '超过财政拨款支出总计';
  report(
    'N1',
    'warning',
    `绩效自评涉及的财政拨款资金 ${work.fig.value} 万元，是本单位财政拨款支出总计 ${formatAmount(grand.minor, t.unit)} ${t.unit}（公开04表）的 ${(work.minor / grand.minor).toFixed(1)} 倍，请核实金额和单位。`,
    [grand.ref],
  );
}
