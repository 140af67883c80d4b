// Checks of the 部门整体绩效自评表: the funds block identities (D1…D5), the 执行率 score and the indicators.
import { refText, type CellRef } from '../cells';
import { classifyDifference } from '../findings';
import { formatAmount } from '../money';
import { roundScore, totalScore } from './formulas';
import { pct } from './format';
import { money, num, type DeptEvaluation, type DeptFundKey, type DeptFundRow, type MoneyCell, type NumberCell } from './model';
import { checkExecScoreCells, checkIndicator, checkWeightsAndTotal, percentOf, Sink, type ProjectCheck } from './project-checks';
import type { DisclosureRubric } from './rubric';

function rowLabel(row: DeptFundRow): string {
  return row.label.text.replace(/^[①②③④⑤]/, '');
}

/** A money identity with the 尾差 policy: printed vs Σ of signed addends. */
function moneyIdentity(
  sink: Sink,
  d: DeptEvaluation,
  rule: string,
  printed: MoneyCell,
  addends: { cell: MoneyCell; sign: 1 | -1 }[],
  describe: (printedText: string, expectedText: string) => string,
): void {
  const p = money(printed);
  const values = addends.map((a) => money(a.cell));
  if (p === null || values.some((v) => v === null)) return;
  const expected = addends.reduce((s, a, i) => s + a.sign * values[i]!, 0);
  const cls = classifyDifference(p - expected, values.filter((v) => v !== 0).length, d.unit);
  if (cls === 'none') return;
  const cells = [printed.ref, ...addends.map((a) => a.cell.ref)].filter((c): c is CellRef => !!c);
  sink.add(rule, cls, `${refText(printed.ref!)}：${describe(formatAmount(p, d.unit), formatAmount(expected, d.unit))}`, cells, {
    unit: d.unit,
    expectedMinor: expected,
    actualMinor: p,
  });
}

/** A printed percentage vs numerator ÷ denominator (two decimals, 0.01 allowed). */
function rateIdentity(
  sink: Sink,
  rule: string,
  rate: NumberCell,
  numerator: MoneyCell,
  denominator: MoneyCell,
  what: string,
  tolerance: number,
): void {
  const r = num(rate);
  const n = money(numerator);
  const dd = money(denominator);
  const exact = n === null || dd === null ? null : percentOf(n, dd);
  if (r === null || exact === null) return;
  const expected = roundScore(exact);
  if (Math.abs(expected - r) <= tolerance + 1e-9) return;
  sink.add(
    rule,
    'error',
    `${refText(rate.ref!)}：${what}印为${pct(r)}，按表中金额计算应为${pct(expected)}。`,
    [rate.ref, numerator.ref, denominator.ref].filter((c): c is CellRef => !!c),
    {
      expected,
      actual: r,
    },
  );
}

const MONEY_COLUMNS: [keyof DeptFundRow, string][] = [
  ['initial', '年初部门预算安排金额①'],
  ['adjustment', '年中调整金额②'],
  ['subtotal', '小计③'],
  ['paid', '年度拨付金额④'],
  ['balance', '本年度结余金额⑥'],
];

export function checkDept(d: DeptEvaluation, rubric: DisclosureRubric): Omit<ProjectCheck, 'execPoint'> {
  const sink = new Sink(d.name);
  const row = (k: DeptFundKey) => d.funds.find((f) => f.key === k);
  for (const f of d.funds) {
    const label = rowLabel(f);
    moneyIdentity(
      sink,
      d,
      'D1',
      f.subtotal,
      [
        { cell: f.initial, sign: 1 },
        { cell: f.adjustment, sign: 1 },
      ],
      (p, e) => `${label}小计③印为${p}，①＋②为${e}。`,
    );
    rateIdentity(sink, 'D2', f.rate, f.paid, f.subtotal, `${label}支出实现率⑤（④÷③）`, rubric.tolerances.rate);
    moneyIdentity(
      sink,
      d,
      'D3',
      f.balance,
      [
        { cell: f.subtotal, sign: 1 },
        { cell: f.paid, sign: -1 },
      ],
      (p, e) => `${label}本年度结余金额⑥印为${p}，③－④为${e}。`,
    );
    rateIdentity(sink, 'D4', f.balanceRate, f.balance, f.subtotal, `${label}资金结余率⑦（⑥÷③）`, rubric.tolerances.rate);
  }
  // D5: the fund rows add up: 中央 + 省级 + 地方 = 财政资金小计; 财政资金小计 + 其他资金小计 = 合计.
  const sums: [DeptFundKey, DeptFundKey[]][] = [
    ['fiscal', ['central', 'provincial', 'local']],
    ['total', ['fiscal', 'other']],
  ];
  for (const [whole, parts] of sums) {
    const w = row(whole);
    const ps = parts.map(row);
    if (!w || ps.some((x) => !x)) continue;
    for (const [col, name] of MONEY_COLUMNS) {
      moneyIdentity(
        sink,
        d,
        'D5',
        w[col] as MoneyCell,
        ps.map((x) => ({ cell: x![col] as MoneyCell, sign: 1 as const })),
        (p, e) => `${rowLabel(w)}的${name}印为${p}，${ps.map((x) => rowLabel(x!)).join('＋')}为${e}。`,
      );
    }
  }
  const total = row('total');
  const exec = total
    ? checkExecScoreCells(
        d.name,
        { weight: total.weight, score: total.score, rate: total.rate, budget: total.subtotal, spent: total.paid },
        rubric,
        sink,
      )
    : { score: null };
  const scores = d.indicators.map((ind) => checkIndicator(ind, total?.paid, rubric, sink));
  checkWeightsAndTotal(d.indicators, total?.weight ?? null, total?.score ?? null, d.total, rubric, sink);
  return { findings: sink.findings, recomputedTotal: totalScore([exec.score, ...scores]) };
}
