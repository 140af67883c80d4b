// N2, N3: shares (占 X 的 Y%, 完成预算的 Y%) recomputed from their denominator; the 政府采购 category shares;
// the 类 shares of one total; 大于/小于/持平 预算.
import type { CellRef } from '../cells';
import type { Finding } from '../findings';
import type { FinalAccounts } from '../model';
import { toHalfWidth, type MoneyUnit } from '../money';
import type { TextFigure } from './figures';
import { narrativeFinding } from './finding';
import { subjectBefore } from './subjects';
import { cellsOf, half, rateAgrees, ratioInterval, round2, valueInUnit, type FigureCheckContext, type Report, type Work } from './figure-work';

export function checkShare(work: Work, current: Work | null, ctx: FigureCheckContext, report: Report): void {
  const { fig, result } = work;
  if (fig.of === undefined || fig.of === '') {
    result.note = '没有写明占什么的比例，未核对';
    return;
  }
  if (fig.of === '预算') {
    result.subject = current?.result.subject ?? null;
    const budget = current?.resolution?.kind === 'cell' ? budgetCell(ctx.accounts, current) : null;
    if (fig.budget === '年初' && checkInitialBudget(work, current, budget, report)) return;
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

/** The sentence itself says the 年初预算 was 0 (年初预算为 0 万元, 年初未安排预算, 年初预算数为零). */
const INITIAL_BUDGET_ZERO = /年初预算(数)?(为|是)?\s*(0(\.0+)?\s*(万元|元)?(?![\d.])|零)|年初(未|没有)安排(预算)?|年初无预算/;

/**
 * N4: 完成年初预算的 X% when the 年初预算 is 0 (the rate must then be of the 全年预算). The tables give a 年初预算
 * only as 07's 预算数 (the 三公 items: 预算数 = 年初预算, central note); elsewhere only the sentence can say it
 * is 0. When neither tells, the figure is 未核对 with that reason. True when the figure is settled here.
 */
function checkInitialBudget(work: Work, current: Work | null, budget: { minor: number; ref: CellRef } | null, report: Report): boolean {
  const { fig, result } = work;
  const said = INITIAL_BUDGET_ZERO.exec(toHalfWidth(result.sentence.text));
  if (budget?.minor === 0 || said) {
    result.status = 'error';
    result.cells = budget ? [budget.ref] : [];
    const basis = budget ? '公开07表的预算数（年初预算）为 0' : `句中写明“${said![0]}”`;
    report(
      'N4',
      'error',
      `${current?.result.subject ?? ''}${basis}，不能写“${fig.text}”；年初预算为 0 时应写“完成全年预算的…%”（按全年预算计算）。`,
      result.cells,
    );
    return true;
  }
  if (!budget) {
    result.note = '公开表中没有此项的年初预算数（只有07表“三公”经费的预算数），无法判断年初预算是否为 0，未核对';
    return true;
  }
  return false;
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
export function budgetCell(accounts: FinalAccounts, current: Work): { minor: number; ref: CellRef; unit: MoneyUnit } | null {
  const id = current.subject?.id ?? '';
  if (!id.startsWith('3p:')) return null;
  const t = accounts.tables['07'];
  const row = t?.rows.find((r) => r.key === id.slice(3));
  const c = row?.cells.budget;
  return t && c?.ref && !c.blank ? { minor: c.minor, ref: c.ref, unit: t.unit } : null;
}

/**
 * 货物/工程/服务采购授予中小企业合同金额占各自支出的比例 × 各自支出 must add up to 授予中小企业合同金额.
 */
export function checkProcurementCategories(works: Work[], ctx: FigureCheckContext, report: Report): void {
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
  const shown = (f: TextFigure) => f.yi ?? f.value.toFixed(Math.max(0, f.decimals));
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

/** 大于/小于/持平 预算 (N3): the claim must match 决算 vs 预算 (07's 预算数, or the text's own 完成预算的 X%). */
const BUDGET_COMPARISON = /(大于|小于|高于|低于|超过|等于|持平)\s*(全年|年初)?预算|与\s*(全年|年初)?预算(数)?\s*(持平|相等|一致)/;

export function checkBudgetComparison(s: string, works: Work[], ctx: FigureCheckContext, report: Report): void {
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
