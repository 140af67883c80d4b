// N1, N2, N5, N8: every figure of the text against the tables (or against the text's own figures where the
// tables do not carry them): amounts at the printed precision with the 尾差 policy, shares and 增长/下降
// rates recomputed, parts of a stated whole added up.
import type { CellRef } from '../cells';
import { classifyDifference, type Finding, type Severity } from '../findings';
import type { FinalAccounts } from '../model';
import { MINOR_PER_UNIT, toHalfWidth, type MoneyUnit } from '../money';
import { extractFigures, type TextFigure } from './figures';
import type { NarrativeSentence } from './model';
import type { FigureResult } from './result';
import { nameIndex, subjectBefore, type NameIndex, type Resolution, type SubjectMatch } from './subjects';
import { narrativeFinding } from './finding';

/** One figure being checked, with what the checks learn about it. */
export interface Work {
  fig: TextFigure;
  result: FigureResult;
  subject: SubjectMatch | null;
  resolution: Resolution | null;
  /** The figure in 分 (amounts and changes in 万元/元). */
  minor?: number;
  /** For a share recomputed from a table cell: the amount it is a share of, and the denominator's subject id. */
  numerator?: Work;
  denominator?: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const half = (decimals: number) => 0.5 * 10 ** -decimals;

function textUnit(unit: string): MoneyUnit | null {
  return unit === '万元' || unit === '元' ? unit : null;
}

/** Does a stated percentage (with its printed decimals) fall in the interval the figures allow? */
function rateAgrees(stated: TextFigure, lo: number, hi: number): boolean {
  const h = half(stated.decimals) + 1e-9;
  return stated.value + h >= lo && stated.value - h <= hi;
}

/** num/den·100 over the rounding of both figures (each ± half its printed step). */
function ratioInterval(num: number, hn: number, den: number, hd: number): [number, number] {
  const lo = den + hd > 0 ? ((num - hn) / (den + hd)) * 100 : -Infinity;
  const hi = den - hd > 0 ? ((num + hn) / (den - hd)) * 100 : Infinity;
  return [lo, hi];
}

/** The 增长/下降 rate a change implies, over the rounding of change and current figure. */
function rateInterval(change: number, hx: number, current: number, hc: number, up: boolean): [number, number] {
  if (up) {
    const loDen = current + hc - (change - hx);
    const hiDen = current - hc - (change + hx);
    return [loDen > 0 ? ((change - hx) / loDen) * 100 : Infinity, hiDen > 0 ? ((change + hx) / hiDen) * 100 : Infinity];
  }
  return [((change - hx) / (current + hc + change - hx)) * 100, ((change + hx) / Math.max(current - hc + change + hx, 1e-12)) * 100];
}

function valueInUnit(minor: number, unit: MoneyUnit): number {
  return minor / MINOR_PER_UNIT[unit];
}

export interface FigureCheckContext {
  accounts: FinalAccounts;
  /** Last year's tables, when known: the 较上年 changes are then checked against them. */
  lastYear?: FinalAccounts;
  /** Figures stated earlier in the text by subject id (for shares of 政府采购 and the like). */
  stated: Map<string, Work>;
  /** The tables' 类/款/项 names, for subjects named without a code. */
  names: NameIndex;
}

export function newFigureContext(accounts: FinalAccounts, lastYear?: FinalAccounts): FigureCheckContext {
  return { accounts, lastYear, stated: new Map(), names: nameIndex(accounts) };
}

/** The cells the finding names: the narrative's own cell first (so it is marked), then the tables'. */
function cellsOf(sentence: NarrativeSentence, table: CellRef[]): CellRef[] {
  return sentence.cell ? [sentence.cell, ...table] : table;
}

export function checkSentenceFigures(sentence: NarrativeSentence, ctx: FigureCheckContext): { works: Work[]; findings: Finding[] } {
  const s = toHalfWidth(sentence.text);
  const findings: Finding[] = [];
  const works: Work[] = [];
  const report = (rule: string, severity: Severity, message: string, cells: CellRef[], extra: Partial<Finding> = {}) =>
    findings.push(narrativeFinding(rule, severity, sentence, message, cellsOf(sentence, cells), extra));

  let prevEnd = 0;
  /** The amount a change or a rate in this sentence is about (the last amount with a subject). */
  let current: Work | null = null;
  const figs = extractFigures(sentence.text);
  for (const fig of figs) {
    const result: FigureResult = {
      text: fig.text,
      value: fig.value,
      kind: fig.kind,
      unit: fig.unit,
      sentence,
      subject: null,
      status: 'unverified',
      cells: [],
    };
    const work: Work = { fig, result, subject: null, resolution: null };
    works.push(work);
    const unit = textUnit(fig.unit);
    if (unit) work.minor = Math.round(fig.value * MINOR_PER_UNIT[unit]);
    const windowStart = fig.kind === 'share' ? fig.start : prevEnd;
    prevEnd = fig.end;

    if (fig.inReason) {
      result.note = '原因说明中的明细数，公开表不单列，未核对';
      continue;
    }
    if (fig.kind === 'count') {
      result.subject = subjectBefore(s, windowStart, fig.start)?.label ?? null;
      result.note = `公开表中没有数量（${fig.unit}），未核对`;
      continue;
    }
    if (fig.kind === 'change' || fig.kind === 'rate') {
      result.subject = current?.result.subject ?? null;
      if (fig.kind === 'change') checkChange(work, current, ctx, sentence, report);
      else checkRate(work, works, current, report);
      continue;
    }
    if (fig.kind === 'share') {
      checkShare(work, current, ctx, report);
      continue;
    }
    // An amount: its subject is named before it, after the previous figure.
    const subject = subjectBefore(s, windowStart, fig.start, ctx.names);
    if (!subject) {
      result.note = '无法从句子确定这个金额指的是哪一项，未核对';
      continue;
    }
    work.subject = subject;
    result.subject = subject.label;
    const resolution = subject.resolve(ctx.accounts, sentence.topic);
    work.resolution = resolution;
    current = work;
    ctx.stated.set(subject.id, work);
    checkAmount(work, resolution, ctx, report);
  }
  checkProcurementCategories(works, ctx, report);
  checkBudgetComparison(s, works, ctx, report);
  return { works, findings };
}

type Report = (rule: string, severity: Severity, message: string, cells: CellRef[], extra?: Partial<Finding>) => void;

function checkAmount(work: Work, res: Resolution, ctx: FigureCheckContext, report: Report): void {
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
      report('N1', 'error', `${label}写为 ${fig.value} ${fig.unit}，但${res.reason}（应为 0）。`, []);
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
        `${label} ${fig.value}${fig.unit}：表中为 ${cellValue.toFixed(2)} ${res.unit}${where}，单位应为“${res.unit}”。`,
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
    `${what}：文中为 ${fig.value} ${fig.unit}，表中为 ${cellValue.toFixed(2)} ${res.unit}${where}` +
      (severity === 'tail'
        ? `，相差 ${Math.abs(round2(fig.value - result.expected)).toFixed(2)}，属尾差，可改为 ${result.expected.toFixed(2)}。`
        : '。'),
    res.cells,
    { unit: res.unit, expectedMinor: res.minor, actualMinor: unit === res.unit ? work.minor : undefined },
  );
}

/**
 * A change (增加/减少 … 万元): against last year's tables when they are given (this year's cell minus last
 * year's, with the 尾差 policy of a two-figure difference); otherwise only through its rate.
 */
function checkChange(work: Work, current: Work | null, ctx: FigureCheckContext, sentence: NarrativeSentence, report: Report): void {
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
  const cls = classifyDifference(stated - actual, 2, tableUnit);
  const priorText = `上年数 ${valueInUnit(before, tableUnit).toFixed(2)}，本年数 ${valueInUnit(now, tableUnit).toFixed(2)}`;
  if (cls === 'none') {
    result.status = 'ok';
    result.note = `与上年数一致（${priorText}）`;
    return;
  }
  result.status = cls === 'tail' ? 'tail' : 'error';
  const should = actual === 0 ? '持平' : `${actual > 0 ? '增加' : '减少'} ${valueInUnit(Math.abs(actual), tableUnit).toFixed(2)} ${tableUnit}`;
  report(
    'N1',
    cls === 'tail' ? 'tail' : 'error',
    `${current.result.subject}较上年“${fig.text}”与上年数不符：${priorText}，应为${should}` + (cls === 'tail' ? '，属尾差。' : '。'),
    cells,
    { unit: tableUnit, expectedMinor: actual, actualMinor: stated },
  );
}

function checkRate(work: Work, works: Work[], current: Work | null, report: Report): void {
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

function checkShare(work: Work, current: Work | null, ctx: FigureCheckContext, report: Report): void {
  const { fig, result } = work;
  if (fig.of === undefined || fig.of === '') {
    result.note = '没有写明占什么的比例，未核对';
    return;
  }
  if (fig.of === '预算') {
    result.subject = current?.result.subject ?? null;
    const budget = current?.resolution?.kind === 'cell' ? budgetCell(ctx.accounts, current) : null;
    if (!budget || !current || budget.minor === 0) {
      result.note = '公开表中没有预算数（或预算为 0），未核对';
      return;
    }
    compareShare(work, current.fig.value, half(current.fig.decimals), valueInUnit(budget.minor, budget.unit), 0.005, [budget.ref], '预算数', report);
    return;
  }
  // 占 X 的 Y%: the numerator is the amount just before; the denominator the subject named in X.
  const den = subjectBefore(fig.of, 0, fig.of.length, ctx.names);
  result.subject = current?.result.subject ? `${current.result.subject}占${fig.of}` : fig.of;
  if (!den) {
    result.note = `不认识“${fig.of}”，未核对`;
    return;
  }
  // A category share (货物采购授予中小企业合同金额占货物支出金额的 X%) has no stated numerator: checked as a whole below.
  const clauseHead = toHalfWidth(work.result.sentence.text).slice(0, fig.start);
  const category = /(货物|工程|服务)采购授予中小企业合同金额占[^,，]*$/.exec(clauseHead);
  if (category) {
    work.subject = den;
    result.subject = `${category[1]}采购授予中小企业合同金额占${fig.of}`;
    result.note = '分类占比，与授予中小企业合同金额合计核对';
    return;
  }
  if (!current || current.minor === undefined) {
    result.note = '找不到占比的分子金额，未核对';
    return;
  }
  const res = den.resolve(ctx.accounts, work.result.sentence.topic);
  if (res.kind === 'cell') {
    work.numerator = current;
    work.denominator = den.id;
    compareShare(work, current.fig.value, half(current.fig.decimals), valueInUnit(res.minor, res.unit), 0.005, res.cells, den.label, report);
    return;
  }
  const stated = ctx.stated.get(den.id);
  if (!stated) {
    result.note = `文中前面没有写出${den.label}，公开表中也没有，未核对`;
    return;
  }
  compareShare(
    work,
    current.fig.value,
    half(current.fig.decimals),
    stated.fig.value,
    half(stated.fig.decimals),
    stated.result.cells,
    den.label,
    report,
  );
  if (current.result.status === 'unverified') {
    current.result.status = work.result.status === 'ok' ? 'ok' : current.result.status;
    if (work.result.status === 'ok') current.result.note = `与${den.label}和占比一致`;
  }
}

function compareShare(work: Work, num: number, hn: number, den: number, hd: number, cells: CellRef[], denLabel: string, report: Report): void {
  const { fig, result } = work;
  const [lo, hi] = ratioInterval(num, hn, den, hd);
  const point = den !== 0 ? round2((num / den) * 100) : NaN;
  result.expected = Number.isFinite(point) ? point : undefined;
  result.cells = cells;
  if (rateAgrees(fig, lo, hi)) {
    result.status = 'ok';
    result.note = `按 ${num} ÷ ${denLabel} ${den.toFixed(2)} 重算`;
    return;
  }
  result.status = 'error';
  report(
    'N2',
    'error',
    `占比不符：文中为 ${fig.value}%，按 ${num} ÷ ${denLabel} ${den.toFixed(2)} 重算${Number.isFinite(point) ? `应为 ${point.toFixed(2)}%` : '无法计算（分母为 0）'}。`,
    cells,
    { expected: Number.isFinite(point) ? point : undefined, actual: fig.value },
  );
}

/** The 预算数 cell of a 三公 item (07's 预算数 column), when the table has it. */
function budgetCell(accounts: FinalAccounts, current: Work): { minor: number; ref: CellRef; unit: MoneyUnit } | null {
  const id = current.subject?.id ?? '';
  if (!id.startsWith('3p:')) return null;
  const t = accounts.tables['07'];
  const row = t?.rows.find((r) => r.key === id.slice(3));
  const c = row?.cells.budget;
  return t && c?.ref && !c.blank ? { minor: c.minor, ref: c.ref, unit: t.unit } : null;
}

/** Parts of a whole that by definition make it up (基本支出 = 人员 + 公用; 政府采购 = 货物 + 工程 + 服务). */
const EXHAUSTIVE: Record<string, string[][]> = {
  'spend:basic': [
    ['personnelAll', 'publicAll'],
    ['personnel', 'public'],
  ],
  gpbBasic: [['personnel', 'public']],
  'proc:total': [['proc:goods', 'proc:works', 'proc:services']],
  '3p:total': [['3p:abroad', '3p:car', '3p:reception']],
  '3p:car': [['3p:carPurchase', '3p:carRun']],
};

/**
 * A whole followed by 其中 and its parts (in the same sentence, or in the next one when it starts with 其中):
 * parts that by definition make up the whole add up to it; any parts stay below it.
 */
export function checkParts(works: Work[]): Finding[] {
  const findings: Finding[] = [];
  const amounts = works.filter((w) => w.fig.kind === 'amount' && w.subject && !w.fig.inReason && w.minor !== undefined);
  for (let i = 0; i < amounts.length; i++) {
    const whole = amounts[i];
    const ws = whole.result.sentence;
    const text = toHalfWidth(ws.text);
    const qi = text.indexOf('其中', whole.fig.end);
    const nextAmount = amounts[i + 1];
    let parts: Work[];
    if (qi >= 0) {
      parts = amounts.slice(i + 1).filter((w) => w.result.sentence === ws && w.fig.start > qi);
    } else if (nextAmount && nextAmount.result.sentence !== ws && /^\s*其中/.test(nextAmount.result.sentence.text)) {
      parts = amounts.slice(i + 1).filter((w) => w.result.sentence === nextAmount.result.sentence);
    } else continue;
    if (parts.length === 0) continue;
    const ids = parts.map((p) => p.subject!.id);
    const exhaustive = (EXHAUSTIVE[whole.subject!.id] ?? []).some((set) => set.length === ids.length && set.every((x) => ids.includes(x)));
    const sum = parts.reduce((acc, p) => acc + p.minor!, 0);
    const unit: MoneyUnit = textUnit(whole.fig.unit)!;
    const cls = classifyDifference(sum - whole.minor!, parts.length, unit);
    const exceeds = sum > whole.minor! && cls === 'error';
    if (!exhaustive && !exceeds) continue;
    const label = whole.subject!.label;
    const partsText = parts.map((p) => `${p.result.subject} ${p.fig.value}`).join(' + ');
    const total = (sum / MINOR_PER_UNIT[unit]).toFixed(2);
    if (cls === 'none') {
      if (exhaustive && whole.result.status === 'unverified') {
        whole.result.status = 'ok';
        whole.result.note = `等于各部分之和（${partsText}）`;
      }
      for (const p of parts) {
        if (p.result.status !== 'unverified') continue;
        p.result.status = 'ok';
        p.result.note = `各部分相加等于${label} ${whole.fig.value}`;
        p.result.cells = whole.result.cells;
      }
      continue;
    }
    for (const p of parts) if (p.result.status === 'unverified' || cls === 'error') p.result.status = cls === 'tail' ? 'tail' : 'error';
    const at = parts[0].result.sentence;
    findings.push(
      narrativeFinding(
        'N1',
        cls === 'tail' ? 'tail' : 'error',
        at,
        `${label}的组成部分相加（${partsText} = ${total}）${exceeds ? '超过' : '不等于'}${label} ${whole.fig.value} ${whole.fig.unit}` +
          (cls === 'tail' ? '，属尾差。' : '。'),
        cellsOf(at, [...whole.result.cells, ...parts.flatMap((p) => p.result.cells)]),
      ),
    );
  }
  return findings;
}

/**
 * 货物/工程/服务采购授予中小企业合同金额占各自支出的比例 × 各自支出 must add up to 授予中小企业合同金额.
 */
function checkProcurementCategories(works: Work[], ctx: FigureCheckContext, report: Report): void {
  const cats = works.filter((w) => w.fig.kind === 'share' && w.subject && /^proc:(goods|works|services)$/.test(w.subject.id));
  if (cats.length === 0) return;
  const sme = ctx.stated.get('proc:sme');
  const bases = cats.map((w) => ctx.stated.get(w.subject!.id));
  if (!sme || bases.some((b) => !b)) {
    for (const w of cats) w.result.note = '文中没有写出各类采购支出或授予中小企业合同金额，未核对';
    return;
  }
  // Σ share × base, over the rounding of each share and base.
  let lo = 0;
  let hi = 0;
  cats.forEach((w, i) => {
    const b = bases[i]!.fig;
    const hs = half(w.fig.decimals);
    const hb = half(b.decimals);
    lo += (Math.max(0, w.fig.value - hs) / 100) * Math.max(0, b.value - hb);
    hi += ((w.fig.value + hs) / 100) * (b.value + hb);
  });
  const target = sme.fig.value;
  const ht = half(sme.fig.decimals);
  const covered = cats.length === 3;
  const agrees = covered ? target + ht >= lo && target - ht <= hi : target + ht >= lo;
  if (agrees) {
    for (const w of cats) {
      w.result.status = covered ? 'ok' : w.result.status;
      w.result.note = covered ? '各类占比 × 各类支出合计与授予中小企业合同金额一致' : w.result.note;
    }
    return;
  }
  const implied = round2(cats.reduce((acc, w, i) => acc + (w.fig.value / 100) * bases[i]!.fig.value, 0));
  const shown = (f: TextFigure) => f.value.toFixed(f.decimals);
  // The category that alone could make the sum right is the wrong one (its share would have to be 0–100%).
  const culprits = cats.filter((w, i) => {
    const base = bases[i]!.fig.value;
    if (base === 0) return false;
    const others = cats.reduce((acc, o, j) => (j === i ? acc : acc + (o.fig.value / 100) * bases[j]!.fig.value), 0);
    const needed = ((target - others) / base) * 100;
    return needed >= -0.005 && needed <= 100.005 && Math.abs(needed - w.fig.value) > half(w.fig.decimals);
  });
  for (const w of cats) if (!culprits.includes(w)) w.result.note = '分类占比：与授予中小企业合同金额合计不符，但单改此项不能使之相符';
  for (const w of culprits.length ? culprits : cats) {
    const i = cats.indexOf(w);
    const others = cats.reduce((acc, o, j) => (j === i ? acc : acc + (o.fig.value / 100) * bases[j]!.fig.value), 0);
    w.result.status = 'error';
    if (bases[i]!.fig.value !== 0) w.result.expected = round2(((target - others) / bases[i]!.fig.value) * 100);
  }
  report(
    'N2',
    'error',
    `按各类采购授予中小企业的占比推算，授予中小企业合同金额合计为 ${implied.toFixed(2)} 万元，与文中的 ${shown(sme.fig)} 万元不符（` +
      cats.map((w, i) => `${w.subject!.label} ${shown(bases[i]!.fig)} × ${shown(w.fig)}%`).join('，') +
      '）' +
      (culprits.length ? `；${culprits.map((w) => `${w.subject!.label}的占比应约为 ${w.result.expected?.toFixed(2)}%`).join('，')}。` : '。'),
    [],
    { expected: target, actual: implied },
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
    `绩效自评涉及的财政拨款资金 ${work.fig.value} 万元，是本单位财政拨款支出总计 ${valueInUnit(grand.minor, t.unit).toFixed(2)} ${t.unit}（公开04表）的 ${(work.minor / grand.minor).toFixed(1)} 倍，请核实金额和单位。`,
    [grand.ref],
  );
}

/** 大于/小于/持平 预算 (N3): the claim must match 决算 vs 预算 (07's 预算数, or the text's own 完成预算的 X%). */
const BUDGET_COMPARISON = /(大于|小于|高于|低于|超过|等于|持平)\s*(全年|年初)?预算|与\s*(全年|年初)?预算(数)?\s*(持平|相等|一致)/;

function checkBudgetComparison(s: string, works: Work[], ctx: FigureCheckContext, report: Report): void {
  const m = BUDGET_COMPARISON.exec(s);
  if (!m) return;
  const word = m[1] ?? m[5];
  const claimed = /大于|高于|超过/.test(word) ? 1 : /小于|低于/.test(word) ? -1 : 0;
  const current = [...works].reverse().find((w) => w.fig.kind === 'amount' && w.subject && w.fig.start < m.index);
  if (!current || current.minor === undefined) return;
  const budget = budgetCell(ctx.accounts, current);
  const completion = works.find((w) => w.fig.kind === 'share' && w.fig.of === '预算');
  let actual: number;
  let basis: string;
  let cells: CellRef[] = current.result.cells;
  if (budget) {
    actual = Math.sign(current.minor - budget.minor);
    basis = `决算数 ${current.fig.value}，预算数 ${valueInUnit(budget.minor, budget.unit).toFixed(2)}（公开07表）`;
    cells = [...cells, budget.ref];
  } else if (completion) {
    actual = Math.sign(completion.fig.value - 100);
    basis = `文中写“${completion.fig.text}”`;
  } else return;
  if (actual === claimed) return;
  const say = (x: number) => (x > 0 ? '大于预算' : x < 0 ? '小于预算' : '与预算持平');
  report('N3', 'error', `${current.result.subject}写“${m[0]}”，但${basis}，应为${say(actual)}。`, cells);
}

/**
 * N2: the 类 shares of one total, when the text gives one for every 类 the table has, add up to 100% (each
 * share ± half its printed step); off by more is a 提示 (a 类 left out or a share mistyped).
 */
export function checkClassShares(works: Work[], accounts: FinalAccounts): Finding[] {
  const groups = new Map<string, Work[]>();
  for (const w of works) {
    const subject = w.numerator?.result.subject;
    if (w.fig.kind !== 'share' || !w.denominator || !subject || !/^\d{3}-/.test(subject)) continue;
    const key = `${w.result.sentence.section}|${w.denominator}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const findings: Finding[] = [];
  for (const shares of groups.values()) {
    if (shares.length < 2) continue;
    const topic = shares[0].result.sentence.topic;
    const table = accounts.tables[topic === 'overall' ? '03' : '05'];
    const classes = (table?.rows ?? []).filter((r) => r.code?.length === 3 && (r.cells.total?.minor ?? 0) !== 0).map((r) => r.code!);
    const named = new Set(shares.map((w) => w.numerator!.result.subject!.slice(0, 3)));
    if (classes.length === 0 || !classes.every((c) => named.has(c))) continue;
    const sum = shares.reduce((acc, w) => acc + w.fig.value, 0);
    const allowance = shares.reduce((acc, w) => acc + half(w.fig.decimals), 0) + 0.01;
    if (Math.abs(sum - 100) <= allowance) continue;
    const last = shares[shares.length - 1].result.sentence;
    findings.push(
      narrativeFinding(
        'N2',
        'warning',
        last,
        `各类支出的占比相加为 ${round2(sum).toFixed(2)}%，应约为 100%（${shares.map((w) => `${w.numerator!.result.subject!.slice(0, 3)} ${w.fig.value}%`).join('，')}）。`,
        cellsOf(last, []),
        { expected: 100, actual: round2(sum) },
      ),
    );
  }
  return findings;
}
