// Row and column keys of the model: typed values, each made by one constructor and taken apart by one
// parser, so a misspelt key is a compile error (fixed keys) or a thrown error (coded keys), never a rule
// that quietly finds no cell.

/** Every column key any table spec may use; the same meaning in every profile. */
export const COLUMN_KEYS = [
  'total',
  'amount',
  'fiscal',
  'superior',
  'business',
  'operating',
  'affiliated',
  'other',
  'basic',
  'project',
  'remit',
  'gpb',
  'gf',
  'soe',
  'carryIn',
  'income',
  'carryOut',
  'budget',
  'final',
  // 2018 department set: 07's 人员经费 / 公用经费 columns; 10's 采购计划 (plan.*) and 实际采购 (actual.*) columns.
  'personnel',
  'public',
  'plan.total',
  'plan.fiscal',
  'plan.gpb',
  'plan.gf',
  'plan.otherFunds',
  'plan.nonFiscal',
  'actual.total',
  'actual.fiscal',
  'actual.gpb',
  'actual.gf',
  'actual.otherFunds',
  'actual.nonFiscal',
] as const;
export type ColKey = (typeof COLUMN_KEYS)[number];

/** The fixed rows of the ledger tables (01, 04), the 06 group totals and the 三公 items. */
export const FIXED_ROW_KEYS = [
  'total',
  'inc.gpb',
  'inc.gf',
  'inc.soe',
  'inc.superior',
  'inc.business',
  'inc.operating',
  'inc.affiliated',
  'inc.other',
  'inc.total',
  'inc.useSurplus',
  'inc.carryIn',
  'inc.carryIn.gpb',
  'inc.carryIn.gf',
  'inc.carryIn.soe',
  'inc.grand',
  'exp.total',
  'exp.surplusDistribution',
  'exp.carryOut',
  'exp.grand',
  'personnelTotal',
  'publicTotal',
  'abroad',
  'car',
  'carPurchase',
  'carRun',
  'reception',
  // 2018 department set, 01: 一、财政拨款 with 其中：政府性基金, 用事业基金弥补收支差额, the carry-over breakdown,
  // 结余分配's parts.
  'inc.fiscal',
  'inc.fiscal.gf',
  'inc.useFund',
  'inc.carryIn.basic',
  'inc.carryIn.basic.fiscal',
  'inc.carryIn.project',
  'inc.carryIn.project.fiscal',
  'inc.carryIn.operating',
  'exp.sd.tax',
  'exp.sd.welfare',
  'exp.sd.toFund',
  'exp.sd.other',
  'exp.carryOut.basic',
  'exp.carryOut.basic.fiscal',
  'exp.carryOut.project',
  'exp.carryOut.project.fiscal',
  'exp.carryOut.operating',
  // 09 部门决算相关信息统计表 (by 行次): 三公 parts and counts, 机关运行经费, 国有资产占用.
  'reception.domestic',
  'reception.foreignAffairs',
  'reception.abroad',
  'count.abroadGroups',
  'count.abroadPersons',
  'count.carsBought',
  'count.carsHeld',
  'count.receptionBatches',
  'count.foreignAffairsBatches',
  'count.receptionPersons',
  'count.foreignAffairsPersons',
  'count.abroadReceptionBatches',
  'count.abroadReceptionPersons',
  'ops.total',
  'ops.admin',
  'ops.civilServant',
  'asset.cars',
  'asset.cars.ministerial',
  'asset.cars.leaders',
  'asset.cars.confidential',
  'asset.cars.emergency',
  'asset.cars.enforcement',
  'asset.cars.special',
  'asset.cars.retired',
  'asset.cars.other',
  'asset.equipment50',
  'asset.equipment100',
  // 10 政府采购情况表
  'goods',
  'works',
  'services',
] as const;
export type FixedRowKey = (typeof FIXED_ROW_KEYS)[number];

/** A 功能分类 row of a coded table, a 类 row of a ledger table, an 经济分类 row of 06. */
export type CodeRowKey = `code:${string}`;
export type ClassRowKey = `class:${string}`;
export type EconRowKey = `econ:${string}`;
export type RowKey = FixedRowKey | CodeRowKey | ClassRowKey | EconRowKey;

export type ParsedRowKey =
  { kind: 'fixed'; key: FixedRowKey } | { kind: 'code'; code: string } | { kind: 'class'; code: string } | { kind: 'econ'; code: string };

const FIXED = new Set<string>(FIXED_ROW_KEYS);
const COLUMNS = new Set<string>(COLUMN_KEYS);

function checkCode(code: string, lengths: number[], what: string): string {
  if (!/^\d+$/.test(code) || !lengths.includes(code.length)) throw new Error(`${what} code must be ${lengths.join('/')} digits: ${code}`);
  return code;
}

/**
 * `code:2011101`: a 类 (3), 款 (5) or 项 (7) of the 功能分类. Any run of digits is accepted, since a
 * misprinted code (4 or 6 digits) is read as it stands and reported by the catalog rules.
 */
export function codeRow(code: string): CodeRowKey {
  if (!/^\d+$/.test(code)) throw new Error(`functional code must be digits: ${code}`);
  return `code:${code}`;
}

/** `class:201`: a 类 row of 01/04. */
export function classRow(code: string): ClassRowKey {
  return `class:${checkCode(code, [3], 'class')}`;
}

/** `econ:30101`: a 类 (3) or 款 (5) of the 经济分类. */
export function econRow(code: string): EconRowKey {
  return `econ:${checkCode(code, [3, 5], 'economic')}`;
}

export function isFixedRowKey(s: string): s is FixedRowKey {
  return FIXED.has(s);
}

export function isColKey(s: string): s is ColKey {
  return COLUMNS.has(s);
}

/** A column key from outside the type system (JSON, a test); throws on an unknown key. */
export function colKey(s: string): ColKey {
  if (!isColKey(s)) throw new Error(`unknown column key: ${s}`);
  return s;
}

/** A row key from outside the type system (JSON, a script's table): checked, throws on an unknown key. */
export function rowKey(s: string): RowKey {
  if (isFixedRowKey(s)) return s;
  const colon = s.indexOf(':');
  const prefix = s.slice(0, colon);
  const code = s.slice(colon + 1);
  if (prefix === 'code') return codeRow(code);
  if (prefix === 'class') return classRow(code);
  if (prefix === 'econ') return econRow(code);
  throw new Error(`unknown row key: ${s}`);
}

export function parseRowKey(key: RowKey): ParsedRowKey {
  if (isFixedRowKey(key)) return { kind: 'fixed', key };
  const colon = key.indexOf(':');
  const prefix = key.slice(0, colon);
  const code = key.slice(colon + 1);
  if (prefix === 'code' || prefix === 'class' || prefix === 'econ') return { kind: prefix, code };
  throw new Error(`unknown row key: ${key}`);
}

/** The kind of a row key: a fixed row, or a code row of the 功能分类 / 类 list / 经济分类. */
export function rowKind(key: RowKey): ParsedRowKey['kind'] {
  // Called for every row in the checks: prefixes first, no allocation.
  if (key.startsWith('code:')) return 'code';
  if (key.startsWith('class:')) return 'class';
  if (key.startsWith('econ:')) return 'econ';
  if (FIXED.has(key)) return 'fixed';
  throw new Error(`unknown row key: ${key}`);
}

/** The code of a coded, class or economic row key; undefined for a fixed row. */
export function codeOfRowKey(key: RowKey): string | undefined {
  const p = parseRowKey(key);
  return p.kind === 'fixed' ? undefined : p.code;
}
