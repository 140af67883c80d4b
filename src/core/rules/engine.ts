// The rule engine: a rule is data (id, severity, what it checks) plus one small function that states
// its identities through the helpers below; the helpers apply the tail policy and word the findings.
import type { CellRef } from '../cells';
import { rowKind, type ColKey, type RowKey } from '../keys';
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

/** A sum of more addends than this is worded `其下 n 项之和`, without their labels. */
export const NAMED_ADDENDS_MAX = 6;

export class RuleContext {
  readonly findings: Finding[] = [];
  /** The rule being run: its id and the severity of a failure beyond the tail allowance. */
  rule!: Pick<Rule, 'id' | 'severity'>;

  constructor(
    readonly accounts: FinalAccounts,
    readonly profile: Profile,
  ) {}

  table(topic: TableTopic): TableData | undefined {
    return Object.values(this.accounts.tables).find((t) => t?.topic === topic);
  }

  private readonly names = new Map<TableData, string>();

  /** `公开03表（支出决算表）`. */
  name(t: TableData): string {
    let n = this.names.get(t);
    if (n === undefined) {
      n = `公开${t.id}表（${t.title}）`;
      this.names.set(t, n);
    }
    return n;
  }

  cell(t: TableData | undefined, rowKey: RowKey, col: ColKey): AmountCell | undefined {
    return t ? rowOf(t, rowKey)?.cells[col] : undefined;
  }

  /** A cell, or a zero standing for a row the table does not print (coded tables list only used codes). */
  cellOrZero(t: TableData | undefined, rowKey: RowKey, col: ColKey): AmountCell | undefined {
    if (!t) return undefined;
    const row = rowOf(t, rowKey);
    if (!row) return hasColumn(t, col) ? { minor: 0, ref: null, blank: true } : undefined;
    return row.cells[col];
  }

  /**
   * total = Σ addends (signed), under the tail policy: a tail within max(0.01, 0.005(n+1)) for n non-zero
   * addends, an error (the rule's severity) beyond. `what` may be a function: the message head is then
   * built only when there is a finding.
   */
  sum(t: TableData, what: string | (() => string), total: Term, addends: Term[], opts: { crossTable?: boolean } = {}): void {
    if (!total.cell || total.cell.invalid) return;
    let expected = 0;
    let nonZero = 0;
    for (const a of addends) {
      if (!a.cell || a.cell.invalid) return;
      expected += (a.sign ?? 1) * a.cell.minor;
      if (a.cell.minor !== 0) nonZero++;
    }
    const actual = total.cell.minor;
    const unit = t.unit;
    const cls = classifyDifference(actual - expected, nonZero, unit);
    if (cls === 'none') return;
    const severity: Severity = cls === 'tail' ? 'tail' : this.rule.severity;
    const formula =
      addends.length > NAMED_ADDENDS_MAX
        ? `其下 ${addends.length} 项之和`
        : addends.map((a, i) => `${i === 0 ? (a.sign === -1 ? '−' : '') : a.sign === -1 ? ' − ' : ' + '}${a.label}`).join('');
    const base = `${typeof what === 'function' ? what() : what}：${total.label} 应等于 ${formula} = ${formatAmount(expected, unit)}，实际为 ${formatAmount(actual, unit)}，相差 ${formatAmount(actual - expected, unit)}`;
    const message =
      cls === 'tail'
        ? `${base}。差额在 ${nonZero} 个非零加数的尾差允许范围（±${formatAmount(tailAllowanceMinor(nonZero, unit), unit)}）内，属四舍五入尾差：可把尾差调入最大的一项，或各表统一使用同一套四舍五入后的明细数。`
        : `${base}，超出尾差允许范围，请核对${opts.crossTable ? '两张表' : '本表'}的数字。`;
    const cells: CellRef[] = [];
    addRef(cells, total.cell.ref, addends.length + 1);
    for (const a of addends) addRef(cells, a.cell?.ref, addends.length + 1);
    this.push(t, severity, message, cells, expected, actual, unit);
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

  emit(
    t: TableData | string,
    severity: Severity,
    message: string,
    terms: Term[] | CellRef[],
    expected?: number,
    actual?: number,
    unit?: MoneyUnit,
  ): void {
    const cells: CellRef[] = [];
    for (const x of terms) addRef(cells, 'row' in x ? (x as CellRef) : (x as Term).cell?.ref, terms.length);
    this.push(t, severity, message, cells, expected, actual, unit);
  }

  private push(
    t: TableData | string,
    severity: Severity,
    message: string,
    cells: CellRef[],
    expected?: number,
    actual?: number,
    unit?: MoneyUnit,
  ): void {
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

/**
 * Adds a cell to a finding's list unless it is there already (the same figure named in two terms); refs
 * are shared, not copied, so identity decides. Long lists (a 类 with 40 款) are checked through a set.
 */
function addRef(cells: CellRef[], r: CellRef | null | undefined, expected: number): void {
  if (!r) return;
  if (expected > 32) {
    let seen = SEEN.get(cells);
    if (!seen) {
      seen = new Set(cells);
      SEEN.set(cells, seen);
    }
    if (seen.has(r)) return;
    seen.add(r);
  } else if (cells.includes(r)) return;
  cells.push(r);
}

const SEEN = new WeakMap<CellRef[], Set<CellRef>>();

const ROW_INDEX = new WeakMap<TableData, Map<RowKey, TableRow>>();
const COLUMNS = new WeakMap<TableData, ColKey[]>();

/** A table's row by key, through an index built once per table (rules look rows up many times). */
export function rowOf(t: TableData, key: RowKey): TableRow | undefined {
  let index = ROW_INDEX.get(t);
  if (!index) {
    index = new Map();
    for (const r of t.rows) if (!index.has(r.key)) index.set(r.key, r);
    ROW_INDEX.set(t, index);
  }
  return index.get(key);
}

/** Every column key any row of the table has, in first-seen order (computed once per table). */
export function columnsOf(t: TableData): ColKey[] {
  let cols = COLUMNS.get(t);
  if (!cols) {
    const seen = new Set<ColKey>();
    for (const r of t.rows) for (const k in r.cells) seen.add(k as ColKey);
    cols = [...seen];
    COLUMNS.set(t, cols);
  }
  return cols;
}

export function hasColumn(t: TableData, col: ColKey): boolean {
  return columnsOf(t).includes(col);
}

/** The 类 rows of a ledger table (01, 04), in print order. */
export function classRows(t: TableData): TableRow[] {
  return t.rows.filter((r) => rowKind(r.key) === 'class');
}

export function runRules(rules: Rule[], accounts: FinalAccounts, profile: Profile): Finding[] {
  const ctx = new RuleContext(accounts, profile);
  for (const rule of rules) {
    ctx.rule = rule;
    rule.run(ctx);
  }
  return ctx.findings;
}
