// Working sheets → the model of the nine tables, in integer 分. The generator lays out which rows each table
// prints and puts in the figures the working sheets give (core/workings/feeds.ts); every other figure (类 and
// 款 rows, 合计, 总计, the 01/04 类 rows, 人员经费/公用经费, the 三公 subtotals) is computed by the profile's
// declared identities (core/identities/solve.ts) — the same declarations `check` verifies.
//
// The rounding policy of generated tables (docs/domain.md#money-and-rounding), option `printed`:
//   1. every figure of every table is computed from the 项-level (and 款-level economic) detail exactly,
//      in integer 分, whatever unit the working sheets use;
//   2. each printed cell is rounded once, from its exact value, to the printed step of the table's unit
//      (0.01 万元 = 100 分), half away from zero;
//   3. so every printed total is the rounded exact total — never a sum of rounded addends.
// Consequences: the same figure printed in two tables (a 类 in 01 and 03, 05's 合计 and 04's 一般公共预算
// column …) is the same exact amount rounded the same way, so it is identical everywhere; a printed sum may
// differ from the sum of its printed addends only by a rounding tail (≤ half a cent per addend), which
// `check` reports as 尾差, never as an error.
import { CLASS_LISTS, knownName, type ClassListId } from '../core/catalogs/functional';
import { ECONOMIC_LISTS, economicItem } from '../core/catalogs/economic';
import { solveDraft, type DraftRow, type DraftTable } from '../core/identities/solve';
import { classRow, codeRow, econRow, type ColKey, type RowKey } from '../core/keys';
import { roundToPrinted, type MoneyUnit } from '../core/money';
import { levelOfCode, type AmountCell, type FinalAccounts, type TableData, type TableId, type TableRow } from '../core/model';
import { isClassRows, type CodedSpec, type EconomicSpec, type LedgerSpec, type Profile, type TableSpec, type ThreePublicSpec } from '../core/profiles';
import { WORKING_FEEDS, type WorkingSource } from '../core/workings/feeds';
import type { WorkingData, WorkingSheet } from '../core/workings/model';
import { WORKING_SHEETS } from '../core/workings/spec';

export interface DeriveOptions {
  /** Unit of the generated tables; default 万元. */
  unit?: MoneyUnit;
  classList?: ClassListId;
  /** Round each cell once, as it is made, to the printed step (the policy above); default: exact. */
  printed?: boolean;
}

/** Makes the cells of one derivation: exact, or rounded once to the printed step. */
type CellMaker = (minor: number) => AmountCell;

/**
 * Derived cells stand in no worksheet cell (ref null) and are never changed after derivation, so every
 * zero is one shared, frozen cell: about half the cells of a large unit's tables are zeros.
 */
const ZERO: AmountCell = Object.freeze({ minor: 0, ref: null });

function cellMaker(unit: MoneyUnit, printed: boolean): CellMaker {
  if (printed) {
    return (minor) => {
      const shown = roundToPrinted(minor, unit);
      return shown === 0 ? ZERO : { minor: shown, ref: null };
    };
  }
  return (minor) => (minor === 0 ? ZERO : { minor, ref: null });
}

// The figures of one 项 are a vector over the working columns of 底稿1 and 底稿2 (columnar: one
// Float64Array per 项, no object per key).
const ITEM_KEYS: string[] = [
  ...new Set(WORKING_SHEETS.filter((s) => s.id === 'detail' || s.id === 'fiscal').flatMap((s) => s.columns.map((c) => c.key))),
];
const KEY_INDEX = new Map(ITEM_KEYS.map((k, i) => [k, i]));

interface ItemFigures {
  code: string;
  /** The 类 and 款 above it (the code itself when it is one). */
  classCode: string;
  kuanCode: string;
  figures: Float64Array;
}

/** Every 项 code with its working figures (detail and fiscal sheets joined by code), in first-seen order. */
function itemFigures(data: WorkingData): ItemFigures[] {
  const byCode = new Map<string, ItemFigures>();
  for (const sheet of [data.sheets.detail, data.sheets.fiscal]) {
    if (!sheet) continue;
    const keys = sheet.spec.columns.map((c) => c.key);
    const indexes = keys.map((k) => KEY_INDEX.get(k)!);
    for (const row of sheet.rows) {
      let item = byCode.get(row.key);
      if (!item) {
        item = { code: row.key, classCode: row.key.slice(0, 3), kuanCode: row.key.slice(0, 5), figures: new Float64Array(ITEM_KEYS.length) };
        byCode.set(row.key, item);
      }
      for (let j = 0; j < keys.length; j++) {
        const c = row.cells[keys[j]];
        if (c !== undefined) item.figures[indexes[j]] += c.minor;
      }
    }
  }
  return [...byCode.values()];
}

function itemNames(data: WorkingData): Map<string, string> {
  const names = new Map<string, string>();
  for (const sheet of [data.sheets.detail, data.sheets.fiscal] as Array<WorkingSheet | undefined>) {
    for (const [code, name] of sheet?.names ?? []) names.set(code, name);
    for (const row of sheet?.rows ?? []) if (row.name && !names.has(row.key)) names.set(row.key, row.name);
  }
  return names;
}

/** A row being derived, with the label it will print. */
interface Row extends DraftRow {
  label: string;
}

interface Draft extends DraftTable {
  spec: TableSpec;
  rows: Row[];
  /** 类 rows outside the profile's list: printed only when they have a figure. */
  extra?: Set<RowKey>;
  variant?: string;
}

function row(key: RowKey, label: string, cols: readonly ColKey[], code?: string): Row {
  return { key, label, code, cols, values: {} };
}

function draft(spec: TableSpec, rows: Row[], extra?: Partial<Draft>): Draft {
  return { topic: spec.topic, coded: spec.kind === 'coded', rows, identities: spec.identities, spec, ...extra };
}

/** Working figures of the whole unit: every 底稿1/2 column summed over the 项, and the 底稿6 rows. */
function unitFigures(items: ItemFigures[], data: WorkingData): (source: WorkingSource) => number {
  const all = new Float64Array(ITEM_KEYS.length);
  for (const item of items) for (let i = 0; i < all.length; i++) all[i] += item.figures[i];
  const carry = new Map((data.sheets.carry?.rows ?? []).map((r) => [`carry.${r.key}`, r.cells.amount?.minor ?? 0]));
  return (source) => {
    const i = KEY_INDEX.get(source);
    return i !== undefined ? all[i] : (carry.get(source) ?? 0);
  };
}

/**
 * A coded table in one pass over the 项 in code order: a 类 or 款 row is opened when its first 项 with
 * figures comes (codes in order put every prefix's 项 together). Only the 项 rows get figures here; the
 * 类, 款, 合计 and total columns come from the identities.
 */
function codedDraft(spec: CodedSpec, items: ItemFigures[], names: Map<string, string>): Draft {
  const cols = spec.columns.map((c) => c.key);
  const feeds = WORKING_FEEDS[spec.topic]?.columns ?? {};
  const fed = cols.filter((k) => feeds[k]);
  const sources = fed.map((k) => feeds[k]!.map((s) => KEY_INDEX.get(s)!));
  const rows: Row[] = [row('total', spec.totalLabel, cols)];
  const open = (code: string) => {
    const r = row(codeRow(code), names.get(code) ?? knownName(code) ?? '', cols, code);
    rows.push(r);
    return r;
  };
  let classCode: string | null = null;
  let kuanCode: string | null = null;
  const values = new Float64Array(fed.length);
  for (const item of items) {
    let any = false;
    for (let j = 0; j < fed.length; j++) {
      let v = 0;
      for (const i of sources[j]) v += item.figures[i];
      values[j] = v;
      if (v !== 0) any = true;
    }
    if (!any) continue;
    if (classCode !== item.classCode) {
      classCode = item.classCode;
      kuanCode = null;
      open(item.classCode);
    }
    if (item.kuanCode !== item.classCode && kuanCode !== item.kuanCode) {
      kuanCode = item.kuanCode;
      open(item.kuanCode);
    }
    // A 款-level entry (5 digits) is its own row's figures; a 项 gets its row.
    const target = item.code !== item.kuanCode ? open(item.code) : rows[rows.length - 1];
    for (let j = 0; j < fed.length; j++) target.values[fed[j]] = (target.values[fed[j]] ?? 0) + values[j];
  }
  return draft(spec, rows);
}

/** 01/04: the fixed rows with the unit's working figures where fed; the 类 rows of the list, and any other 类 with 项. */
function ledgerDraft(spec: LedgerSpec, figure: (s: WorkingSource) => number, items: ItemFigures[], list: ClassListId): Draft {
  const feeds = WORKING_FEEDS[spec.topic]?.rows ?? {};
  const rows: Row[] = [];
  const extra = new Set<RowKey>();
  for (const block of spec.blocks) {
    const cols = block.columns.map((c) => c.key);
    for (const r of block.rows) {
      if (!isClassRows(r)) {
        const fixed = row(r.key, r.label, cols);
        const fed = feeds[r.key] ?? {};
        for (const c of cols) if (fed[c]) fixed.values[c] = fed[c]!.reduce((s, src) => s + figure(src), 0);
        rows.push(fixed);
        continue;
      }
      const listed = CLASS_LISTS[list];
      for (const c of listed) rows.push(row(classRow(c.code), `${c.ordinal}、${c.name}`, cols));
      const others = [...new Set(items.map((i) => i.classCode))].filter((code) => !listed.some((c) => c.code === code)).sort();
      for (const code of others) {
        const r = row(classRow(code), knownName(code) ?? code, cols);
        extra.add(r.key);
        rows.push(r);
      }
    }
  }
  return draft(spec, rows, { extra, variant: list });
}

/** 06: every 款 of the profile's list and of the working sheet; 类 and group totals from the identities. */
function economicDraft(spec: EconomicSpec, sheet: WorkingSheet | undefined): Draft {
  const amounts = new Map<string, number>();
  const names = new Map<string, string>(sheet?.names ?? []);
  for (const r of sheet?.rows ?? []) {
    amounts.set(r.key, (amounts.get(r.key) ?? 0) + (r.cells.amount?.minor ?? 0));
    if (r.name) names.set(r.key, r.name);
  }
  const codes = new Set([...ECONOMIC_LISTS[spec.economicList].map((i) => i.code), ...amounts.keys()].flatMap((c) => [c, c.slice(0, 3)]));
  const cols: ColKey[] = ['amount'];
  const rows = [...codes].sort().map((code) => {
    const r = row(econRow(code), economicItem(code)?.name ?? names.get(code) ?? '', cols, code);
    if (code.length > 3) r.values.amount = amounts.get(code) ?? 0;
    return r;
  });
  for (const b of spec.blocks) rows.push(row(b.total.key, b.total.label, cols));
  return draft(spec, rows);
}

const GIVEN_THREE_PUBLIC = new Set(WORKING_SHEETS.find((s) => s.id === 'threePublic')?.fixedRows?.map((r) => r.key));

/** 三公: the items the working sheet gives; 预算数 left blank there stays blank, 决算数 blank reads as zero. */
function threePublicDraft(spec: ThreePublicSpec, sheet: WorkingSheet | undefined): Draft {
  const cols = spec.measures.map((m) => m.key);
  const rows = spec.items.map((item) => {
    const r = row(item.key, item.label, cols);
    if (!GIVEN_THREE_PUBLIC.has(item.key)) return r;
    const given = sheet?.rows.find((x) => x.key === item.key);
    for (const m of cols) {
      const c = given?.cells[m];
      r.values[m] = c === undefined || c.blank ? (m === 'budget' ? null : 0) : c.minor;
    }
    return r;
  });
  return draft(spec, rows);
}

function draftOf(spec: TableSpec, data: WorkingData, items: ItemFigures[], names: Map<string, string>, figure: (s: WorkingSource) => number, list: ClassListId): Draft {
  switch (spec.kind) {
    case 'coded':
      return codedDraft(spec, items, names);
    case 'ledger':
      return ledgerDraft(spec, figure, items, list);
    case 'economic':
      return economicDraft(spec, data.sheets.economic);
    case 'threePublic':
      return threePublicDraft(spec, data.sheets.threePublic);
  }
}

function tableOf(d: Draft, unit: MoneyUnit, make: CellMaker): TableData {
  const rows: TableRow[] = [];
  for (const r of d.rows) {
    if (d.extra?.has(r.key) && r.cols.every((c) => !r.values[c])) continue;
    const cells: TableRow['cells'] = {};
    for (const c of r.cols) {
      const v = r.values[c];
      cells[c] = v === null ? { minor: 0, ref: null, blank: true } : make(v ?? 0);
    }
    rows.push({ key: r.key, label: r.label, code: r.code, level: r.code ? levelOfCode(r.code) : undefined, labelRef: null, cells });
  }
  const s = d.spec;
  return { id: s.id, topic: s.topic, title: s.title, sheet: '', range: '', unit, rows, notes: [], titleRef: null, variant: d.variant };
}

/** The exact model of every table of the profile from the working sheets. */
export function deriveAccounts(data: WorkingData, profile: Profile, options: DeriveOptions = {}): FinalAccounts {
  const unit = options.unit ?? '万元';
  const list = options.classList ?? profile.classLists[0];
  const make = cellMaker(unit, options.printed === true);
  // In code order: a 类's 款 and a 款's 项 follow each other (codedDraft relies on it).
  const items = itemFigures(data).sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const names = itemNames(data);
  const figure = unitFigures(items, data);
  const drafts = Object.values(profile.tables).map((spec) => draftOf(spec, data, items, names, figure, list));
  solveDraft(drafts, profile.crossIdentities);
  const tables: Partial<Record<TableId, TableData>> = {};
  for (const d of drafts) tables[d.spec.id] = tableOf(d, unit, make);
  return { unitName: data.unitName, year: data.year, profileId: profile.id, tables };
}
