// The rule engine: a rule is data (id, severity, what it checks) plus one small function that states
// its identities through the helpers below; the helpers apply the tail policy and word the findings.
import type { CellRef } from '../cells';
import { classifyDifference, tailAllowanceMinor, type Finding, type Severity } from '../findings';
import { formatAmount, minorPerCent, type MoneyUnit } from '../money';
import type { AmountCell, FinalAccounts, TableData, TableRow, TableTopic } from '../model';
import type { Profile } from '../profiles';

export interface Rule {
  id: string;
  /** The severity of a failure beyond the tail allowance. */
  severity: Exclude<Severity, 'tail'>;
  /** What the rule checks, in Chinese (shown in docs and the pane's rule list). */
  title: string;
  run(ctx: RuleContext): void;
}

/** One operand of an identity: a cell and how to name it in a message. */
export interface Term {
  cell: AmountCell | undefined;
  label: string;
  sign?: 1 | -1;
}

export class RuleContext {
  readonly findings: Finding[] = [];
  rule!: Rule;

  constructor(
    readonly accounts: FinalAccounts,
    readonly profile: Profile,
  ) {}

  table(topic: TableTopic): TableData | undefined {
    return Object.values(this.accounts.tables).find((t) => t?.topic === topic);
  }

  /** `公开03表（支出决算表）`. */
  name(t: TableData): string {
    return `公开${t.id}表（${t.title}）`;
  }

  cell(t: TableData | undefined, rowKey: string, col: string): AmountCell | undefined {
    return t ? rowOf(t, rowKey)?.cells[col] : undefined;
  }

  /** A cell, or a zero standing for a row the table does not print (coded tables list only used codes). */
  cellOrZero(t: TableData | undefined, rowKey: string, col: string): AmountCell | undefined {
    if (!t) return undefined;
    const row = rowOf(t, rowKey);
    if (!row) return hasColumn(t, col) ? { minor: 0, ref: null, blank: true } : undefined;
    return row.cells[col];
  }

  /**
   * total = Σ addends (signed), under the tail policy: a tail within max(0.01, 0.005(n+1)) for n non-zero
   * addends, an error (the rule's severity) beyond.
   */
  /** `what` may be a function: the message head is then built only when there is a finding. */
  sum(t: TableData, what: string | (() => string), total: Term, addends: Term[], opts: { crossTable?: boolean } = {}): void {
    const terms = [total, ...addends];
    if (terms.some((x) => !x.cell || x.cell.invalid)) return;
    const expected = addends.reduce((s, a) => s + (a.sign ?? 1) * a.cell!.minor, 0);
    const actual = total.cell!.minor;
    const nonZero = addends.filter((a) => a.cell!.minor !== 0).length;
    const unit = t.unit;
    const cls = classifyDifference(actual - expected, nonZero, unit);
    if (cls === 'none') return;
    const formula = addends.length > 6 ? `其下 ${addends.length} 项之和` : addends.map((a, i) => `${i === 0 ? (a.sign === -1 ? '−' : '') : a.sign === -1 ? ' − ' : ' + '}${a.label}`).join('');
    const base = `${typeof what === 'function' ? what() : what}：${total.label} 应等于 ${formula} = ${formatAmount(expected, unit)}，实际为 ${formatAmount(actual, unit)}，相差 ${formatAmount(actual - expected, unit)}`;
    const severity: Severity = cls === 'tail' ? 'tail' : this.rule.severity;
    const message =
      cls === 'tail'
        ? `${base}。差额在 ${nonZero} 个非零加数的尾差允许范围（±${formatAmount(tailAllowanceMinor(nonZero, unit), unit)}）内，属四舍五入尾差：可把尾差调入最大的一项，或各表统一使用同一套四舍五入后的明细数。`
        : `${base}，超出尾差允许范围，请核对${opts.crossTable ? '两张表' : '本表'}的数字。`;
    this.emit(t, severity, message, terms, expected, actual, unit);
  }

  /**
   * The same figure printed in two tables: identical, a 0.01 shift (warning: a tail moved to balance
   * one table), or an error.
   */
  same(t: TableData, what: string, actual: Term, expected: Term): void {
    if (!actual.cell || !expected.cell || actual.cell.invalid || expected.cell.invalid) return;
    const unit = t.unit;
    const d = actual.cell.minor - expected.cell.minor;
    const cent = minorPerCent(unit);
    if (2 * Math.abs(d) < cent) return;
    const shift = Math.abs(d) <= cent;
    const head = `${what}：${actual.label} 为 ${formatAmount(actual.cell.minor, unit)}，${expected.label} 为 ${formatAmount(expected.cell.minor, unit)}，相差 ${formatAmount(d, unit)}`;
    const message = shift
      ? `${head}。同一数字在两张表中差 0.01，通常是为使某张表平衡而移动了尾差；请统一为同一数字，或在说明中注明。`
      : `${head}，两表应一致，请核对。`;
    this.emit(t, shift ? 'warning' : this.rule.severity, message, [actual, expected], expected.cell.minor, actual.cell.minor, unit);
  }

  /** a ≤ b (plausibility); reported with the rule's severity when a exceeds b by more than 0.01. */
  atMost(t: TableData, what: string, a: Term, b: Term, why: string): void {
    if (!a.cell || !b.cell || a.cell.invalid || b.cell.invalid) return;
    const unit = t.unit;
    if (a.cell.minor - b.cell.minor <= minorPerCent(unit)) return;
    const message = `${what}：${a.label} ${formatAmount(a.cell.minor, unit)} 大于 ${b.label} ${formatAmount(b.cell.minor, unit)}，${why}`;
    this.emit(t, this.rule.severity, message, [a, b], b.cell.minor, a.cell.minor, unit);
  }

  emit(t: TableData | string, severity: Severity, message: string, terms: Term[] | CellRef[], expected?: number, actual?: number, unit?: MoneyUnit): void {
    const cells: CellRef[] = [];
    for (const x of terms) {
      const r = 'row' in x ? (x as CellRef) : (x as Term).cell?.ref;
      if (r && !cells.some((c) => c.sheet === r.sheet && c.row === r.row && c.col === r.col)) cells.push(r);
    }
    this.findings.push({
      rule: this.rule.id,
      severity,
      table: typeof t === 'string' ? t : t.id,
      message,
      cells,
      unit,
      expectedMinor: expected,
      actualMinor: actual,
    });
  }
}

const ROW_INDEX = new WeakMap<TableData, Map<string, TableRow>>();
const COLUMNS = new WeakMap<TableData, Set<string>>();

/** A table's row by key, through an index built once per table (rules look rows up many times). */
export function rowOf(t: TableData, key: string): TableRow | undefined {
  let index = ROW_INDEX.get(t);
  if (!index) {
    index = new Map();
    for (const r of t.rows) if (!index.has(r.key)) index.set(r.key, r);
    ROW_INDEX.set(t, index);
  }
  return index.get(key);
}

export function hasColumn(t: TableData, col: string): boolean {
  let cols = COLUMNS.get(t);
  if (!cols) {
    cols = new Set(t.rows.flatMap((r) => Object.keys(r.cells)));
    COLUMNS.set(t, cols);
  }
  return cols.has(col);
}

/** `“208 社会保障和就业支出”行“基本支出”`. */
export function rowLabel(row: TableRow): string {
  return row.code ? `“${row.code} ${row.label}”` : `“${row.label}”`;
}

/**
 * True when total = Σ signed addends holds (no finding to make): the hot path of the per-row and per-level
 * identities, computed without building terms or texts. Missing or unreadable cells count as "holds" here;
 * `sum` skips them the same way.
 */
export function sumHolds(total: AmountCell | undefined, addends: Array<AmountCell | undefined>, unit: MoneyUnit, signs?: Array<1 | -1>): boolean {
  if (!total || total.invalid) return true;
  let expected = 0;
  let nonZero = 0;
  for (let i = 0; i < addends.length; i++) {
    const a = addends[i];
    if (!a || a.invalid) return true;
    expected += (signs?.[i] ?? 1) * a.minor;
    if (a.minor !== 0) nonZero++;
  }
  return classifyDifference(total.minor - expected, nonZero, unit) === 'none';
}

export function runRules(rules: Rule[], accounts: FinalAccounts, profile: Profile): Finding[] {
  const ctx = new RuleContext(accounts, profile);
  for (const rule of rules) {
    ctx.rule = rule;
    rule.run(ctx);
  }
  return ctx.findings;
}
