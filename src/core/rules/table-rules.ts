// Identities inside one table (formats-rules-and-scoring.md §3.2, T1–T9).
import { economicGroup } from '../catalogs/economic';
import type { TableData, TableRow } from '../model';
import { classifyDifference } from '../findings';
import { classRows, columnsOf, hasColumn, NAMED_ADDENDS_MAX, type Rule, type RuleContext, type Term } from './engine';
import { columnLabel, fixedRowLabel, rowName, withoutOrdinal } from './labels';

function term(ctx: RuleContext, t: TableData, rowKey: string, col: string, sign?: 1 | -1): Term {
  return { cell: ctx.cell(t, rowKey, col), label: `“${fixedRowLabel(ctx.profile, t, rowKey)}”`, sign };
}

/** Row identity: total column = Σ other columns, on every row that has them. */
function rowIdentity(ctx: RuleContext, t: TableData, total: string, parts: Array<[string, 1 | -1]>): void {
  const keys = parts.map(([k]) => k);
  const signs = parts.map(([, sign]) => sign);
  for (const row of t.rows) {
    const cells = row.cells;
    const head = cells[total];
    if (head === undefined) continue;
    // The hot path: every row, no allocation; terms and texts only for a row that fails.
    let expected = 0;
    let nonZero = 0;
    let skip = head.invalid === true;
    for (let i = 0; i < keys.length && !skip; i++) {
      const c = cells[keys[i]];
      if (c === undefined || c.invalid) skip = true;
      else if (c.minor !== 0) {
        expected += signs[i] * c.minor;
        nonZero++;
      }
    }
    if (skip || classifyDifference(head.minor - expected, nonZero, t.unit) === 'none') continue;
    const label = (k: string) => `“${columnLabel(ctx.profile, t, k)}”`;
    ctx.sum(
      t,
      () => `${ctx.name(t)}“${rowName(row)}”行`,
      { cell: head, label: label(total) },
      parts.map(([k, sign]) => ({ cell: cells[k], label: label(k), sign })),
    );
  }
}

/** 合计 = Σ 类; 类 = Σ its 款; 款 = Σ its 项 — per column, where the lower level is printed. */
export function hierarchy(ctx: RuleContext, t: TableData): void {
  const coded: TableRow[] = [];
  let total: TableRow | undefined;
  for (const r of t.rows) {
    if (r.code) coded.push(r);
    else if (r.key === 'total' && !total) total = r;
  }
  const columns = columnsOf(t);
  // Children by parent code, built in one pass (no scan per parent).
  const kidsOf = new Map<string, TableRow[]>();
  for (const r of coded) {
    const code = r.code!;
    const parent = code.length === 3 ? '' : code.length === 5 || code.length === 7 ? code.slice(0, code.length - 2) : null;
    if (parent === null) continue;
    const list = kidsOf.get(parent);
    if (list) list.push(r);
    else kidsOf.set(parent, [r]);
  }
  const check = (parent: TableRow, kids: TableRow[] | undefined) => {
    if (!kids || kids.length === 0) return;
    for (const col of columns) {
      const head = parent.cells[col];
      if (head === undefined) continue;
      let expected = 0;
      let nonZero = 0;
      let skip = head.invalid === true;
      for (let i = 0; i < kids.length && !skip; i++) {
        const c = kids[i].cells[col];
        if (c === undefined || c.invalid) skip = true;
        else if (c.minor !== 0) {
          expected += c.minor;
          nonZero++;
        }
      }
      if (skip || classifyDifference(head.minor - expected, nonZero, t.unit) === 'none') continue;
      ctx.sum(
        t,
        () => `${ctx.name(t)}“${rowName(parent)}”行“${columnLabel(ctx.profile, t, col)}”`,
        { cell: head, label: `“${rowName(parent)}”` },
        // Labels only where the message names the addends (a 款 with 40 项 is worded without them).
        kids.map((k) => ({ cell: k.cells[col], label: kids.length <= NAMED_ADDENDS_MAX ? `“${k.code}”` : '' })),
      );
    }
  };
  if (total) check(total, kidsOf.get(''));
  for (const r of coded) if (r.code!.length === 3 || r.code!.length === 5) check(r, kidsOf.get(r.code!));
}

/** A fixed row, or a fixed row with the name to use for it in messages (收入“总计” vs 支出“总计”). */
type FixedRow = string | [key: string, label: string];

/** A rule over fixed rows of one ledger table, column `amount`: total = Σ addends. Data plus the one helper. */
function fixedRowSum(id: string, title: string, topic: 'summary' | 'fiscalSummary', total: FixedRow, addends: FixedRow[]): Rule {
  const termOf = (ctx: RuleContext, t: TableData, r: FixedRow): Term =>
    typeof r === 'string' ? term(ctx, t, r, 'amount') : { ...term(ctx, t, r[0], 'amount'), label: r[1] };
  return {
    id,
    severity: 'error',
    title,
    run(ctx) {
      const t = ctx.table(topic);
      if (t) ctx.sum(t, ctx.name(t), termOf(ctx, t, total), addends.map((r) => termOf(ctx, t, r)));
    },
  };
}

const INCOME_GRAND: FixedRow = ['inc.grand', '收入“总计”'];
const EXPENDITURE_GRAND: FixedRow = ['exp.grand', '支出“总计”'];

const summary: Rule[] = [
  fixedRowSum('T1-a', '公开01表 本年收入合计 = 各项收入之和', 'summary', 'inc.total', [
    'inc.gpb', 'inc.gf', 'inc.soe', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other',
  ]),
  {
    id: 'T1-b',
    severity: 'error',
    title: '公开01表 本年支出合计 = 各类支出之和',
    run(ctx) {
      const t = ctx.table('summary');
      if (!t) return;
      ctx.sum(
        t,
        ctx.name(t),
        term(ctx, t, 'exp.total', 'amount'),
        classRows(t).map((r) => ({ cell: r.cells.amount, label: `“${withoutOrdinal(r.label)}”` })),
      );
    },
  },
  fixedRowSum('T1-c', '公开01表 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', 'summary', INCOME_GRAND, ['inc.total', 'inc.useSurplus', 'inc.carryIn']),
  fixedRowSum('T1-d', '公开01表 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', 'summary', EXPENDITURE_GRAND, ['exp.total', 'exp.surplusDistribution', 'exp.carryOut']),
  fixedRowSum('T1-e', '公开01表 收入总计 = 支出总计', 'summary', EXPENDITURE_GRAND, [INCOME_GRAND]),
];

/** A rule over every row of one table that has these columns: `total` = Σ `parts`. Data plus the one helper. */
function rowSum(id: string, title: string, topic: 'income' | 'expenditure' | 'fiscalSummary', total: string, parts: string[]): Rule {
  return {
    id,
    severity: 'error',
    title,
    run(ctx) {
      const t = ctx.table(topic);
      if (t) rowIdentity(ctx, t, total, parts.map((k) => [k, 1]));
    },
  };
}

const coded: Rule[] = [
  rowSum('T2-a', '公开02表 每行 本年收入合计 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入', 'income', 'total', [
    'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other',
  ]),
  { id: 'T2-b', severity: 'error', title: '公开02表 合计 = Σ类，类 = Σ款，款 = Σ项（每列）', run: (ctx) => withTable(ctx, 'income', hierarchy) },
  rowSum('T3-a', '公开03表 每行 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助', 'expenditure', 'total', ['basic', 'project', 'remit', 'operating', 'affiliated']),
  { id: 'T3-b', severity: 'error', title: '公开03表 合计 = Σ类，类 = Σ款，款 = Σ项（每列）', run: (ctx) => withTable(ctx, 'expenditure', hierarchy) },
  {
    id: 'T5-a',
    severity: 'error',
    title: '公开05表 每行 合计 = 基本支出 + 项目支出；合计 = Σ类，类 = Σ款，款 = Σ项',
    run(ctx) {
      const t = ctx.table('generalBudget');
      if (!t) return;
      rowIdentity(ctx, t, 'total', [['basic', 1], ['project', 1]]);
      hierarchy(ctx, t);
    },
  },
];

const fiscal: Rule[] = [
  rowSum('T4-a', '公开04表 每行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营', 'fiscalSummary', 'total', ['gpb', 'gf', 'soe']),
  {
    id: 'T4-b',
    severity: 'error',
    title: '公开04表 收入与支出平衡：本年收入 + 年初结转 = 本年支出 + 年末结转（合计及每类资金），总计相等',
    run(ctx) {
      const t = ctx.table('fiscalSummary');
      if (!t) return;
      const n = ctx.name(t);
      ctx.sum(t, n, term(ctx, t, 'inc.total', 'amount'), ['inc.gpb', 'inc.gf', 'inc.soe'].map((k) => term(ctx, t, k, 'amount')));
      ctx.sum(t, n, { ...term(ctx, t, 'inc.grand', 'amount'), label: '收入“总计”' }, ['inc.total', 'inc.carryIn'].map((k) => term(ctx, t, k, 'amount')));
      for (const col of ['total', 'gpb', 'gf', 'soe']) {
        const colName = columnLabel(ctx.profile, t, col);
        if (!hasColumn(t, col)) continue;
        ctx.sum(
          t,
          `${n}“${colName}”列`,
          term(ctx, t, 'exp.total', col),
          classRows(t).map((r) => ({ cell: r.cells[col], label: `“${withoutOrdinal(r.label)}”` })),
        );
        ctx.sum(t, `${n}“${colName}”列`, { ...term(ctx, t, 'exp.grand', col), label: '支出“总计”' }, ['exp.total', 'exp.carryOut'].map((k) => term(ctx, t, k, col)));
      }
      ctx.sum(t, n, { ...term(ctx, t, 'exp.grand', 'total'), label: '支出“总计”' }, [{ ...term(ctx, t, 'inc.grand', 'amount'), label: '收入“总计”' }]);
      const funds: Array<[string, string]> = [['gpb', 'inc.gpb'], ['gf', 'inc.gf'], ['soe', 'inc.soe']];
      for (const [col, inc] of funds) {
        ctx.sum(t, `${n}“${columnLabel(ctx.profile, t, col)}”资金`, { ...term(ctx, t, 'exp.total', col), label: `本年支出“${columnLabel(ctx.profile, t, col)}”` }, [
          term(ctx, t, inc, 'amount'),
          { ...term(ctx, t, `inc.carryIn.${col}`, 'amount'), label: '年初结转和结余' },
          { ...term(ctx, t, 'exp.carryOut', col, -1), label: '年末结转和结余' },
        ]);
      }
    },
  },
  fixedRowSum('T4-c', '公开04表 年初结转和结余 = 一 + 二 + 三', 'fiscalSummary', 'inc.carryIn', ['inc.carryIn.gpb', 'inc.carryIn.gf', 'inc.carryIn.soe']),
];

const economic: Rule[] = [
  {
    id: 'T6-a',
    severity: 'error',
    title: '公开06表 301/302/303/310 等各类 = 其下各款之和',
    run(ctx) {
      const t = ctx.table('basicEconomic');
      if (!t) return;
      const econ = t.rows.filter((r) => r.key.startsWith('econ:'));
      for (const cls of econ.filter((r) => r.code!.length === 3)) {
        const items = econ.filter((r) => r.code!.length === 5 && r.code!.startsWith(cls.code!));
        if (items.length === 0) continue;
        ctx.sum(
          t,
          `${ctx.name(t)}“${cls.code} ${cls.label}”`,
          { cell: cls.cells.amount, label: `“${cls.code} ${cls.label}”` },
          items.map((i) => ({ cell: i.cells.amount, label: `“${i.code}”` })),
        );
      }
    },
  },
  {
    id: 'T6-b',
    severity: 'error',
    title: '公开06表 人员经费合计 = 301 + 303；公用经费合计 = 302 + 310 + 其他类',
    run(ctx) {
      const t = ctx.table('basicEconomic');
      if (!t) return;
      const econ = t.rows.filter((r) => r.key.startsWith('econ:'));
      const classCodes = [...new Set(econ.map((r) => r.code!.slice(0, 3)))].sort();
      const classTerm = (code: string): Term => {
        const row = econ.find((r) => r.code === code);
        if (row) return { cell: row.cells.amount, label: `“${code} ${row.label}”` };
        // No class row printed: its items stand for it.
        const items = econ.filter((r) => r.code!.startsWith(code));
        const minor = items.reduce((s, i) => s + i.cells.amount.minor, 0);
        return { cell: { minor, ref: items[0]?.cells.amount.ref ?? null }, label: `“${code}”各款` };
      };
      const personnel = classCodes.filter((c) => economicGroup(c) === '人员经费');
      const pub = classCodes.filter((c) => economicGroup(c) === '公用经费');
      ctx.sum(t, ctx.name(t), { cell: ctx.cell(t, 'personnelTotal', 'amount'), label: '“人员经费合计”' }, personnel.map(classTerm));
      ctx.sum(t, ctx.name(t), { cell: ctx.cell(t, 'publicTotal', 'amount'), label: '“公用经费合计”' }, pub.map(classTerm));
    },
  },
];

const threePublic: Rule[] = [
  {
    id: 'T7-a',
    severity: 'error',
    title: '“三公”经费表 合计 = 出国 + 公务用车 + 接待；公务用车 = 购置 + 运行（预算数、决算数分别）',
    run(ctx) {
      const t = ctx.table('threePublic');
      if (!t) return;
      for (const m of ['budget', 'final']) {
        if (!hasColumn(t, m)) continue;
        const mName = m === 'budget' ? '预算数' : '决算数';
        ctx.sum(t, `${ctx.name(t)}${mName}`, term(ctx, t, 'total', m), ['abroad', 'car', 'reception'].map((k) => term(ctx, t, k, m)));
        ctx.sum(t, `${ctx.name(t)}${mName}`, term(ctx, t, 'car', m), ['carPurchase', 'carRun'].map((k) => term(ctx, t, k, m)));
      }
    },
  },
  {
    id: 'T7-b',
    severity: 'error',
    title: '“三公”经费表 合计为 0 时各项均应为 0',
    run(ctx) {
      const t = ctx.table('threePublic');
      if (!t) return;
      for (const m of ['budget', 'final']) {
        const total = ctx.cell(t, 'total', m);
        if (!total || total.minor !== 0) continue;
        for (const k of ['abroad', 'car', 'carPurchase', 'carRun', 'reception']) {
          const c = ctx.cell(t, k, m);
          // Only offsetting figures reach here without a T7-a finding; report them once.
          if (c && c.minor !== 0 && !ctx.findings.some((f) => f.rule === 'T7-a' && f.cells.some((r) => r === c.ref))) {
            ctx.emit(t, 'error', `${ctx.name(t)}“合计”为 0，但“${fixedRowLabel(ctx.profile, t, k)}”不为 0。`, [term(ctx, t, k, m), term(ctx, t, 'total', m)], 0, c.minor, t.unit);
          }
        }
      }
    },
  },
];

/** T8/T9: 年初 + 本年收入 − 本年支出 = 年末; 本年支出 = 基本 + 项目; hierarchy; the empty-table 说明. */
function fundRules(id: 'T8' | 'T9', topic: 'govFund' | 'stateCapital', what: string): Rule[] {
  return [
    {
      id: `${id}-a`,
      severity: 'error',
      title: `${what} 每行 年初结转 + 本年收入 − 本年支出 = 年末结转；本年支出 = 基本 + 项目；层级汇总`,
      run(ctx) {
        const t = ctx.table(topic);
        if (!t) return;
        if (hasColumn(t, 'spendTotal')) {
          rowIdentity(ctx, t, 'carryOut', [['carryIn', 1], ['income', 1], ['spendTotal', -1]]);
          rowIdentity(ctx, t, 'spendTotal', [['basic', 1], ['project', 1]]);
        } else {
          rowIdentity(ctx, t, 'total', [['basic', 1], ['project', 1]]);
        }
        hierarchy(ctx, t);
      },
    },
    {
      id: `${id}-b`,
      severity: 'error',
      title: `${what} 无数据时须在表下作“没有……故本表无数据”说明`,
      run(ctx) {
        const t = ctx.table(topic);
        if (!t) return;
        const hasData = t.rows.some((r) => Object.values(r.cells).some((c) => c.minor !== 0));
        const statement = t.notes.some((n) => /(没有|无).*(收支|收入|支出|数据)/.test(n));
        if (!hasData && !statement) {
          ctx.emit(t, 'error', `${ctx.name(t)}没有数据，但表下没有“本单位本年度没有……故本表无数据”之类的说明。请按公开要求保留表格并在表下作说明。`, t.titleRef ? [t.titleRef] : []);
        }
        if (hasData && statement && t.notes.some((n) => /故本表无数据/.test(n))) {
          ctx.emit(t, 'warning', `${ctx.name(t)}有数据，但表下说明写着“本表无数据”，请删除或改正该说明。`, t.titleRef ? [t.titleRef] : []);
        }
        const residue = t.notes.find((n) => /仍保留该表格式|作下述说明/.test(n));
        if (residue) {
          ctx.emit(t, 'warning', `${ctx.name(t)}表下留有模板说明文字“${residue}”，公开前请删除，只保留对本单位情况的说明。`, t.titleRef ? [t.titleRef] : []);
        }
      },
    },
  ];
}

function withTable(ctx: RuleContext, topic: 'income' | 'expenditure', f: (ctx: RuleContext, t: TableData) => void): void {
  const t = ctx.table(topic);
  if (t) f(ctx, t);
}

export const TABLE_RULES: Rule[] = [
  ...summary,
  ...coded,
  ...fiscal,
  ...economic,
  ...threePublic,
  ...fundRules('T8', 'govFund', '政府性基金预算财政拨款收入支出决算表'),
  ...fundRules('T9', 'stateCapital', '国有资本经营预算财政拨款支出决算表'),
];
