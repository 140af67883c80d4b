// The subject vocabulary: the words a 情况说明 names a figure by, and the table cell each one means.
// A figure's subject is the last subject named before it in its sentence (after the previous figure).
import type { CellRef } from '../cells';
import type { ColKey, RowKey } from '../keys';
import type { FinalAccounts, TableId } from '../model';
import type { MoneyUnit } from '../money';
import type { SectionTopic } from './model';

/** What a subject means in the tables. */
export type Resolution =
  /** A table cell (or cells) holds the figure. */
  | { kind: 'cell'; minor: number; cells: CellRef[]; unit: MoneyUnit; table: TableId }
  /** The tables have no such row or column: the figure must be 0 (e.g. a 项 the unit did not spend on). */
  | { kind: 'absent'; reason: string }
  /** The tables do not carry it (政府采购, 人员支出 of all funds, counts …): checked only against the text. */
  | { kind: 'untabled'; reason: string };

export interface SubjectMatch {
  id: string;
  /** The subject as the finding names it, e.g. `2011301-行政运行` or `本年收入`. */
  label: string;
  start: number;
  end: number;
  resolve(accounts: FinalAccounts, topic: SectionTopic): Resolution;
}

function cell(accounts: FinalAccounts, table: TableId, row: RowKey, col: ColKey, what: string): Resolution {
  const t = accounts.tables[table];
  if (!t) return { kind: 'untabled', reason: `工作簿中没有公开${table}表，无法核对${what}` };
  const r = t.rows.find((x) => x.key === row);
  const c = r?.cells[col];
  if (!r) return { kind: 'absent', reason: `公开${table}表没有“${what}”这一行` };
  if (!c) return { kind: 'absent', reason: `公开${table}表没有“${what}”这一栏` };
  if (c.invalid) return { kind: 'untabled', reason: `公开${table}表中“${what}”的单元格无法读成金额` };
  return { kind: 'cell', minor: c.minor, cells: c.ref ? [c.ref] : [], unit: t.unit, table };
}

const untabled = (reason: string) => (): Resolution => ({ kind: 'untabled', reason });

/** The fiscal (财政拨款) sections speak of 04/05; the overall section of 01/03. */
const isFiscal = (topic: SectionTopic) => topic === 'fiscal';
const isGeneralBudget = (topic: SectionTopic) => topic === 'generalBudget' || topic === 'basic';

interface SubjectDef {
  id: string;
  label: string;
  re: RegExp;
  resolve(accounts: FinalAccounts, topic: SectionTopic, m: RegExpExecArray): Resolution;
  /** A label that depends on the words matched (codes). */
  labelOf?(m: RegExpExecArray): string;
}

const INCOME_SOURCES: Array<[string, RowKey]> = [
  ['一般公共预算财政拨款收入', 'inc.gpb'],
  ['政府性基金预算财政拨款收入', 'inc.gf'],
  ['国有资本经营预算财政拨款收入', 'inc.soe'],
  ['上级补助收入', 'inc.superior'],
  ['事业收入', 'inc.business'],
  ['经营收入', 'inc.operating'],
  ['附属单位上缴收入', 'inc.affiliated'],
  ['其他收入', 'inc.other'],
];

const SPEND_KINDS: Array<[string, string, ColKey]> = [
  ['基本支出', '基本支出', 'basic'],
  ['项目支出', '项目支出', 'project'],
  ['上缴上级支出', '上缴上级支出', 'remit'],
  ['经营支出', '经营支出', 'operating'],
  ['对附属单位补助支出', '对附属单位补助支出', 'affiliated'],
];

const THREE_PUBLIC: Array<[RegExp, string, RowKey]> = [
  [/[“”"]?三公[“”"]?经费(支出)?/g, '“三公”经费', 'total'],
  [/因公出国\(境\)费(用)?(支出)?/g, '因公出国（境）费', 'abroad'],
  [/公务用车购置及运行(维护)?费(支出)?/g, '公务用车购置及运行维护费', 'car'],
  [/公务用车购置费(支出)?/g, '公务用车购置费', 'carPurchase'],
  [/公务用车运行(维护)?费(支出)?/g, '公务用车运行维护费', 'carRun'],
  [/公务接待费(支出)?/g, '公务接待费', 'reception'],
];

function codeRowResolution(accounts: FinalAccounts, topic: SectionTopic, code: string, label: string): Resolution {
  // A 类/项 of the 一般公共预算 section is 05's; of the whole unit, 03's (then 05's).
  const order: TableId[] = topic === 'overall' ? ['03', '05'] : ['05', '03'];
  for (const id of order) {
    const t = accounts.tables[id];
    const row = t?.rows.find((r) => r.code === code);
    if (t && row) return cell(accounts, id, row.key, 'total', label);
  }
  if (!order.some((id) => accounts.tables[id])) return { kind: 'untabled', reason: '工作簿中没有公开03表和05表' };
  return { kind: 'absent', reason: `公开${order[0]}表中没有科目 ${code}` };
}

const SUBJECTS: SubjectDef[] = [
  {
    id: 'grandIncome',
    label: '收入总计',
    re: /收入总计/g,
    resolve: (a, t) => (isFiscal(t) ? cell(a, '04', 'inc.grand', 'amount', '收入总计') : cell(a, '01', 'inc.grand', 'amount', '收入总计')),
  },
  {
    id: 'grandSpending',
    label: '支出总计',
    re: /支出总计/g,
    resolve: (a, t) => (isFiscal(t) ? cell(a, '04', 'exp.grand', 'total', '支出总计') : cell(a, '01', 'exp.grand', 'amount', '支出总计')),
  },
  {
    id: 'income',
    label: '本年收入',
    re: /(本年|年度?)收入(合计)?/g,
    resolve: (a, t) => (isFiscal(t) ? cell(a, '04', 'inc.total', 'amount', '本年收入合计') : cell(a, '01', 'inc.total', 'amount', '本年收入合计')),
  },
  {
    id: 'spending',
    label: '本年支出',
    re: /(本年|年度?)支出(合计)?/g,
    // 本年支出合计 is the table line (01, or 04 under 财政拨款); a bare 2024年支出 in a 一般公共预算 section is 05's.
    resolve: (a, t, m) =>
      isFiscal(t)
        ? cell(a, '04', 'exp.total', 'total', '本年支出合计')
        : isGeneralBudget(t) && m[1] !== '本年' && !m[2]
          ? cell(a, '05', 'total', 'total', '合计')
          : cell(a, '01', 'exp.total', 'amount', '本年支出合计'),
  },
  ...INCOME_SOURCES.map(([name, row]): SubjectDef => ({
    id: `income:${name}`,
    label: name,
    re: new RegExp(name, 'g'),
    resolve: (a, t) => (isFiscal(t) && row.startsWith('inc.g') ? cell(a, '04', row, 'amount', name) : cell(a, '01', row, 'amount', name)),
  })),
  ...SPEND_KINDS.map(([word, name, col]): SubjectDef => ({
    id: `spend:${col}`,
    label: name,
    re: new RegExp(word, 'g'),
    resolve: (a, t) =>
      (col === 'basic' || col === 'project') && isGeneralBudget(t) ? cell(a, '05', 'total', col, name) : cell(a, '03', 'total', col, name),
  })),
  {
    id: 'gpbSpending',
    label: '一般公共预算财政拨款支出',
    re: /一般公共预算(财政)?拨款支出|一般公共预算支出/g,
    resolve: (a) => cell(a, '05', 'total', 'total', '一般公共预算财政拨款支出合计'),
  },
  {
    id: 'gpbBasic',
    label: '一般公共预算财政拨款基本支出',
    re: /一般公共预算(财政)?拨款基本支出/g,
    resolve: (a) => cell(a, '05', 'total', 'basic', '一般公共预算财政拨款基本支出'),
  },
  {
    id: 'fiscalGrandIncome',
    label: '财政拨款收入总计',
    re: /财政拨款收入总计/g,
    resolve: (a) => cell(a, '04', 'inc.grand', 'amount', '财政拨款收入总计'),
  },
  {
    id: 'govFundSpending',
    label: '政府性基金预算财政拨款支出',
    re: /政府性基金(预算)?(财政拨款)?支出/g,
    resolve: (a) => cell(a, '08', 'total', 'total', '政府性基金预算财政拨款支出'),
  },
  {
    id: 'stateCapitalSpending',
    label: '国有资本经营预算财政拨款支出',
    re: /国有资本经营预算(财政拨款)?支出/g,
    resolve: (a) => cell(a, '09', 'total', 'total', '国有资本经营预算财政拨款支出'),
  },
  { id: 'personnel', label: '人员经费', re: /人员经费/g, resolve: (a) => cell(a, '06', 'personnelTotal', 'amount', '人员经费合计') },
  { id: 'public', label: '公用经费', re: /公用经费/g, resolve: (a) => cell(a, '06', 'publicTotal', 'amount', '公用经费合计') },
  { id: 'running', label: '机关运行经费', re: /机关运行经费/g, resolve: (a) => cell(a, '06', 'publicTotal', 'amount', '公用经费合计') },
  {
    id: 'carryOut',
    label: '年末结转和结余',
    re: /年末(财政拨款)?结转和结余/g,
    resolve: (a, t) =>
      isFiscal(t) ? cell(a, '04', 'exp.carryOut', 'total', '年末结转和结余') : cell(a, '01', 'exp.carryOut', 'amount', '年末结转和结余'),
  },
  {
    id: 'carryIn',
    label: '年初结转和结余',
    re: /年初(财政拨款)?结转和结余/g,
    resolve: (a, t) =>
      isFiscal(t) ? cell(a, '04', 'inc.carryIn', 'amount', '年初结转和结余') : cell(a, '01', 'inc.carryIn', 'amount', '年初结转和结余'),
  },
  ...THREE_PUBLIC.map(([re, name, row]): SubjectDef => ({ id: `3p:${row}`, label: name, re, resolve: (a) => cell(a, '07', row, 'final', name) })),
  {
    id: 'code',
    label: '科目',
    re: /(?<![\d.])(\d{7}|\d{5}|\d{3})\s*[-—–]\s*([\u4e00-\u9fa5()"“”]+?)(?=\s*(?:\d|[,，。；]|$))/g,
    labelOf: (m) => `${m[1]}-${m[2]}`,
    resolve: (a, t, m) => codeRowResolution(a, t, m[1], `${m[1]}-${m[2]}`),
  },
  // Not in the nine tables: the text's own figures, checked against each other (parts, shares).
  { id: 'personnelAll', label: '人员支出', re: /人员支出/g, resolve: untabled('公开表不分全部资金的人员支出') },
  { id: 'publicAll', label: '公用支出', re: /公用支出/g, resolve: untabled('公开表不分全部资金的公用支出') },
  { id: 'proc:total', label: '政府采购支出总额', re: /政府采购支出总额/g, resolve: untabled('公开表中没有政府采购数') },
  { id: 'proc:goods', label: '政府采购货物支出', re: /政府采购货物支出|货物支出金额/g, resolve: untabled('公开表中没有政府采购数') },
  { id: 'proc:works', label: '政府采购工程支出', re: /政府采购工程支出|工程支出金额/g, resolve: untabled('公开表中没有政府采购数') },
  { id: 'proc:services', label: '政府采购服务支出', re: /政府采购服务支出|服务支出金额/g, resolve: untabled('公开表中没有政府采购数') },
  { id: 'proc:sme', label: '授予中小企业合同金额', re: /授予中小企业合同金额/g, resolve: untabled('公开表中没有政府采购数') },
  { id: 'proc:small', label: '授予小微企业合同金额', re: /授予小微企业合同金额/g, resolve: untabled('公开表中没有政府采购数') },
  {
    id: 'perfFunds',
    label: '绩效自评涉及的财政拨款资金',
    re: /(涉及)?财政拨款资金(共计)?/g,
    resolve: untabled('公开表中没有绩效自评的资金数'),
  },
];

/**
 * The 类/款/项 names of the tables (05, then 03), for a subject named without its code. A name that stands for
 * several rows with different amounts (行政运行 under 20111 and 20113) cannot be tied: the text must give the code.
 */
export interface NameIndex {
  names: Map<string, Array<{ code: string; label: string }>>;
  /** Longest first, so 其他资源勘探工业信息等支出 is tried before 其他支出. */
  ordered: string[];
  /** Names whose rows all hold the same 合计 (其他支出 229 = 22999 = 2299999). */
  sameAmount: Set<string>;
}

export function nameIndex(accounts: FinalAccounts): NameIndex {
  const names = new Map<string, Array<{ code: string; label: string }>>();
  for (const id of ['05', '03'] as TableId[]) {
    for (const r of accounts.tables[id]?.rows ?? []) {
      if (!r.code) continue;
      const name = r.label.replace(/\s/g, '');
      if (name.length < 3) continue;
      const list = names.get(name) ?? [];
      if (!list.some((x) => x.code === r.code)) list.push({ code: r.code, label: `${r.code}-${name}` });
      names.set(name, list);
    }
  }
  const sameAmount = new Set<string>();
  for (const [name, rows] of names) {
    const amounts = new Set(
      rows.map((r) => codeRowResolution(accounts, 'generalBudget', r.code, r.label)).map((r) => (r.kind === 'cell' ? r.minor : NaN)),
    );
    if (amounts.size === 1 && !amounts.has(NaN)) sameAmount.add(name);
    rows.sort((x, y) => x.code.length - y.code.length);
  }
  return { names, ordered: [...names.keys()].sort((a, b) => b.length - a.length), sameAmount };
}

function nameDef(index: NameIndex, name: string): SubjectDef {
  const rows = index.names.get(name)!;
  // Rows of one name with one amount (a 类 with its single 款 and 项) are one subject: named by the 类.
  const label = rows.length === 1 || index.sameAmount.has(name) ? rows[0].label : name;
  return {
    id: `name:${name}`,
    label,
    re: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'),
    resolve: (a, t) => {
      const resolved = rows.map((r) => codeRowResolution(a, t, r.code, r.label));
      const amounts = new Set(resolved.map((r) => (r.kind === 'cell' ? r.minor : NaN)));
      if (resolved[0].kind === 'cell' && amounts.size === 1) return resolved[0];
      return { kind: 'untabled', reason: `“${name}”对应多个科目（${rows.map((r) => r.code).join('、')}），金额不同，请写明科目编码` };
    },
  };
}

/**
 * The subject named last in `text` between `from` and `to` (the words before a figure, after the previous
 * one); on a tie of end, the longest (一般公共预算财政拨款收入 over 收入). With `names`, the tables' 类/款/项
 * names count too.
 */
export function subjectBefore(text: string, from: number, to: number, names?: NameIndex): SubjectMatch | null {
  const window = text.slice(from, to);
  let best: { def: SubjectDef; m: RegExpExecArray } | null = null;
  const defs = names ? [...SUBJECTS, ...names.ordered.filter((n) => window.includes(n)).map((n) => nameDef(names, n))] : SUBJECTS;
  for (const def of defs) {
    def.re.lastIndex = 0;
    for (let m = def.re.exec(window); m; m = def.re.exec(window)) {
      const end = m.index + m[0].length;
      const bestEnd = best ? best.m.index + best.m[0].length : -1;
      if (!best || end > bestEnd || (end === bestEnd && m[0].length > best.m[0].length)) best = { def, m };
      if (m[0].length === 0) def.re.lastIndex += 1;
    }
  }
  if (!best) return null;
  const { def, m } = best;
  return {
    id: def.labelOf ? `code:${m[1]}` : def.id,
    label: def.labelOf ? def.labelOf(m) : def.label,
    start: from + m.index,
    end: from + m.index + m[0].length,
    resolve: (accounts, topic) => def.resolve(accounts, topic, m),
  };
}
