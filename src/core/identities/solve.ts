// Derivation by the declared identities: given the tables' rows with their given figures (the leaves), every
// other figure is computed from its parts with the same identities `check` verifies. Balances are never
// used (they compare figures each computed in its own right). Exact integers (分) throughout.
import { economicGroup } from '../catalogs/economic';
import { codeOfRowKey, codeRow, rowKind, type ColKey, type RowKey } from '../keys';
import { childrenByParent, type TableTopic } from '../model';
import type { CellAt, CrossIdentity, Identity, TableIdentity } from './types';

/** A figure being derived: unknown (undefined), blank (null: nothing printed), or 分. */
export type DraftValue = number | null | undefined;

export interface DraftRow {
  key: RowKey;
  code?: string;
  /** The columns this row prints; each must be known when solving ends. */
  cols: readonly ColKey[];
  values: Partial<Record<ColKey, number | null>>;
}

export interface DraftTable {
  topic: TableTopic;
  /** Coded tables print only the codes they use: an absent code or 合计 row reads as zero. */
  coded: boolean;
  rows: DraftRow[];
  identities: TableIdentity[];
}

interface Indexed extends DraftTable {
  byKey: Map<RowKey, DraftRow>;
  /** Parents after their children (the reverse of print order, where a parent precedes its children). */
  parentsDeepestFirst: Array<{ row: DraftRow; kids: DraftRow[] }>;
  classRows: DraftRow[];
  econClasses: DraftRow[];
}

/** Parents (the 合计 and the 类/款 code rows) with their children, by the same prefix rule the check uses. */
function parentsOf(rows: DraftRow[]): Array<{ row: DraftRow; kids: DraftRow[] }> {
  const kids = childrenByParent(rows);
  // Rows are in print order, a parent before its children; backwards, every parent comes after them.
  const parents: Array<{ row: DraftRow; kids: DraftRow[] }> = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const parent = r.key === 'total' ? '' : r.code && (r.code.length === 3 || r.code.length === 5) ? r.code : null;
    if (parent !== null) parents.push({ row: r, kids: kids.get(parent) ?? [] });
  }
  return parents;
}

/** Σ of known values: undefined while any is unknown; null (blank) when every one is blank. */
function total(values: Array<{ v: DraftValue; sign?: 1 | -1 }>): DraftValue {
  let sum = 0;
  let any = false;
  for (const { v, sign } of values) {
    if (v === undefined) return undefined;
    if (v === null) continue;
    sum += (sign ?? 1) * v;
    any = true;
  }
  return any || values.length === 0 ? sum : null;
}

/** Σ of one column over rows (absent column: 0), with the same unknown/blank rules; no allocation. */
function columnTotal(rows: DraftRow[], col: ColKey): DraftValue {
  let sum = 0;
  let any = false;
  for (const r of rows) {
    const v = r.cols.includes(col) ? r.values[col] : 0;
    if (v === undefined) return undefined;
    if (v === null) continue;
    sum += v;
    any = true;
  }
  return any || rows.length === 0 ? sum : null;
}

class Solver {
  private readonly tables = new Map<TableTopic, Indexed>();
  /** Whether the last evaluation left a figure it should compute unknown (then it runs again next pass). */
  private pending = false;
  changed = false;

  constructor(tables: DraftTable[]) {
    for (const t of tables) {
      this.tables.set(t.topic, {
        ...t,
        byKey: new Map(t.rows.map((r) => [r.key, r])),
        parentsDeepestFirst: parentsOf(t.rows),
        classRows: t.rows.filter((r) => rowKind(r.key) === 'class'),
        econClasses: t.rows.filter((r) => r.code?.length === 3 && rowKind(r.key) === 'econ'),
      });
    }
  }

  private get(t: Indexed, row: RowKey, col: ColKey): DraftValue {
    const r = t.byKey.get(row);
    if (!r) return t.coded && (row === 'total' || rowKind(row) === 'code') ? 0 : undefined;
    if (!r.cols.includes(col)) return t.coded ? 0 : undefined;
    return r.values[col];
  }

  /** Sets an unknown figure of a row that prints the column; an unknown value leaves the identity pending. */
  private set(t: Indexed, row: RowKey, col: ColKey, v: DraftValue): void {
    const r = t.byKey.get(row);
    if (!r || !r.cols.includes(col) || r.values[col] !== undefined) return;
    if (v === undefined) {
      this.pending = true;
      return;
    }
    r.values[col] = v;
    this.changed = true;
  }

  private at(owner: Indexed | null, c: CellAt): [Indexed, RowKey, ColKey] | null {
    const t = c.table ? this.tables.get(c.table) : owner;
    return t ? [t, c.row, c.col] : null;
  }

  private sum(owner: Indexed | null, totalAt: CellAt, parts: CellAt[]): void {
    const head = this.at(owner, totalAt);
    if (!head || this.get(...head) !== undefined) return;
    const values: Array<{ v: DraftValue; sign?: 1 | -1 }> = [];
    for (const p of parts) {
      const at = this.at(owner, p);
      if (!at) return;
      values.push({ v: this.get(...at), sign: p.sign });
    }
    this.set(...head, total(values));
  }

  private table(t: Indexed, identity: TableIdentity): void {
    switch (identity.kind) {
      case 'sum':
        return this.sum(t, identity.total, identity.parts);
      case 'columns': {
        const { total: head, parts } = identity;
        for (const r of t.rows) {
          if (r.values[head] !== undefined || !r.cols.includes(head)) continue;
          let sum = 0;
          let any = false;
          let unknown = false;
          for (const p of parts) {
            if (!r.cols.includes(p.col)) {
              unknown = true;
              break;
            }
            const v = r.values[p.col];
            if (v === undefined) {
              unknown = true;
              break;
            }
            if (v === null) continue;
            sum += (p.sign ?? 1) * v;
            any = true;
          }
          if (unknown) this.pending = true;
          else this.set(t, r.key, head, any || parts.length === 0 ? sum : null);
        }
        return;
      }
      case 'hierarchy':
        for (const { row, kids } of t.parentsDeepestFirst) {
          for (const col of row.cols) if (row.values[col] === undefined) this.set(t, row.key, col, columnTotal(kids, col));
        }
        return;
      case 'classes':
        for (const col of identity.cols) this.set(t, identity.total, col, columnTotal(t.classRows, col));
        return;
      case 'groups':
        for (const g of identity.groups) {
          const classes = t.econClasses.filter((r) => economicGroup(r.code!) === g.group);
          this.set(t, g.total, identity.col, columnTotal(classes, identity.col));
        }
        return;
    }
  }

  private cross(identity: CrossIdentity): void {
    switch (identity.kind) {
      case 'sum':
        return this.sum(null, identity.total, identity.parts);
      case 'same': {
        const a = this.at(null, identity.a);
        const b = this.at(null, identity.b);
        if (!a || !b) return;
        const va = this.get(...a);
        const vb = this.get(...b);
        if (va === undefined) this.set(...a, vb);
        if (vb === undefined) this.set(...b, va);
        return;
      }
      case 'sameClasses': {
        const a = this.tables.get(identity.a.table);
        const b = this.tables.get(identity.b.table);
        if (!a || !b) return;
        for (const r of a.classRows) {
          if (r.values[identity.a.col] !== undefined) continue;
          this.set(a, r.key, identity.a.col, this.get(b, codeRow(codeOfRowKey(r.key)!), identity.b.col));
        }
        return;
      }
      case 'atMost':
      case 'atMostRows':
        return;
    }
  }

  run(cross: CrossIdentity[]): void {
    // Each identity runs until nothing it computes is unknown; each pass fills what its parts allow, and the
    // longest chain (a table's 合计 → 01's 类 → 01's totals) takes a few passes.
    let open: Array<[Indexed | null, Identity]> = [];
    for (const t of this.tables.values()) for (const i of t.identities) if (!i.balance) open.push([t, i]);
    for (const i of cross) if (!i.balance) open.push([null, i]);
    for (let pass = 0; pass < 32 && open.length; pass++) {
      this.changed = false;
      const still: typeof open = [];
      for (const entry of open) {
        this.pending = false;
        const [t, i] = entry;
        if (t) this.table(t, i as TableIdentity);
        else this.cross(i as CrossIdentity);
        if (this.pending) still.push(entry);
      }
      open = still;
      if (!this.changed) return;
    }
  }

  /**
   * Every non-balance identity holds exactly once solved: a figure given by the working sheets that its
   * parts contradict (a 款 with its own entry beside its 项) is named, never silently overridden.
   */
  contradictions(cross: CrossIdentity[]): string[] {
    const out: string[] = [];
    const differ = (a: DraftValue, b: DraftValue) => a !== undefined && b !== undefined && (a ?? 0) !== (b ?? 0);
    const note = (rule: string, t: Indexed, row: RowKey, col: ColKey, given: DraftValue, parts: DraftValue) => {
      if (differ(given, parts)) out.push(`${rule} ${t.topic} ${row} ${col}: ${given} ≠ ${parts}`);
    };
    const sumOf = (owner: Indexed | null, parts: CellAt[]) =>
      total(parts.map((p) => ({ v: ((at) => (at ? this.get(...at) : undefined))(this.at(owner, p)), sign: p.sign })));
    for (const t of this.tables.values()) {
      for (const i of t.identities) {
        if (i.balance) continue;
        if (i.kind === 'sum') note(i.rule, t, i.total.row, i.total.col, this.get(t, i.total.row, i.total.col), sumOf(t, i.parts));
        else if (i.kind === 'columns') {
          for (const r of t.rows) {
            if (!r.cols.includes(i.total) || !i.parts.every((p) => r.cols.includes(p.col))) continue;
            note(i.rule, t, r.key, i.total, r.values[i.total], total(i.parts.map((p) => ({ v: r.values[p.col], sign: p.sign }))));
          }
        } else if (i.kind === 'hierarchy') {
          for (const { row, kids } of t.parentsDeepestFirst)
            if (kids.length) for (const c of row.cols) note(i.rule, t, row.key, c, row.values[c], columnTotal(kids, c));
        } else if (i.kind === 'classes') {
          for (const c of i.cols) note(i.rule, t, i.total, c, this.get(t, i.total, c), columnTotal(t.classRows, c));
        } else {
          for (const g of i.groups)
            note(
              i.rule,
              t,
              g.total,
              i.col,
              this.get(t, g.total, i.col),
              columnTotal(
                t.econClasses.filter((r) => economicGroup(r.code!) === g.group),
                i.col,
              ),
            );
        }
      }
    }
    for (const i of cross) {
      if (i.balance) continue;
      if (i.kind === 'sum') {
        const head = this.at(null, i.total);
        if (head) note(i.rule, head[0], head[1], head[2], this.get(...head), sumOf(null, i.parts));
      } else if (i.kind === 'same') {
        const a = this.at(null, i.a);
        const b = this.at(null, i.b);
        if (a && b) note(i.rule, a[0], a[1], a[2], this.get(...a), this.get(...b));
      } else if (i.kind === 'sameClasses') {
        const a = this.tables.get(i.a.table);
        const b = this.tables.get(i.b.table);
        if (a && b)
          for (const r of a.classRows) note(i.rule, a, r.key, i.a.col, r.values[i.a.col], this.get(b, codeRow(codeOfRowKey(r.key)!), i.b.col));
      }
    }
    return out;
  }

  /** The figures no identity could compute: a declaration is missing (a programming error, not the user's). */
  unknown(): string[] {
    const out: string[] = [];
    for (const t of this.tables.values())
      for (const r of t.rows) for (const c of r.cols) if (r.values[c] === undefined) out.push(`${t.topic} ${r.key} ${c}`);
    return out;
  }
}

/**
 * Completes the draft tables in place: every figure not given is computed from its parts by the table and
 * cross identities. Throws when a figure stays unknown (no identity states it) or when a given figure
 * contradicts an identity (the working-sheet reader admits neither; the derivation never hides one).
 */
export function solveDraft(tables: DraftTable[], cross: CrossIdentity[]): void {
  const solver = new Solver(tables);
  solver.run(cross);
  const list = (xs: string[]) => `${xs.slice(0, 5).join(', ')}${xs.length > 5 ? ` (+${xs.length - 5})` : ''}`;
  const missing = solver.unknown();
  if (missing.length) throw new Error(`no identity computes ${list(missing)}`);
  const wrong = solver.contradictions(cross);
  if (wrong.length) throw new Error(`given figures contradict their identities: ${list(wrong)}`);
}
