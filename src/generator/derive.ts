// Working sheets → the exact model of the nine tables (integer 分, not yet rounded; see printed.ts).
// 类 and 款 figures are sums of their 项, every total a sum of the detail, nothing taken from a print.
import { CLASS_LISTS, knownName, type ClassListId } from '../core/catalogs/functional';
import { ECONOMIC_LISTS, economicGroup, economicItem } from '../core/catalogs/economic';
import type { MoneyUnit } from '../core/money';
import { levelOfCode, type AmountCell, type FinalAccounts, type TableData, type TableId, type TableRow } from '../core/model';
import { isClassRows, type CodedSpec, type EconomicSpec, type LedgerSpec, type Profile, type TableSpec, type ThreePublicSpec } from '../core/profiles';
import type { WorkingData, WorkingSheet } from './workings/reader';

type Sums = Record<string, number>;

export interface DeriveOptions {
  /** Unit of the generated tables; default 万元. */
  unit?: MoneyUnit;
  classList?: ClassListId;
}

function cell(minor: number): AmountCell {
  return { minor, ref: null };
}

function blankCell(): AmountCell {
  return { minor: 0, ref: null, blank: true };
}

function cellsOf(values: Sums, keys: string[]): Record<string, AmountCell> {
  return Object.fromEntries(keys.map((k) => [k, cell(values[k] ?? 0)]));
}

/** Every 项 code with its working figures (detail and fiscal sheets joined by code). */
function itemFigures(data: WorkingData): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const sheet of [data.sheets.detail, data.sheets.fiscal]) {
    for (const row of sheet?.rows ?? []) {
      const sums = out.get(row.key) ?? {};
      for (const [k, c] of Object.entries(row.cells)) sums[k] = (sums[k] ?? 0) + c.minor;
      out.set(row.key, sums);
    }
  }
  return out;
}

function itemNames(data: WorkingData): Map<string, string> {
  const names = new Map<string, string>();
  for (const sheet of [data.sheets.detail, data.sheets.fiscal] as Array<WorkingSheet | undefined>) {
    for (const [code, name] of sheet?.names ?? []) names.set(code, name);
    for (const row of sheet?.rows ?? []) if (row.name && !names.has(row.key)) names.set(row.key, row.name);
  }
  return names;
}

const sum = (s: Sums, keys: string[]) => keys.reduce((a, k) => a + (s[k] ?? 0), 0);

const ITEM_COLUMNS = new WeakMap<Sums, Record<string, Sums>>();

/** The figures of one 项 for every column key any coded table uses (computed once per 项, used by five tables). */
function columnsOfItem(s: Sums): Record<string, Sums> {
  let out = ITEM_COLUMNS.get(s);
  if (!out) {
    out = computeColumnsOfItem(s);
    ITEM_COLUMNS.set(s, out);
  }
  return out;
}

function computeColumnsOfItem(s: Sums): Record<string, Sums> {
  const fund = (f: string): Sums => ({
    carryIn: s[`${f}.carryIn`] ?? 0,
    income: s[`inc.${f}`] ?? 0,
    basic: s[`${f}.basic`] ?? 0,
    project: s[`${f}.project`] ?? 0,
    spendTotal: sum(s, [`${f}.basic`, `${f}.project`]),
    total: sum(s, [`${f}.basic`, `${f}.project`]),
    carryOut: s[`${f}.carryOut`] ?? 0,
  });
  return {
    income: {
      total: sum(s, ['inc.gpb', 'inc.gf', 'inc.soe', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other']),
      fiscal: sum(s, ['inc.gpb', 'inc.gf', 'inc.soe']),
      superior: s['inc.superior'] ?? 0,
      business: s['inc.business'] ?? 0,
      operating: s['inc.operating'] ?? 0,
      affiliated: s['inc.affiliated'] ?? 0,
      other: s['inc.other'] ?? 0,
    },
    expenditure: {
      total: sum(s, ['exp.basic', 'exp.project', 'exp.remit', 'exp.operating', 'exp.affiliated']),
      basic: s['exp.basic'] ?? 0,
      project: s['exp.project'] ?? 0,
      remit: s['exp.remit'] ?? 0,
      operating: s['exp.operating'] ?? 0,
      affiliated: s['exp.affiliated'] ?? 0,
    },
    generalBudget: fund('gpb'),
    govFund: fund('gf'),
    stateCapital: fund('soe'),
  };
}

function baseTable(spec: TableSpec, unit: MoneyUnit, rows: TableRow[], variant?: string): TableData {
  return { id: spec.id, topic: spec.topic, title: spec.title, sheet: '', range: '', unit, rows, notes: [], titleRef: null, variant };
}

function row(key: string, label: string, cells: Record<string, AmountCell>, code?: string): TableRow {
  return { key, label, code, level: code ? levelOfCode(code) : undefined, labelRef: null, cells };
}

function codedTable(spec: CodedSpec, items: Map<string, Sums>, names: Map<string, string>, unit: MoneyUnit): TableData {
  const keys = spec.columns.map((c) => c.key);
  const byCode = new Map<string, Sums>();
  const total: Sums = {};
  for (const [code, s] of items) {
    const values = columnsOfItem(s)[spec.topic as 'income'] ?? {};
    if (!keys.some((k) => (values[k] ?? 0) !== 0)) continue;
    for (const c of [code.slice(0, 3), code.slice(0, 5), code]) {
      const acc = byCode.get(c) ?? {};
      for (const k of keys) acc[k] = (acc[k] ?? 0) + (values[k] ?? 0);
      byCode.set(c, acc);
    }
    for (const k of keys) total[k] = (total[k] ?? 0) + (values[k] ?? 0);
  }
  const rows = [...byCode.keys()]
    .sort()
    .map((code) => row(`code:${code}`, names.get(code) ?? knownName(code) ?? '', cellsOf(byCode.get(code)!, keys), code));
  return baseTable(spec, unit, [row('total', '合计', cellsOf(total, keys)), ...rows]);
}

function classTotals(items: Map<string, Sums>, pick: (s: Sums) => Sums): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const [code, s] of items) {
    const acc = out.get(code.slice(0, 3)) ?? {};
    for (const [k, v] of Object.entries(pick(s))) acc[k] = (acc[k] ?? 0) + v;
    out.set(code.slice(0, 3), acc);
  }
  return out;
}

function ledgerTable(
  spec: LedgerSpec,
  values: Record<string, Sums>,
  classes: Map<string, Sums>,
  list: ClassListId,
  unit: MoneyUnit,
): TableData {
  const rows: TableRow[] = [];
  for (const block of spec.blocks) {
    const keys = block.columns.map((c) => c.key);
    for (const r of block.rows) {
      if (!isClassRows(r)) {
        rows.push(row(r.key, r.label, cellsOf(values[r.key] ?? {}, keys)));
        continue;
      }
      const listed = CLASS_LISTS[list];
      for (const c of listed) rows.push(row(`class:${c.code}`, `${c.ordinal}、${c.name}`, cellsOf(classes.get(c.code) ?? {}, keys)));
      for (const [code, s] of [...classes].sort()) {
        if (!listed.some((c) => c.code === code) && Object.values(s).some((v) => v !== 0)) {
          rows.push(row(`class:${code}`, knownName(code) ?? code, cellsOf(s, keys)));
        }
      }
    }
  }
  return baseTable(spec, unit, rows, list);
}

function economicTable(spec: EconomicSpec, sheet: WorkingSheet | undefined, unit: MoneyUnit): TableData {
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
    .map((code) => row(`econ:${code}`, economicItem(code)?.name ?? names.get(code) ?? '', { amount: cell(amounts.get(code) ?? 0) }, code));
  let personnelTotal = 0;
  let publicTotal = 0;
  for (const [code, v] of amounts) {
    if (code.length !== 3) continue;
    if (economicGroup(code) === '人员经费') personnelTotal += v;
    else publicTotal += v;
  }
  rows.push(row('personnelTotal', spec.personnelTotalLabel, { amount: cell(personnelTotal) }));
  rows.push(row('publicTotal', spec.publicTotalLabel, { amount: cell(publicTotal) }));
  return baseTable(spec, unit, rows);
}

function threePublicTable(spec: ThreePublicSpec, sheet: WorkingSheet | undefined, unit: MoneyUnit): TableData {
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
      cells[m] = m === 'budget' && given.length === 0 ? blankCell() : cell(given.reduce((a, c) => a + c.minor, 0));
    }
    return row(item.key, item.label, cells);
  });
  return baseTable(spec, unit, rows);
}

/** The exact model of every table of the profile from the working sheets. */
export function deriveAccounts(data: WorkingData, profile: Profile, options: DeriveOptions = {}): FinalAccounts {
  const unit = options.unit ?? '万元';
  const list = options.classList ?? profile.classLists[0];
  const items = itemFigures(data);
  const names = itemNames(data);
  const carry = new Map((data.sheets.carry?.rows ?? []).map((r) => [r.key, r.cells.amount?.minor ?? 0]));
  const all: Sums = {};
  for (const s of items.values()) for (const [k, v] of Object.entries(s)) all[k] = (all[k] ?? 0) + v;
  const a = (k: string) => all[k] ?? 0;

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
  const fiscalSpend = (s: Sums, f: string) => (s[`${f}.basic`] ?? 0) + (s[`${f}.project`] ?? 0);
  const fiscalIncome = a('inc.gpb') + a('inc.gf') + a('inc.soe');
  const fiscalExp: Sums = { gpb: fiscalSpend(all, 'gpb'), gf: fiscalSpend(all, 'gf'), soe: fiscalSpend(all, 'soe') };
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
        tables[spec.id] = codedTable(spec, items, names, unit);
        break;
      case 'ledger':
        tables[spec.id] =
          spec.topic === 'summary'
            ? ledgerTable(spec, summary, classTotals(items, (s) => ({ amount: columnsOfItem(s).expenditure.total })), list, unit)
            : ledgerTable(
                spec,
                fiscal,
                classTotals(items, (s) => {
                  const c = { gpb: fiscalSpend(s, 'gpb'), gf: fiscalSpend(s, 'gf'), soe: fiscalSpend(s, 'soe') };
                  return { ...c, total: c.gpb + c.gf + c.soe };
                }),
                list,
                unit,
              );
        break;
      case 'economic':
        tables[spec.id] = economicTable(spec, data.sheets.economic, unit);
        break;
      case 'threePublic':
        tables[spec.id] = threePublicTable(spec, data.sheets.threePublic, unit);
        break;
    }
  }
  return { unitName: data.unitName, year: data.year, profileId: profile.id, tables };
}
