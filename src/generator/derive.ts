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
import type { ClassListId } from '../core/catalogs/functional';
import { solveDraft } from '../core/identities/solve';
import { roundToPrinted, type MoneyUnit } from '../core/money';
import { levelOfCode, type AmountCell, type FinalAccounts, type TableData, type TableId, type TableRow } from '../core/model';
import type { Profile } from '../core/profiles';
import type { WorkingData, WorkingSheet } from '../core/workings/model';
import { ITEM_KEYS, KEY_INDEX, type Draft, type ItemFigures } from '../kinds/derive/draft';
import { kindOf } from '../kinds/registry';

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

/** Working figures of the whole unit: every 底稿1/2 column summed over the 项, and the 底稿6 rows. */
function unitFigures(items: ItemFigures[], data: WorkingData): (source: string) => number {
  const all = new Float64Array(ITEM_KEYS.length);
  for (const item of items) for (let i = 0; i < all.length; i++) all[i] += item.figures[i];
  const carry = new Map((data.sheets.carry?.rows ?? []).map((r) => [`carry.${r.key}`, r.cells.amount?.minor ?? 0]));
  return (source) => {
    const i = KEY_INDEX.get(source);
    return i !== undefined ? all[i] : (carry.get(source) ?? 0);
  };
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
  const make = cellMaker(unit, options.printed === true);
  // In code order: a 类's 款 and a 款's 项 follow each other (the coded kind relies on it).
  const items = itemFigures(data).sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const source = { data, items, names: itemNames(data), figure: unitFigures(items, data), classList: options.classList ?? profile.classLists[0] };
  const drafts = Object.values(profile.tables).map((spec) => kindOf(spec).derive(spec, source));
  solveDraft(drafts, profile.crossIdentities);
  const tables: Partial<Record<TableId, TableData>> = {};
  for (const d of drafts) tables[d.spec.id] = tableOf(d, unit, make);
  return { unitName: data.unitName, year: data.year, profileId: profile.id, tables };
}
