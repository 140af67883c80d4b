// Working sheets → the model of the nine tables, in integer 分. 类 and 款 figures are sums of their 项,
// every total a sum of the detail, nothing taken from a print.
//
// The rounding policy of generated tables (shared/domain/README.md, "Money and rounding"), option `printed`:
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
import { ECONOMIC_LISTS, economicGroup, economicItem } from '../core/catalogs/economic';
import { roundToPrinted, type MoneyUnit } from '../core/money';
import { levelOfCode, type AmountCell, type FinalAccounts, type TableData, type TableId, type TableRow } from '../core/model';
import { isClassRows, type CodedSpec, type EconomicSpec, type LedgerSpec, type Profile, type TableSpec, type ThreePublicSpec } from '../core/profiles';
import type { WorkingData, WorkingSheet } from '../core/workings/model';
import { WORKING_SHEETS } from '../core/workings/spec';

type Sums = Record<string, number>;

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

function blankCell(): AmountCell {
  return { minor: 0, ref: null, blank: true };
}

function cellsOf(make: CellMaker, values: Sums, keys: string[]): Record<string, AmountCell> {
  const cells: Record<string, AmountCell> = {};
  for (const k of keys) cells[k] = make(values[k] ?? 0);
  return cells;
}

function cellsOfVector(make: CellMaker, values: Float64Array, keys: string[]): Record<string, AmountCell> {
  const cells: Record<string, AmountCell> = {};
  for (let j = 0; j < keys.length; j++) cells[keys[j]] = make(values[j]);
  return cells;
}

// The figures of one 项 are a vector over the working columns of 底稿1 and 底稿2 (columnar: one
// Float64Array per 项, no object per key), and every table column is a fixed list of those columns.
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

const INCOME_KEYS = ['inc.gpb', 'inc.gf', 'inc.soe', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other'];
const SPEND_KEYS = ['exp.basic', 'exp.project', 'exp.remit', 'exp.operating', 'exp.affiliated'];

function fundColumns(f: string): Record<string, string[]> {
  return {
    carryIn: [`${f}.carryIn`],
    income: [`inc.${f}`],
    basic: [`${f}.basic`],
    project: [`${f}.project`],
    spendTotal: [`${f}.basic`, `${f}.project`],
    total: [`${f}.basic`, `${f}.project`],
    carryOut: [`${f}.carryOut`],
  };
}

/** Each column of each coded table as the working columns it sums. */
const COLUMN_SOURCES: Record<string, Record<string, string[]>> = {
  income: {
    total: INCOME_KEYS,
    fiscal: ['inc.gpb', 'inc.gf', 'inc.soe'],
    superior: ['inc.superior'],
    business: ['inc.business'],
    operating: ['inc.operating'],
    affiliated: ['inc.affiliated'],
    other: ['inc.other'],
  },
  expenditure: {
    total: SPEND_KEYS,
    basic: ['exp.basic'],
    project: ['exp.project'],
    remit: ['exp.remit'],
    operating: ['exp.operating'],
    affiliated: ['exp.affiliated'],
  },
  generalBudget: fundColumns('gpb'),
  govFund: fundColumns('gf'),
  stateCapital: fundColumns('soe'),
};

/** Column j of the result = Σ figures[i] over sources[j]; true when any column is non-zero. */
function project(figures: Float64Array, sources: number[][], out: Float64Array): boolean {
  let any = false;
  for (let j = 0; j < sources.length; j++) {
    let v = 0;
    for (const i of sources[j]) v += figures[i];
    out[j] = v;
    if (v !== 0) any = true;
  }
  return any;
}

function sourceIndexes(keys: string[][]): number[][] {
  return keys.map((list) => list.map((k) => KEY_INDEX.get(k)!));
}

function baseTable(spec: TableSpec, unit: MoneyUnit, rows: TableRow[], variant?: string): TableData {
  return { id: spec.id, topic: spec.topic, title: spec.title, sheet: '', range: '', unit, rows, notes: [], titleRef: null, variant };
}

function row(key: string, label: string, cells: Record<string, AmountCell>, code?: string): TableRow {
  return { key, label, code, level: code ? levelOfCode(code) : undefined, labelRef: null, cells };
}

/**
 * A coded table in one pass over the 项 in code order: a 类 or 款 row is opened when its first 项 with
 * figures comes, and given its cells when the next 类 or 款 begins (codes in order put every prefix's 项
 * together, so no lookup and no sort per table).
 */
function codedTable(spec: CodedSpec, items: ItemFigures[], names: Map<string, string>, unit: MoneyUnit, make: CellMaker): TableData {
  const keys = spec.columns.map((c) => c.key);
  const sources = sourceIndexes(keys.map((k) => COLUMN_SOURCES[spec.topic]?.[k] ?? []));
  const total = new Float64Array(keys.length);
  const classSums = new Float64Array(keys.length);
  const kuanSums = new Float64Array(keys.length);
  const values = new Float64Array(keys.length);
  const rows: TableRow[] = [];
  const open = (code: string): TableRow => {
    const r = row(`code:${code}`, names.get(code) ?? knownName(code) ?? '', NO_CELLS, code);
    rows.push(r);
    return r;
  };
  const close = (r: TableRow | null, sums: Float64Array) => {
    if (r) r.cells = cellsOfVector(make, sums, keys);
  };
  let classRow: TableRow | null = null;
  let kuanRow: TableRow | null = null;
  for (const item of items) {
    if (!project(item.figures, sources, values)) continue;
    if (classRow?.code !== item.classCode) {
      close(kuanRow, kuanSums);
      close(classRow, classSums);
      kuanRow = null;
      classRow = open(item.classCode);
      classSums.fill(0);
    }
    if (item.kuanCode !== item.classCode && kuanRow?.code !== item.kuanCode) {
      close(kuanRow, kuanSums);
      kuanRow = open(item.kuanCode);
      kuanSums.fill(0);
    }
    if (item.code !== item.kuanCode) open(item.code).cells = cellsOfVector(make, values, keys);
    for (let j = 0; j < keys.length; j++) {
      classSums[j] += values[j];
      kuanSums[j] += values[j];
      total[j] += values[j];
    }
  }
  close(kuanRow, kuanSums);
  close(classRow, classSums);
  return baseTable(spec, unit, [row('total', '合计', cellsOfVector(make, total, keys)), ...rows]);
}

/** Cells of a 类/款 row until its last 项 is summed. */
const NO_CELLS: Record<string, AmountCell> = Object.freeze({}) as Record<string, AmountCell>;

/** Per 类, the named sums (each a list of working columns) of its 项. */
function classTotals(items: ItemFigures[], columns: Record<string, string[]>): Map<string, Sums> {
  const keys = Object.keys(columns);
  const sources = sourceIndexes(keys.map((k) => columns[k]));
  const byClass = new Map<string, Float64Array>();
  const values = new Float64Array(keys.length);
  for (const item of items) {
    project(item.figures, sources, values);
    let sums = byClass.get(item.classCode);
    if (!sums) byClass.set(item.classCode, (sums = new Float64Array(keys.length)));
    for (let j = 0; j < keys.length; j++) sums[j] += values[j];
  }
  return new Map([...byClass].map(([code, sums]) => [code, Object.fromEntries(keys.map((k, j) => [k, sums[j]]))]));
}

function ledgerTable(
  spec: LedgerSpec,
  values: Record<string, Sums>,
  classes: Map<string, Sums>,
  list: ClassListId,
  unit: MoneyUnit,
  make: CellMaker,
): TableData {
  const rows: TableRow[] = [];
  for (const block of spec.blocks) {
    const keys = block.columns.map((c) => c.key);
    for (const r of block.rows) {
      if (!isClassRows(r)) {
        rows.push(row(r.key, r.label, cellsOf(make, values[r.key] ?? {}, keys)));
        continue;
      }
      const listed = CLASS_LISTS[list];
      for (const c of listed) rows.push(row(`class:${c.code}`, `${c.ordinal}、${c.name}`, cellsOf(make, classes.get(c.code) ?? {}, keys)));
      for (const [code, s] of [...classes].sort()) {
        if (!listed.some((c) => c.code === code) && Object.values(s).some((v) => v !== 0)) {
          rows.push(row(`class:${code}`, knownName(code) ?? code, cellsOf(make, s, keys)));
        }
      }
    }
  }
  return baseTable(spec, unit, rows, list);
}

function economicTable(spec: EconomicSpec, sheet: WorkingSheet | undefined, unit: MoneyUnit, make: CellMaker): TableData {
  const amounts = new Map<string, number>();
  const names = new Map<string, string>(sheet?.names ?? []);
  for (const r of sheet?.rows ?? []) {
    const v = r.cells.amount?.minor ?? 0;
    amounts.set(r.key, (amounts.get(r.key) ?? 0) + v);
    amounts.set(r.key.slice(0, 3), (amounts.get(r.key.slice(0, 3)) ?? 0) + v);
    if (r.name) names.set(r.key, r.name);
  }
  const codes = new Set([...ECONOMIC_LISTS[spec.economicList].map((i) => i.code), ...amounts.keys()]);
  const rows = [...codes]
    .sort()
    .map((code) => row(`econ:${code}`, economicItem(code)?.name ?? names.get(code) ?? '', { amount: make(amounts.get(code) ?? 0) }, code));
  let personnelTotal = 0;
  let publicTotal = 0;
  for (const [code, v] of amounts) {
    if (code.length !== 3) continue;
    if (economicGroup(code) === '人员经费') personnelTotal += v;
    else publicTotal += v;
  }
  rows.push(row('personnelTotal', spec.personnelTotalLabel, { amount: make(personnelTotal) }));
  rows.push(row('publicTotal', spec.publicTotalLabel, { amount: make(publicTotal) }));
  return baseTable(spec, unit, rows);
}

function threePublicTable(spec: ThreePublicSpec, sheet: WorkingSheet | undefined, unit: MoneyUnit, make: CellMaker): TableData {
  const get = (key: string, m: string) => sheet?.rows.find((r) => r.key === key)?.cells[m];
  const measures = spec.measures.map((m) => m.key);
  const composite: Record<string, string[]> = {
    car: ['carPurchase', 'carRun'],
    total: ['abroad', 'carPurchase', 'carRun', 'reception'],
  };
  const rows = spec.items.map((item) => {
    const parts = composite[item.key] ?? [item.key];
    const cells: Record<string, AmountCell> = {};
    for (const m of measures) {
      const given = parts.map((p) => get(p, m)).filter((c): c is AmountCell => c !== undefined && !c.blank);
      // 预算数 left blank in the working sheet stays blank in print; 决算数 blank reads as zero.
      cells[m] = m === 'budget' && given.length === 0 ? blankCell() : make(given.reduce((a, c) => a + c.minor, 0));
    }
    return row(item.key, item.label, cells);
  });
  return baseTable(spec, unit, rows);
}

/** The exact model of every table of the profile from the working sheets. */
export function deriveAccounts(data: WorkingData, profile: Profile, options: DeriveOptions = {}): FinalAccounts {
  const unit = options.unit ?? '万元';
  const list = options.classList ?? profile.classLists[0];
  const make = cellMaker(unit, options.printed === true);
  // In code order: a 类's 款 and a 款's 项 follow each other (codedTable relies on it).
  const items = itemFigures(data).sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const names = itemNames(data);
  const carry = new Map((data.sheets.carry?.rows ?? []).map((r) => [r.key, r.cells.amount?.minor ?? 0]));
  const all = new Float64Array(ITEM_KEYS.length);
  for (const item of items) for (let i = 0; i < all.length; i++) all[i] += item.figures[i];
  const a = (k: string) => all[KEY_INDEX.get(k)!];

  const incomeKeys = ['gpb', 'gf', 'soe', 'superior', 'business', 'operating', 'affiliated', 'other'];
  const incTotal = incomeKeys.reduce((x, k) => x + a(`inc.${k}`), 0);
  const expTotal = ['basic', 'project', 'remit', 'operating', 'affiliated'].reduce((x, k) => x + a(`exp.${k}`), 0);
  const fiscalCarryIn = a('gpb.carryIn') + a('gf.carryIn') + a('soe.carryIn');
  const fiscalCarryOut = a('gpb.carryOut') + a('gf.carryOut') + a('soe.carryOut');
  const useSurplus = carry.get('useSurplus') ?? 0;
  const carryIn = fiscalCarryIn + (carry.get('carryIn') ?? 0);
  const distribution = carry.get('surplusDistribution') ?? 0;
  const carryOut = fiscalCarryOut + (carry.get('carryOut') ?? 0);

  const summary: Record<string, Sums> = {
    ...Object.fromEntries(incomeKeys.map((k) => [`inc.${k}`, { amount: a(`inc.${k}`) }])),
    'inc.total': { amount: incTotal },
    'inc.useSurplus': { amount: useSurplus },
    'inc.carryIn': { amount: carryIn },
    'inc.grand': { amount: incTotal + useSurplus + carryIn },
    'exp.total': { amount: expTotal },
    'exp.surplusDistribution': { amount: distribution },
    'exp.carryOut': { amount: carryOut },
    'exp.grand': { amount: expTotal + distribution + carryOut },
  };
  const fiscalSpend = (f: string) => a(`${f}.basic`) + a(`${f}.project`);
  const fiscalIncome = a('inc.gpb') + a('inc.gf') + a('inc.soe');
  const fiscalExp: Sums = { gpb: fiscalSpend('gpb'), gf: fiscalSpend('gf'), soe: fiscalSpend('soe') };
  fiscalExp.total = fiscalExp.gpb + fiscalExp.gf + fiscalExp.soe;
  const fiscalOut: Sums = { gpb: a('gpb.carryOut'), gf: a('gf.carryOut'), soe: a('soe.carryOut') };
  fiscalOut.total = fiscalOut.gpb + fiscalOut.gf + fiscalOut.soe;
  const fiscal: Record<string, Sums> = {
    'inc.gpb': { amount: a('inc.gpb') },
    'inc.gf': { amount: a('inc.gf') },
    'inc.soe': { amount: a('inc.soe') },
    'inc.total': { amount: fiscalIncome },
    'inc.carryIn': { amount: fiscalCarryIn },
    'inc.carryIn.gpb': { amount: a('gpb.carryIn') },
    'inc.carryIn.gf': { amount: a('gf.carryIn') },
    'inc.carryIn.soe': { amount: a('soe.carryIn') },
    'inc.grand': { amount: fiscalIncome + fiscalCarryIn },
    'exp.total': fiscalExp,
    'exp.carryOut': fiscalOut,
    'exp.grand': Object.fromEntries(Object.keys(fiscalExp).map((k) => [k, fiscalExp[k] + fiscalOut[k]])),
  };

  const tables: Partial<Record<TableId, TableData>> = {};
  for (const spec of Object.values(profile.tables)) {
    switch (spec.kind) {
      case 'coded':
        tables[spec.id] = codedTable(spec, items, names, unit, make);
        break;
      case 'ledger': {
        const classes =
          spec.topic === 'summary'
            ? classTotals(items, { amount: SPEND_KEYS })
            : classTotals(items, {
                gpb: ['gpb.basic', 'gpb.project'],
                gf: ['gf.basic', 'gf.project'],
                soe: ['soe.basic', 'soe.project'],
                total: ['gpb.basic', 'gpb.project', 'gf.basic', 'gf.project', 'soe.basic', 'soe.project'],
              });
        tables[spec.id] = ledgerTable(spec, spec.topic === 'summary' ? summary : fiscal, classes, list, unit, make);
        break;
      }
      case 'economic':
        tables[spec.id] = economicTable(spec, data.sheets.economic, unit, make);
        break;
      case 'threePublic':
        tables[spec.id] = threePublicTable(spec, data.sheets.threePublic, unit, make);
        break;
    }
  }
  return { unitName: data.unitName, year: data.year, profileId: profile.id, tables };
}
