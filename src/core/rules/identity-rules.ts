// Evaluates the declared identities (profiles/identities.ts) on a read model: one evaluator per kind of
// identity, each under the tail policy of the engine. Which identity fails is data; how it is worded is here.
import { economicGroup, economicItem } from '../catalogs/economic';
import { knownName } from '../catalogs/functional';
import { refText } from '../cells';
import { classifyDifference } from '../findings';
import type { CrossIdentity, Identity, TableIdentity } from '../identities/types';
import { classRow, codeRow, parseRowKey, rowKind, type ColKey, type RowKey } from '../keys';
import { minorPerCent } from '../money';
import { childrenByParent, type AmountCell, type TableData, type TableRow, type TableTopic } from '../model';
import { fixedRowsOf, specOf, specsOf, type TableSpec } from '../profiles';
import { classRows, columnsOf, hasColumn, NAMED_ADDENDS_MAX, rowOf, type RuleContext, type Term } from './engine';
import { columnLabel, fixedRowLabel, rowName, withoutOrdinal } from './labels';

/** A table as read, with its spec. */
interface Bound {
  t: TableData;
  spec: TableSpec;
}

function bind(ctx: RuleContext, topic: TableTopic): Bound | undefined {
  const t = ctx.table(topic);
  if (!t) return undefined;
  return { t, spec: specOf(ctx.profile, t.id) };
}

/**
 * The cell of a row and column. A coded table prints only the codes it uses, so an absent code or 合计 row
 * there reads as zero (where the table has the column); elsewhere an absent row has no figure.
 */
function cellOf(ctx: RuleContext, b: Bound, row: RowKey, col: ColKey): AmountCell | undefined {
  return b.spec.kind === 'coded' ? ctx.cellOrZero(b.t, row, col) : ctx.cell(b.t, row, col);
}

/** A fixed row's label, or `“201 …”行“<column>”`, with the table's name in front across tables. */
function labelOf(ctx: RuleContext, b: Bound, row: RowKey, col: ColKey, withTable: boolean): string {
  const parsed = parseRowKey(row);
  let name: string;
  if (parsed.kind === 'fixed') name = row === 'total' && b.spec.kind === 'coded' ? b.spec.totalLabel : fixedRowLabel(ctx.profile, b.t, row);
  else {
    const r = rowOf(b.t, row);
    const known = parsed.kind === 'econ' ? economicItem(parsed.code)?.name : knownName(parsed.code);
    name = !r ? `${parsed.code}${known ? ` ${known}` : ''}` : parsed.kind === 'class' ? `${parsed.code} ${withoutOrdinal(r.label)}` : rowName(r);
  }
  // The column is named where the row prints more than one (01/04's income lines print one).
  const own = parsed.kind === 'fixed' ? fixedRowsOf(b.spec).find((r) => r.key === row)?.columns : undefined;
  const cols = own ? own.map((c) => c.key) : columnsOf(b.t);
  const colPart = cols.length > 1 || (cols.length === 1 && cols[0] !== col) ? `行“${columnLabel(ctx.profile, b.t, col)}”` : '';
  return `${withTable ? ctx.name(b.t) : ''}“${name}”${colPart}`;
}

/** What a figure is, for a message head: a coded table's 合计 by its column, any other row by its name. */
function subjectOf(ctx: RuleContext, b: Bound, row: RowKey, col: ColKey): string {
  if (row === 'total' && b.spec.kind === 'coded') return `“${columnLabel(ctx.profile, b.t, col)}”`;
  const parsed = parseRowKey(row);
  return parsed.kind === 'fixed' ? `“${fixedRowLabel(ctx.profile, b.t, row)}”` : `“${parsed.code}”`;
}

function term(ctx: RuleContext, b: Bound, row: RowKey, col: ColKey, withTable: boolean, sign?: 1 | -1): Term {
  return { cell: cellOf(ctx, b, row, col), label: labelOf(ctx, b, row, col, withTable), sign };
}

/** Row identity: total column = Σ ± part columns, on every row that has them. */
function evalColumns(ctx: RuleContext, b: Bound, total: ColKey, parts: Array<{ col: ColKey; sign?: 1 | -1 }>): void {
  const { t } = b;
  for (const row of t.rows) {
    const cells = row.cells;
    const head = cells[total];
    if (head === undefined) continue;
    // The hot path: every row, no allocation; terms and texts only for a row that fails.
    let expected = 0;
    let nonZero = 0;
    let skip = head.invalid === true;
    for (let i = 0; i < parts.length && !skip; i++) {
      const c = cells[parts[i].col];
      if (c === undefined || c.invalid) skip = true;
      else if (c.minor !== 0) {
        expected += (parts[i].sign ?? 1) * c.minor;
        nonZero++;
      }
    }
    if (skip || classifyDifference(head.minor - expected, nonZero, t.unit) === 'none') continue;
    const label = (k: ColKey) => `“${columnLabel(ctx.profile, t, k)}”`;
    ctx.sum(
      t,
      () => `${ctx.name(t)}“${rowName(row)}”行`,
      { cell: head, label: label(total) },
      parts.map((p) => ({ cell: cells[p.col], label: label(p.col), sign: p.sign })),
    );
  }
}

/** 合计 = Σ 类; 类 = Σ its 款; 款 = Σ its 项 — per column, where the lower level is printed. */
function evalHierarchy(ctx: RuleContext, b: Bound): void {
  const { t } = b;
  const total = rowOf(t, 'total');
  const columns = columnsOf(t);
  const kidsOf = childrenByParent(t.rows);
  const check = (parent: TableRow, kids: TableRow[] | undefined) => {
    if (!kids || kids.length === 0) return;
    for (const col of columns) {
      const head = parent.cells[col as ColKey];
      if (head === undefined) continue;
      let expected = 0;
      let nonZero = 0;
      let skip = head.invalid === true;
      for (let i = 0; i < kids.length && !skip; i++) {
        const c = kids[i].cells[col as ColKey];
        if (c === undefined || c.invalid) skip = true;
        else if (c.minor !== 0) {
          expected += c.minor;
          nonZero++;
        }
      }
      if (skip || classifyDifference(head.minor - expected, nonZero, t.unit) === 'none') continue;
      const where = columns.length > 1 ? `行“${columnLabel(ctx.profile, t, col as ColKey)}”` : '';
      ctx.sum(
        t,
        () => `${ctx.name(t)}“${rowName(parent)}”${where}`,
        { cell: head, label: `“${rowName(parent)}”` },
        // Labels only where the message names the addends (a 款 with 40 项 is worded without them).
        kids.map((k) => ({ cell: k.cells[col as ColKey], label: kids.length <= NAMED_ADDENDS_MAX ? `“${k.code}”` : '' })),
      );
    }
  };
  if (total) check(total, kidsOf.get(''));
  for (const r of t.rows) if (r.code && (r.code.length === 3 || r.code.length === 5)) check(r, kidsOf.get(r.code));
}

/** total row = Σ 类 rows, in each listed column the table has. */
function evalClasses(ctx: RuleContext, b: Bound, total: RowKey, cols: ColKey[]): void {
  const { t } = b;
  const many = columnsOf(t).length > 1;
  if (t.unmatched?.length) {
    // A figure among the 类 that belongs to no known 类: any difference would be false, so say why not checked.
    const rows = t.unmatched.map((u) => `“${u.label}”（${refText(u.labelRef)}）`).join('、');
    const head = cellOf(ctx, b, total, cols[0]);
    ctx.emit(
      t,
      'warning',
      `${ctx.name(t)}“${fixedRowLabel(ctx.profile, t, total)}”无法核对：${rows}不是已知的类级科目，无法确定属于哪一类，该行的数字未能计入各类之和。请把行名称改为标准的类级科目名称后再检查。`,
      [...t.unmatched.map((u) => u.labelRef), ...(head?.ref ? [head.ref] : [])],
    );
    return;
  }
  for (const col of cols) {
    if (!hasColumn(t, col)) continue;
    ctx.sum(
      t,
      `${ctx.name(t)}${many ? `“${columnLabel(ctx.profile, t, col)}”列` : ''}`,
      { cell: cellOf(ctx, b, total, col), label: `“${fixedRowLabel(ctx.profile, t, total)}”` },
      classRows(t).map((r) => ({ cell: r.cells[col], label: `“${rowName(r)}”` })),
    );
  }
}

/** 06: each group total = Σ its 类 (a 类 not printed stands as the sum of its 款). */
function evalGroups(ctx: RuleContext, b: Bound, col: ColKey, groups: Array<{ total: RowKey; group: string }>): void {
  const { t } = b;
  const econ = t.rows.filter((r) => r.code !== undefined && rowKind(r.key) === 'econ');
  const classCodes = [...new Set(econ.map((r) => r.code!.slice(0, 3)))].sort();
  const classTerm = (code: string): Term => {
    const row = econ.find((r) => r.code === code);
    if (row) return { cell: row.cells[col], label: `“${rowName(row)}”` };
    const items = econ.filter((r) => r.code!.startsWith(code));
    const minor = items.reduce((s, i) => s + (i.cells[col]?.minor ?? 0), 0);
    return { cell: { minor, ref: items[0]?.cells[col]?.ref ?? null }, label: `“${code}”各款` };
  };
  for (const g of groups) {
    ctx.sum(t, ctx.name(t), term(ctx, b, g.total, col, false), classCodes.filter((c) => economicGroup(c) === g.group).map(classTerm));
  }
}

/** a = b across two tables, for each 类 row of a's table (b's row of the same code, zero where not printed). */
function evalSameClasses(ctx: RuleContext, a: Bound, aCol: ColKey, b: Bound, bCol: ColKey): void {
  // A row among a's 类 that matches no 类 cannot be compared with b; the other 类 still are.
  for (const u of a.t.unmatched ?? []) {
    ctx.emit(
      a.t,
      'warning',
      `${ctx.name(a.t)}“${u.label}”（${refText(u.labelRef)}）与${ctx.name(b.t)}无法核对：不是已知的类级科目，无法确定对应哪个类。请把行名称改为标准的类级科目名称后再检查。`,
      [u.labelRef],
    );
  }
  for (const r of classRows(a.t)) {
    const parsed = parseRowKey(r.key);
    if (parsed.kind !== 'class') continue;
    const c = parsed.code;
    const x = r.cells[aCol];
    const y = cellOf(ctx, b, codeRow(c), bCol);
    if (!x || !y || (x.minor === 0 && y.minor === 0)) continue;
    ctx.same(
      a.t,
      `${c} 类跨表核对`,
      { cell: x, label: labelOf(ctx, a, classRow(c), aCol, true) },
      { cell: y, label: labelOf(ctx, b, codeRow(c), bCol, true) },
    );
  }
}

/** a ≤ b on every row of a's table, in each column, against the same row of b's table. */
function evalAtMostRows(ctx: RuleContext, a: Bound, cols: ColKey[], b: Bound, why: string, only?: 'classes'): void {
  const cent = minorPerCent(a.t.unit);
  for (const row of a.t.rows) {
    if (only === 'classes' && row.code?.length !== 3) continue;
    for (const col of cols) {
      const x = row.cells[col];
      if (x === undefined) continue;
      // The hot path (every cell of the table): compare before any label is built.
      const y = cellOf(ctx, b, row.key, col);
      if (!y || x.invalid || y.invalid || x.minor - y.minor <= cent) continue;
      ctx.atMost(a.t, `${a.t.title}与${b.t.title}比较`, term(ctx, a, row.key, col, true), term(ctx, b, row.key, col, true), why);
    }
  }
}

function evalTable(ctx: RuleContext, b: Bound, identity: TableIdentity): void {
  switch (identity.kind) {
    case 'sum':
      ctx.sum(
        b.t,
        ctx.name(b.t),
        term(ctx, b, identity.total.row, identity.total.col, false),
        identity.parts.map((p) => term(ctx, b, p.row, p.col, false, p.sign)),
      );
      return;
    case 'columns':
      return evalColumns(ctx, b, identity.total, identity.parts);
    case 'hierarchy':
      return evalHierarchy(ctx, b);
    case 'classes':
      return evalClasses(ctx, b, identity.total, identity.cols);
    case 'groups':
      return evalGroups(ctx, b, identity.col, identity.groups);
  }
}

function evalCross(ctx: RuleContext, identity: CrossIdentity): void {
  switch (identity.kind) {
    case 'sum': {
      const total = bind(ctx, identity.total.table!);
      const parts = identity.parts.map((p) => bind(ctx, p.table!));
      if (!total || parts.some((p) => !p)) return;
      ctx.sum(
        total.t,
        () => `${subjectOf(ctx, total, identity.total.row, identity.total.col)}跨表核对`,
        term(ctx, total, identity.total.row, identity.total.col, true),
        // A part names its table where it changes (公开06表“人员经费合计” + “公用经费合计”).
        identity.parts.map((p, i) => term(ctx, parts[i]!, p.row, p.col, i === 0 || parts[i]!.t !== parts[i - 1]!.t, p.sign)),
        { crossTable: true },
      );
      return;
    }
    case 'same': {
      const a = bind(ctx, identity.a.table);
      const b = bind(ctx, identity.b.table);
      if (a && b) {
        const what = `${subjectOf(ctx, a, identity.a.row, identity.a.col)}跨表核对`;
        ctx.same(a.t, what, term(ctx, a, identity.a.row, identity.a.col, true), term(ctx, b, identity.b.row, identity.b.col, true));
      }
      return;
    }
    case 'sameClasses': {
      const a = bind(ctx, identity.a.table);
      const b = bind(ctx, identity.b.table);
      if (a && b) evalSameClasses(ctx, a, identity.a.col, b, identity.b.col);
      return;
    }
    case 'atMost': {
      const a = bind(ctx, identity.a.table);
      const b = bind(ctx, identity.b.table);
      if (a && b) {
        const what = `${subjectOf(ctx, a, identity.a.row, identity.a.col)}与${subjectOf(ctx, b, identity.b.row, identity.b.col)}比较`;
        ctx.atMost(a.t, what, term(ctx, a, identity.a.row, identity.a.col, true), term(ctx, b, identity.b.row, identity.b.col, true), identity.why);
      }
      return;
    }
    case 'atMostRows': {
      const a = bind(ctx, identity.a.table);
      const b = bind(ctx, identity.b.table);
      if (a && b) evalAtMostRows(ctx, a, identity.a.cols, b, identity.why, identity.a.rows);
      return;
    }
  }
}

function severityOf(identity: Identity): 'error' | 'warning' {
  return identity.kind === 'atMost' || identity.kind === 'atMostRows' ? identity.severity : 'error';
}

/** Every identity of every table the model has, then those between tables. */
export function runIdentities(ctx: RuleContext): void {
  for (const spec of specsOf(ctx.profile)) {
    const b = bind(ctx, spec.topic);
    if (!b) continue;
    for (const identity of spec.identities) {
      ctx.rule = { id: identity.rule, severity: severityOf(identity) };
      evalTable(ctx, b, identity);
    }
  }
  for (const identity of ctx.profile.crossIdentities) {
    ctx.rule = { id: identity.rule, severity: severityOf(identity) };
    evalCross(ctx, identity);
  }
}
