// An invented 2018 ten-table 部门决算 workbook (docs/department-2018.md): the layout of the published 福州 2018
// department documents, with figures made up so that every identity holds. Options plant one error per
// identity family, print today's 类 names, or misname one 类 row, for the department-profile tests.
import ExcelJS from 'exceljs';
import { CLASS_LISTS } from '../../src/core/catalogs/functional';

export interface DepartmentOptions {
  /** One planted error per identity family (PLANTS). */
  plants?: boolean;
  /** The 2024 names of the four renamed 类 in 01 and 04 instead of the 2018 ones. */
  names2024?: boolean;
  /** 01's 住房保障支出 row printed under a name no catalog knows. */
  unknownRow?: boolean;
}

type Cell = string | number | null;

/** 万元 with two decimals, as printed. */
const y = (cents: number): number => Math.round(cents) / 100;

// Spending by 项 (cents of 万元): basic, project, then what pays for it: 一般公共预算, 政府性基金, 事业收入, 其他收入.
interface Item {
  code: string;
  name: string;
  basic: number;
  project: number;
  gpb: number;
  gf: number;
  business: number;
  other: number;
  /** Income attributed beyond the year's spending (carried over to next year). */
  extraGpb?: number;
}

const ITEMS: Item[] = [
  { code: '2011301', name: '行政运行', basic: 52345, project: 0, gpb: 52345, gf: 0, business: 0, other: 0 },
  { code: '2011302', name: '一般行政管理事务', basic: 0, project: 18620, gpb: 15000, gf: 0, business: 0, other: 3620, extraGpb: 1250 },
  { code: '2080501', name: '行政单位离退休', basic: 8816, project: 0, gpb: 8816, gf: 0, business: 0, other: 0 },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: 6137, project: 0, gpb: 6137, gf: 0, business: 0, other: 0 },
  { code: '2101101', name: '行政单位医疗', basic: 2548, project: 0, gpb: 2548, gf: 0, business: 0, other: 0 },
  { code: '2120801', name: '征地和拆迁补偿支出', basic: 0, project: 30000, gpb: 0, gf: 30000, business: 0, other: 0 },
  { code: '2200150', name: '事业运行', basic: 14209, project: 2000, gpb: 13000, gf: 0, business: 3209, other: 0 },
  { code: '2210201', name: '住房公积金', basic: 4011, project: 0, gpb: 4011, gf: 0, business: 0, other: 0 },
];

/** 款 and 类 names of the codes above (2018 names). */
const NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '20113': '商贸事务',
  '208': '社会保障和就业支出',
  '20805': '行政事业单位离退休',
  '210': '医疗卫生与计划生育支出',
  '21011': '行政事业单位医疗',
  '212': '城乡社区支出',
  '21208': '国有土地使用权出让收入及对应专项债务收入安排的支出',
  '220': '国土海洋气象等支出',
  '22001': '国土资源事务',
  '221': '住房保障支出',
  '22102': '住房改革支出',
};

/** The 23 类 of 01/04 as the 2018 document prints them, with today's name where it differs (the catalog's lists). */
const TODAY = new Map(CLASS_LISTS['26'].map((c) => [c.code, c.name]));
const CLASSES_2018: Array<[code: string, name2018: string, name2024: string]> = CLASS_LISTS['2018'].map((c) => [c.code, c.name, TODAY.get(c.code)!]);
const ORDINALS = CLASS_LISTS['2018'].map((c) => c.ordinal);

/** The unknown name given to 221 with `unknownRow`. */
export const UNKNOWN_CLASS_LABEL = '十九、住房保障类杂项支出';

type Totals = Record<'basic' | 'project' | 'gpb' | 'gf' | 'business' | 'other' | 'extraGpb' | 'gpbBasic' | 'gpbProject', number>;

function totalsOf(items: Item[]): Totals {
  const t: Totals = { basic: 0, project: 0, gpb: 0, gf: 0, business: 0, other: 0, extraGpb: 0, gpbBasic: 0, gpbProject: 0 };
  for (const i of items) {
    const s = split(i);
    t.basic += i.basic;
    t.project += i.project;
    t.gpb += i.gpb;
    t.gf += i.gf;
    t.business += i.business;
    t.other += i.other;
    t.extraGpb += i.extraGpb ?? 0;
    t.gpbBasic += s.basic;
    t.gpbProject += s.project;
  }
  return t;
}

/** The 一般公共预算 part of an item's spending, basic first. */
function split(i: Item): { basic: number; project: number } {
  const basic = Math.min(i.basic, i.gpb);
  return { basic, project: i.gpb - basic };
}

/** Items under a code prefix (合计: ''). */
const under = (prefix: string) => ITEMS.filter((i) => i.code.startsWith(prefix));
const levels = (): string[] => {
  const codes = new Set<string>();
  for (const i of ITEMS) codes.add(i.code.slice(0, 3)).add(i.code.slice(0, 5)).add(i.code);
  return [...codes].sort();
};
const nameOf = (code: string) => NAMES[code] ?? ITEMS.find((i) => i.code === code)!.name;

// Carry-over (cents): 01's are all funds, 04's the 财政拨款 part (all 一般公共预算 here).
const CARRY_IN = { basic: 2000, basicFiscal: 2000, project: 3000, projectFiscal: 2500 };
const CARRY_OUT = { basic: 2500, basicFiscal: 2500, project: 3750, projectFiscal: 3250 };

// 07 (basic spending by economic 款; cents). 301 and 303 are 人员经费, the rest 公用经费; 合计 = 05's 基本支出.
const ECON_BASIC: Array<[string, string, number]> = [
  ['30101', '基本工资', 30000],
  ['30102', '津贴补贴', 15502],
  ['30108', '机关事业单位基本养老保险缴费', 6137],
  ['30110', '职工基本医疗保险缴费', 2548],
  ['30113', '住房公积金', 4011],
  ['30201', '办公费', 6000],
  ['30211', '差旅费', 3543],
  ['30217', '公务接待费', 320],
  ['30231', '公务用车运行维护费', 1280],
  ['30299', '其他商品和服务支出', 6200],
  ['30302', '退休费', 8816],
  ['31002', '办公设备购置', 2500],
];
const ECON_CLASSES: Array<[string, string]> = [
  ['301', '工资福利支出'],
  ['302', '商品和服务支出'],
  ['303', '对个人和家庭的补助'],
  ['308', '资本性支出（基本建设）'],
  ['310', '资本性支出'],
  ['311', '对企业补贴（基本建设）'],
  ['312', '对企业补贴'],
  ['307', '债务利息及费用支出'],
  ['399', '其他支出'],
];
const isPersonnel = (code: string) => code.startsWith('301') || code.startsWith('303');

/** Where each planted error is, by a key the tests read back: [sheet, A1, rule, what]. */
export const PLANTS = {
  sum: { sheet: '01收支决算总表', rule: 'T1-d' },
  columns: { sheet: '10政府采购情况表', rule: 'D10-a' },
  hierarchy: { sheet: '07基本支出决算表', rule: 'T6-a' },
  classes: { sheet: '04财政拨款收支总表', rule: 'T4-b' },
  sameClasses: { sheet: '01收支决算总表', rule: 'X4' },
  same: { sheet: '06支出决算明细表', rule: 'X14' },
  partOfRow: { sheet: '09相关信息统计表', rule: 'D9-b' },
  partOfTable: { sheet: '05一般公共预算支出表', rule: 'X10' },
  statsSum: { sheet: '09相关信息统计表', rule: 'D9-a' },
} as const;
export type PlantKey = keyof typeof PLANTS;

class SheetWriter {
  row = 1;
  readonly ws: ExcelJS.Worksheet;
  constructor(
    wb: ExcelJS.Workbook,
    private readonly name: string,
    /** Where each planted error is, shared by the sheets of the workbook. */
    private readonly planted: Map<PlantKey, { sheet: string; cell: string }>,
  ) {
    this.ws = wb.addWorksheet(name);
  }
  line(values: Cell[]): number {
    values.forEach((v, i) => {
      if (v !== null && v !== '') this.ws.getCell(this.row, i + 1).value = v;
    });
    return this.row++;
  }
  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.ws.mergeCells(r1, c1, r2, c2);
  }
  plant(key: PlantKey, row: number, col: number): void {
    this.planted.set(key, { sheet: this.name, cell: this.ws.getCell(row, col).address });
  }
  head(heading: string, title: string, unitName: string, unitWord: string): void {
    this.line([heading]);
    this.line([title]);
    this.line([`编制单位：${unitName}`, null, null, unitWord]);
  }
}

const money = (cents: number): number | null => (cents === 0 ? null : y(cents));

export interface DepartmentWorkbook {
  workbook: ExcelJS.Workbook;
  /** Each planted error's cell (`Sheet!A1` parts), when `plants`. */
  planted: Map<PlantKey, { sheet: string; cell: string }>;
}

export function departmentWorkbook(options: DepartmentOptions = {}): DepartmentWorkbook {
  const wb = new ExcelJS.Workbook();
  const plants = options.plants === true;
  const planted = new Map<PlantKey, { sheet: string; cell: string }>();
  const t = totalsOf(ITEMS);
  const unit = '福州市示例管理局';
  const byClass = (code: string, f: (i: Item) => number) => under(code).reduce((s, i) => s + f(i), 0);
  const spend = (i: Item) => i.basic + i.project;
  const classLabel = (k: number): string => {
    const [code, old, now] = CLASSES_2018[k];
    if (options.unknownRow && code === '221') return UNKNOWN_CLASS_LABEL;
    return `${ORDINALS[k]}、${options.names2024 ? now : old}`;
  };
  const sheet = (name: string) => new SheetWriter(wb, name, planted);

  // ---- 01 收支决算总表
  {
    const w = sheet('01收支决算总表');
    w.head('一、收入支出决算总表', '收支决算总表', unit, '单位：万元');
    const top = w.line(['收入', null, '支出']);
    w.merge(top, 1, top, 2);
    w.merge(top, 3, top, 4);
    w.line(['项目', '决算数', '项目(按支出功能分类)', '决算数']);
    const incomeTotal = t.gpb + t.gf + t.extraGpb + t.business + t.other;
    const spendTotal = t.basic + t.project;
    const carryIn = CARRY_IN.basic + CARRY_IN.project;
    const carryOut = CARRY_OUT.basic + CARRY_OUT.project;
    const left: Array<[string, number | null]> = [
      ['一、财政拨款', t.gpb + t.gf + t.extraGpb],
      ['其中：政府性基金', t.gf],
      ['二、上级补助收入', null],
      ['三、事业收入', t.business],
      ['四、经营收入', null],
      ['五、附属单位缴款', null],
      ['六、其他收入', t.other],
    ];
    for (let k = 0; k < CLASSES_2018.length; k++) {
      const [l, v] = left[k] ?? [null, null];
      const r = w.line([l, v === null ? null : money(v), classLabel(k), money(byClass(CLASSES_2018[k][0], spend)) ?? null]);
      if (plants && CLASSES_2018[k][0] === '220') {
        // X4: 01's 类 row 0.05 above 03's.
        w.ws.getCell(r, 4).value = y(byClass('220', spend) + 5);
        w.plant('sameClasses', r, 4);
      }
    }
    const lower: Array<[string | null, number | null, string, number | null]> = [
      ['本年收入合计', incomeTotal, '本年支出合计', spendTotal],
      ['用事业基金弥补收支差额', null, '结余分配', null],
      [null, null, '交纳所得税', null],
      [null, null, '提取职工福利基金', null],
      [null, null, '转入事业基金', null],
      [null, null, '其他', null],
      ['年初结转和结余', carryIn, '年末结转和结余', carryOut],
      ['基本支出结转', CARRY_IN.basic, '基本支出结转', CARRY_OUT.basic],
      ['其中：财政拨款结转', CARRY_IN.basicFiscal, '其中：财政拨款结转', CARRY_OUT.basicFiscal],
      ['项目支出结转和结余', CARRY_IN.project, '项目支出结转和结余', CARRY_OUT.project],
      ['其中：财政拨款结转和结余', CARRY_IN.projectFiscal, '其中：财政拨款结转和结余', CARRY_OUT.projectFiscal],
      ['经营结余', null, '经营结余', null],
      ['合计', incomeTotal + carryIn, '合计', spendTotal + carryOut],
    ];
    for (const [l, a, r, b] of lower) {
      const row = w.line([l, a === null ? null : money(a), r, b === null ? null : money(b)]);
      if (plants && r === '交纳所得税') {
        // T1-d: a part of 结余分配 printed while 结余分配 is blank.
        w.ws.getCell(row, 4).value = 0.3;
        w.plant('sum', row - 1, 4);
      }
    }
  }

  // ---- 02 收入决算表 / 03 支出决算表 / 05 一般公共预算财政拨款支出决算表 / 08 政府性基金 (coded, 合计 on top)
  const coded = (
    name: string,
    heading: string,
    title: string,
    unitWord: string,
    headers: Cell[][],
    codeHeader: string,
    value: (items: Item[]) => Array<number | null>,
    include: (i: Item) => boolean,
    columnNumbers?: Cell[],
    plant?: (code: string, row: number, w: SheetWriter) => void,
  ) => {
    const w = sheet(name);
    w.head(heading, title, name.startsWith('02') ? unit : '', unitWord);
    const first = w.row;
    for (const h of headers) w.line(h);
    w.merge(first, 1, first, 2);
    w.line([codeHeader, '科目名称']);
    if (columnNumbers) w.line(columnNumbers);
    const items = ITEMS.filter(include);
    w.line(['合计', null, ...value(items).map((v) => (v === null ? null : money(v)))]);
    for (const code of levels()) {
      const inside = items.filter((i) => i.code.startsWith(code));
      if (inside.length === 0) continue;
      const r = w.line([code, nameOf(code), ...value(inside).map((v) => (v === null ? null : money(v)))]);
      plant?.(code, r, w);
    }
  };
  const sum = (items: Item[], f: (i: Item) => number) => items.reduce((s, i) => s + f(i), 0);
  coded(
    '02收入决算表',
    '二、收入决算表',
    '收入决算表',
    '金额单位：万元',
    [['项目', null, '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']],
    '支出功能分类科目编码',
    (xs) => [
      sum(xs, (i) => i.gpb + i.gf + (i.extraGpb ?? 0) + i.business + i.other),
      sum(xs, (i) => i.gpb + i.gf + (i.extraGpb ?? 0)),
      null,
      sum(xs, (i) => i.business),
      null,
      null,
      sum(xs, (i) => i.other),
    ],
    () => true,
  );
  coded(
    '03支出决算表',
    '三、支出决算表',
    '支出决算表',
    '金额单位：万元',
    [['项目', null, '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']],
    '支出功能分类科目编码',
    (xs) => [sum(xs, spend), sum(xs, (i) => i.basic), sum(xs, (i) => i.project), null, null, null],
    () => true,
  );
  coded(
    '05一般公共预算支出表',
    '五、一般公共预算财政拨款支出决算表',
    '一般公共财政拨款支出决算表',
    '单位：万元',
    [
      ['项 目', null, '本年支出'],
      [null, null, '小计', '基本支出', '项目支出'],
    ],
    '功能分类科目编码',
    (xs) => [sum(xs, (i) => i.gpb), sum(xs, (i) => split(i).basic), sum(xs, (i) => split(i).project)],
    (i) => i.gpb > 0,
    undefined,
    (code, r, w) => {
      if (plants && code === '2101101') {
        // X10: 05's 基本支出 above 03's on the same row.
        w.ws.getCell(r, 4).value = y(2548 + 50);
        w.ws.getCell(r, 3).value = y(2548 + 50);
        w.plant('partOfTable', r, 4);
      }
    },
  );

  // ---- 04 财政拨款收入支出决算总表
  {
    const w = sheet('04财政拨款收支总表');
    w.head('四、财政拨款收入支出决算总表', '财政拨款收入支出决算总表', '', '金额单位：万元');
    const top = w.line(['收 入', null, '支 出']);
    w.merge(top, 1, top, 2);
    w.merge(top, 3, top, 6);
    w.line(['项 目', '金额', '项目（按功能分类）', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款']);
    const gpbIn = t.gpb + t.extraGpb;
    const carryIn = CARRY_IN.basicFiscal + CARRY_IN.projectFiscal;
    const carryOut = CARRY_OUT.basicFiscal + CARRY_OUT.projectFiscal;
    const left: Array<[string, number]> = [
      ['一、一般公共预算财政拨款', gpbIn],
      ['二、政府性基金预算财政拨款', t.gf],
    ];
    for (let k = 0; k < CLASSES_2018.length; k++) {
      const code = CLASSES_2018[k][0];
      const g = byClass(code, (i) => i.gpb);
      const f = byClass(code, (i) => i.gf);
      const [l, v] = left[k] ?? [null, null];
      w.line([l, v === null ? null : money(v), classLabel(k).replace(UNKNOWN_CLASS_LABEL, '十九、住房保障支出'), money(g + f), money(g), money(f)]);
    }
    const gfOut = plants ? t.gf + 100 : t.gf;
    const r = w.line(['本年收入合计', money(gpbIn + t.gf), '本年支出合计', money(t.gpb + t.gf), money(t.gpb), money(gfOut)]);
    if (plants) w.plant('classes', r, 6); // T4-b: 政府性基金 column's 本年支出合计 ≠ Σ 类
    w.line(['年初财政拨款结转和结余', money(carryIn), '年末财政拨款结转和结余', money(carryOut), money(carryOut), null]);
    w.line(['一、一般公共预算财政拨款', money(carryIn), '基本支出结转', money(CARRY_OUT.basicFiscal), money(CARRY_OUT.basicFiscal), null]);
    w.line(['二、政府性基金预算财政拨款', null, '项目支出结转和结余', money(CARRY_OUT.projectFiscal), money(CARRY_OUT.projectFiscal), null]);
    w.line(['总计', money(gpbIn + t.gf + carryIn), '总计', money(t.gpb + t.gf + carryOut), money(t.gpb + carryOut), money(gfOut)]);
  }

  // ---- 06 一般公共预算财政拨款支出决算明细表 (by 经济分类 类: basic + project)
  const econClassBasic = (cls: string) => ECON_BASIC.filter(([c]) => c.startsWith(cls)).reduce((s, [, , v]) => s + v, 0);
  {
    const w = sheet('06支出决算明细表');
    w.head('六、一般公共预算财政拨款支出决算明细表', '一般公共预算财政拨款支出决算明细表', '', '单位：万元');
    const top = w.line(['项 目', null, '合 计']);
    w.merge(top, 1, top, 2);
    w.line(['经济分类科目编码', '科目名称']);
    // 06 明细表 adds 05's 项目支出 (all 商品和服务 here) to the basic spending by class.
    const detail = (cls: string) => econClassBasic(cls) + (cls === '302' ? t.gpbProject : 0);
    const total = ECON_CLASSES.reduce((s, [c]) => s + detail(c), 0);
    const r = w.line(['合 计', null, money(plants ? total + 100 : total)]);
    if (plants) w.plant('same', r, 3); // X14: 06's 合计 ≠ 05's 合计 (its 302 raised alike, so 06 adds up)
    for (const [c, n] of ECON_CLASSES) w.line([c, n, money(plants && c === '302' ? detail(c) + 100 : detail(c))]);
  }

  // ---- 07 一般公共预算财政拨款基本支出决算表 (one block: 合计 / 人员经费 / 公用经费)
  {
    const w = sheet('07基本支出决算表');
    w.head('七、一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算表', '', '金额单位：万元');
    const top = w.line(['项 目', null, '合计', '人员经费', '公用经费']);
    w.merge(top, 1, top, 2);
    w.line(['经济分类科目编码', '科目名称']);
    const all = ECON_BASIC.reduce((s, [, , v]) => s + v, 0);
    const personnel = ECON_BASIC.filter(([c]) => isPersonnel(c)).reduce((s, [, , v]) => s + v, 0);
    w.line(['合 计', null, money(all), money(personnel), money(all - personnel)]);
    const put = (code: string, name: string, v: number) => {
      const p = isPersonnel(code);
      return w.line([code, name, money(v), p ? money(v) : null, p ? null : money(v)]);
    };
    for (const [cls, name] of ECON_CLASSES) {
      // 07 prints 312 as 对企业补助 where 06 prints 对企业补贴 (both as in the 2018 document).
      const classRow = put(cls, cls === '312' ? '对企业补助' : name, econClassBasic(cls));
      // T6-a: 30201 raised by 1.00, so 302 no longer equals the sum of its 款 (reported at the 类 row).
      if (plants && cls === '302') w.plant('hierarchy', classRow, 3);
      for (const [c, n, v] of ECON_BASIC.filter(([c]) => c.startsWith(cls))) put(c, n, plants && c === '30201' ? v + 100 : v);
    }
  }

  // ---- 08 政府性基金预算财政拨款收入支出决算表 (栏次 1 4 7 8 11 12)
  coded(
    '08政府性基金表',
    '八、政府性基金预算财政拨款收入支出决算表',
    '政府性基金预算财政拨款收入支出决算表',
    '单位：万元',
    [
      ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
      [null, null, null, null, '小计', '基本支出', '项目支出'],
    ],
    '支出功能分类科目编码',
    (xs) => [0, sum(xs, (i) => i.gf), sum(xs, (i) => i.gf), 0, sum(xs, (i) => i.gf), 0],
    (i) => i.gf > 0,
    ['栏次', null, 1, 4, 7, 8, 11, 12],
  );

  // ---- 09 部门决算相关信息统计表 (two halves with 行次)
  {
    const w = sheet('09相关信息统计表');
    w.head('九、部门决算相关信息统计表', '部门决算相关信息统计表', '', '金额单位：万元');
    w.line(['项 目', '行次', '统计数', '项 目', '行次', '统计数']);
    w.line(['栏 次', null, '1', '栏 次', null, '2']);
    const carRun = 1280;
    const reception = 320;
    const left: Array<[string, Cell]> = [
      ['一、“三公”经费支出', '—'],
      ['（一）支出合计', y(carRun + reception)],
      ['1．因公出国（境）费', null],
      ['2．公务用车购置及运行维护费', y(carRun)],
      ['（1）公务用车购置费', null],
      ['（2）公务用车运行维护费', y(carRun)],
      ['3．公务接待费', y(reception)],
      ['（1）国内接待费', y(reception)],
      ['其中：外事接待费', plants ? 5 : null],
      ['（2）国（境）外接待费', null],
      ['（二）相关统计数', '—'],
      ['1．因公出国（境）团组数（个）', null],
      ['2．因公出国（境）人次数（人）', null],
      ['3．公务用车购置数（辆）', null],
      ['4．公务用车保有量（辆）', 2],
      ['5．国内公务接待批次（个）', 15],
      ['其中：外事接待批次（个）', null],
      ['6．国内公务接待人次（人）', 120],
      ['其中：外事接待人次（人）', null],
      ['7．国（境）外公务接待批次（个）', null],
      ['8．国（境）外公务接待人次（人）', null],
    ];
    const opsTotal = ECON_BASIC.filter(([c]) => !isPersonnel(c)).reduce((s, [, , v]) => s + v, 0);
    const right: Array<[string | null, Cell]> = [
      ['二、机关运行经费', y(opsTotal)],
      ['（一）行政单位', y(opsTotal)],
      ['（二）参照公务员法管理事业单位', null],
      [null, null],
      ['三、国有资产占用情况', '—'],
      ['（一）车辆数合计（辆）', plants ? 3 : 2],
      ['1.副部（省）级及以上领导用车', null],
      ['2.主要领导干部用车', null],
      ['3.机要通信用车', null],
      ['4.应急保障用车', null],
      ['5.执法执勤用车', 2],
      ['6.特种专业技术用车', null],
      ['7.离退休干部用车', null],
      ['8.其他用车', null],
      ['（二）单价50万元以上通用设备（台，套）', null],
      ['（三）单价100万元以上专用设备（台，套）', null],
    ];
    for (let k = 0; k < 21; k++) {
      const [l, a] = left[k];
      const [rl, b] = right[k] ?? [null, null];
      const r = w.line([l, k + 1, a, rl, k + 22, b]);
      if (plants && l === '其中：外事接待费') w.plant('partOfRow', r, 3);
      if (plants && rl === '（一）车辆数合计（辆）') w.plant('statsSum', r, 6);
    }
  }

  // ---- 10 政府采购情况表
  {
    const w = sheet('10政府采购情况表');
    w.head('十、政府采购情况表', '政府采购情况表', '', '单位：万元');
    const r1 = w.line(['项目', '采购计划金额', null, null, null, null, null, '实际采购金额']);
    w.merge(r1, 2, r1, 7);
    w.merge(r1, 8, r1, 13);
    const r2 = w.line([null, '总计', '采购预算(财政性资金)', null, null, null, '非财政性资金', '总计', '采购预算(财政性资金)', null, null, null, '非财政性资金']);
    w.merge(r2, 3, r2, 6);
    w.merge(r2, 9, r2, 12);
    w.line([null, null, '合计', '一般公共预算', '政府性基金预算', '其他资金', null, null, '合计', '一般公共预算', '政府性基金预算', '其他资金']);
    w.merge(r1, 1, r1 + 2, 1);
    const side = (gpb: number): Cell[] => [money(gpb), money(gpb), money(gpb), null, null, null];
    const plan = { goods: 4000, works: 0, services: 2000 };
    const actual = { goods: 2500, works: 0, services: 1850 };
    w.line(['合计', ...side(6000), ...side(4350)]);
    for (const k of ['goods', 'works', 'services'] as const) {
      const label = { goods: '货物', works: '工程', services: '服务' }[k];
      const r = w.line([label, ...side(plan[k]), ...side(actual[k])]);
      if (plants && k === 'goods') {
        // D10-a: 实际采购 财政性资金合计 ≠ 一般公共预算 + 政府性基金预算 + 其他资金.
        w.ws.getCell(r, 9).value = 26;
        w.ws.getCell(r, 8).value = 26;
        w.plant('columns', r, 9);
      }
    }
  }
  return { workbook: wb, planted };
}
