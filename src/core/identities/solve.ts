// Derivation by the declared identities: given the tables' rows with their given figures (the leaves), every
// other figure is computed from its parts with the same identities `check` verifies. Balances are never
// used (they compare figures each computed in its own right). Exact integers (分) throughout.
import { economicGroup } from '../catalogs/economic';
import { codeRow, parseRowKey, type ColKey, type RowKey } from '../keys';
import type { TableTopic } from '../model';
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
  kids: Map<string, DraftRow[]>;
}

/** Children by parent code ('' = the 合计), by the same prefix rule the check uses. */
function kidsOf(rows: DraftRow[]): Map<string, DraftRow[]> {
  const kids = new Map<string, DraftRow[]>();
  for (const r of rows) {
    if (!r.code) continue;
    const c = r.code;
    const parent = c.length === 3 ? '' : c.length === 5 || c.length === 7 ? c.slice(0, c.length - 2) : null;
    if (parent === null) continue;
    const list = kids.get(parent);
    if (list) list.push(r);
    else kids.set(parent, [r]);
  }
  return kids;
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

class Solver {
  private readonly tables = new Map<TableTopic, Indexed>();
  changed = false;

  constructor(tables: DraftTable[]) {
    for (const t of tables) this.tables.set(t.topic, { ...t, byKey: new Map(t.rows.map((r) => [r.key, r])), kids: kidsOf(t.rows) });
  }

  private get(t: Indexed, row: RowKey, col: ColKey): DraftValue {
    const r = t.byKey.get(row);
    if (!r) return t.coded && (row === 'total' || parseRowKey(row).kind === 'code') ? 0 : undefined;
    if (!r.cols.includes(col)) return t.coded ? 0 : undefined;
    return r.values[col];
  }

  /** Sets an unknown figure; false when the row does not print that column. */
  private set(t: Indexed, row: RowKey, col: ColKey, v: DraftValue): void {
    if (v === undefined) return;
    const r = t.byKey.get(row);
    if (!r || !r.cols.includes(col) || r.values[col] !== undefined) return;
    r.values[col] = v;
    this.changed = true;
  }

  private at(owner: Indexed, c: CellAt): [Indexed, RowKey, ColKey] | null {
    const t = c.table ? this.tables.get(c.table) : owner;
    return t ? [t, c.row, c.col] : null;
  }

  private sum(owner: Indexed | null, totalAt: CellAt, parts: CellAt[]): void {
    const head = this.at(owner!, totalAt);
    if (!head || this.get(...head) !== undefined) return;
    const values: Array<{ v: DraftValue; sign?: 1 | -1 }> = [];
    for (const p of parts) {
      const at = this.at(owner!, p);
      if (!at) return;
      values.push({ v: this.get(...at), sign: p.sign });
    }
    this.set(...head, total(values));
  }

  private table(t: Indexed, identity: TableIdentity): void {
    switch (identity.kind) {
      case 'sum':
        return this.sum(t, identity.total, identity.parts);
      case 'columns':
        for (const r of t.rows) {
          if (r.values[identity.total] !== undefined || !r.cols.includes(identity.total)) continue;
          if (!identity.parts.every((p) => r.cols.includes(p.col))) continue;
          this.set(t, r.key, identity.total, total(identity.parts.map((p) => ({ v: r.values[p.col], sign: p.sign }))));
        }
        return;
      case 'hierarchy':
        for (const r of t.rows) {
          const parent = r.key === 'total' ? '' : r.code && (r.code.length === 3 || r.code.length === 5) ? r.code : null;
          if (parent === null) continue;
          const kids = t.kids.get(parent) ?? [];
          for (const col of r.cols) {
            if (r.values[col] === undefined) this.set(t, r.key, col, total(kids.map((k) => ({ v: k.cols.includes(col) ? k.values[col] : 0 }))));
          }
        }
        return;
      case 'classes':
        for (const col of identity.cols) {
          const classes = t.rows.filter((r) => parseRowKey(r.key).kind === 'class');
          this.set(t, identity.total, col, total(classes.map((r) => ({ v: r.values[col] }))));
        }
        return;
      case 'groups':
        for (const g of identity.groups) {
          const classes = t.rows.filter((r) => r.code?.length === 3 && parseRowKey(r.key).kind === 'econ' && economicGroup(r.code) === g.group);
          this.set(t, g.total, identity.col, total(classes.map((r) => ({ v: r.values[identity.col] }))));
        }
        return;
    }
  }

  private cross(identity: CrossIdentity): void {
    switch (identity.kind) {
      case 'sum':
        return this.sum(null, identity.total, identity.parts);
      case 'same': {
        const a = this.at(null!, identity.a);
        const b = this.at(null!, identity.b);
        if (!a || !b) return;
        this.set(...a, this.get(...b));
        this.set(...b, this.get(...a));
        return;
      }
      case 'sameClasses': {
        const a = this.tables.get(identity.a.table);
        const b = this.tables.get(identity.b.table);
        if (!a || !b) return;
        for (const r of a.rows) {
          const p = parseRowKey(r.key);
          if (p.kind === 'class') this.set(a, r.key, identity.a.col, this.get(b, codeRow(p.code), identity.b.col));
        }
        return;
      }
      case 'atMost':
      case 'atMostRows':
        return;
    }
  }

  run(cross: CrossIdentity[]): void {
    const usable = (i: Identity) => !i.balance;
    // Each pass fills what its parts allow; the longest chain (项 → 款 → 类 → 合计 → 01 → 总计) ends it.
    for (let pass = 0; pass < 32; pass++) {
      this.changed = false;
      for (const t of this.tables.values()) for (const i of t.identities) if (usable(i)) this.table(t, i);
      for (const i of cross) if (usable(i)) this.cross(i);
      if (!this.changed) return;
    }
  }

  /** The figures no identity could compute: a declaration is missing (a programming error, not the user's). */
  unknown(): string[] {
    const out: string[] = [];
    for (const t of this.tables.values()) for (const r of t.rows) for (const c of r.cols) if (r.values[c] === undefined) out.push(`${t.topic} ${r.key} ${c}`);
    return out;
  }
}

/**
 * Completes the draft tables in place: every figure not given is computed from its parts by the table and
 * cross identities. Throws when a figure stays unknown, naming it (no identity states it).
 */
export function solveDraft(tables: DraftTable[], cross: CrossIdentity[]): void {
  const solver = new Solver(tables);
  solver.run(cross);
  const missing = solver.unknown();
  if (missing.length) throw new Error(`no identity computes ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (+${missing.length - 5})` : ''}`);
}
