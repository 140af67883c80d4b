// Identities between tables (formats-rules-and-scoring.md §3.2, X1–X13).
import { formatAmount, minorPerCent } from '../money';
import type { TableData } from '../model';
import { classRows, hasColumn, rowOf, type Rule, type RuleContext, type Term } from './engine';
import { columnLabel, fixedRowLabel } from './labels';

function t1Term(ctx: RuleContext, t: TableData, key: string, col = 'amount'): Term {
  return { cell: ctx.cell(t, key, col), label: `${ctx.name(t)}“${fixedRowLabel(ctx.profile, t, key)}”` };
}

function codedTerm(ctx: RuleContext, t: TableData, rowKey: string, col: string): Term {
  const row = rowOf(t, rowKey);
  const rowName = rowKey === 'total' ? '合计' : row ? `${row.code} ${row.label}` : rowKey.replace('code:', '');
  return { cell: ctx.cellOrZero(t, rowKey, col), label: `${ctx.name(t)}“${rowName}”行“${columnLabel(ctx.profile, t, col)}”` };
}

function classCodes(t: TableData): string[] {
  return classRows(t).map((r) => r.key.slice(6));
}

const INCOME_MATCH: Array<[string, string]> = [
  ['superior', 'inc.superior'],
  ['business', 'inc.business'],
  ['operating', 'inc.operating'],
  ['affiliated', 'inc.affiliated'],
  ['other', 'inc.other'],
];

/**
 * A total printed twice: a fixed row (column `amount`) of a ledger table and the 合计 row of a coded table.
 * The finding stands on the ledger table.
 */
function sameTotal(
  id: string,
  title: string,
  what: string,
  [ledger, row]: ['summary' | 'fiscalSummary', string],
  [coded, col]: ['income' | 'expenditure', string],
): Rule {
  return {
    id,
    severity: 'error',
    title,
    run(ctx) {
      const a = ctx.table(ledger);
      const b = ctx.table(coded);
      if (a && b) ctx.same(a, what, t1Term(ctx, a, row), codedTerm(ctx, b, 'total', col));
    },
  };
}

export const CROSS_RULES: Rule[] = [
  sameTotal('X1', '01表 本年收入合计 = 02表 合计·本年收入合计', '本年收入合计跨表核对', ['summary', 'inc.total'], ['income', 'total']),
  sameTotal('X2', '01表 本年支出合计 = 03表 合计·本年支出合计', '本年支出合计跨表核对', ['summary', 'exp.total'], ['expenditure', 'total']),
  {
    id: 'X3',
    severity: 'error',
    title: '02表 合计行各收入来源 = 01表 对应收入行（财政拨款收入 = 一 + 二 + 三）',
    run(ctx) {
      const t1 = ctx.table('summary');
      const t2 = ctx.table('income');
      if (!t1 || !t2) return;
      ctx.sum(t2, '财政拨款收入跨表核对', codedTerm(ctx, t2, 'total', 'fiscal'), ['inc.gpb', 'inc.gf', 'inc.soe'].map((k) => t1Term(ctx, t1, k)), { crossTable: true });
      for (const [col, key] of INCOME_MATCH) ctx.same(t2, `${columnLabel(ctx.profile, t2, col)}跨表核对`, codedTerm(ctx, t2, 'total', col), t1Term(ctx, t1, key));
    },
  },
  {
    id: 'X4',
    severity: 'error',
    title: '01表 各类支出 = 03表 同一类的本年支出合计',
    run(ctx) {
      const t1 = ctx.table('summary');
      const t3 = ctx.table('expenditure');
      if (!t1 || !t3) return;
      for (const code of classCodes(t1)) {
        const a = ctx.cell(t1, `class:${code}`, 'amount');
        const b = codedTerm(ctx, t3, `code:${code}`, 'total');
        if (!a || !b.cell || (a.minor === 0 && b.cell.minor === 0)) continue;
        ctx.same(t1, `${code} 类支出跨表核对`, { cell: a, label: `${ctx.name(t1)}“${code}”类` }, b);
      }
    },
  },
  {
    id: 'X5',
    severity: 'error',
    title: '04表 收入 一/二/三 = 01表 收入 一/二/三',
    run(ctx) {
      const t1 = ctx.table('summary');
      const t4 = ctx.table('fiscalSummary');
      if (!t1 || !t4) return;
      for (const k of ['inc.gpb', 'inc.gf', 'inc.soe']) ctx.same(t4, '财政拨款收入跨表核对', t1Term(ctx, t4, k), t1Term(ctx, t1, k));
    },
  },
  sameTotal('X6', '02表 合计·财政拨款收入 = 04表 本年收入合计', '财政拨款收入跨表核对', ['fiscalSummary', 'inc.total'], ['income', 'fiscal']),
  {
    id: 'X7',
    severity: 'error',
    title: '04表 一般公共预算列 = 05表（本年支出合计及每一类）',
    run(ctx) {
      const t4 = ctx.table('fiscalSummary');
      const t5 = ctx.table('generalBudget');
      if (!t4 || !t5) return;
      ctx.same(t4, '一般公共预算财政拨款支出跨表核对', { ...t1Term(ctx, t4, 'exp.total', 'gpb'), label: `${ctx.name(t4)}“本年支出合计”行“一般公共预算财政拨款”` }, codedTerm(ctx, t5, 'total', 'total'));
      for (const code of classCodes(t4)) {
        const a = ctx.cell(t4, `class:${code}`, 'gpb');
        const b = codedTerm(ctx, t5, `code:${code}`, 'total');
        if (!a || !b.cell || (a.minor === 0 && b.cell.minor === 0)) continue;
        ctx.same(t4, `${code} 类一般公共预算支出跨表核对`, { cell: a, label: `${ctx.name(t4)}“${code}”类“一般公共预算财政拨款”` }, b);
      }
    },
  },
  {
    id: 'X8',
    severity: 'error',
    title: '04表 政府性基金列 ↔ 政府性基金表；国有资本经营列 ↔ 国有资本经营表（支出、年初年末结转）',
    run(ctx) {
      const t4 = ctx.table('fiscalSummary');
      if (!t4) return;
      const pairs: Array<[string, 'govFund' | 'stateCapital', string]> = [
        ['gf', 'govFund', 'inc.gf'],
        ['soe', 'stateCapital', 'inc.soe'],
      ];
      for (const [col, topic, incKey] of pairs) {
        const tf = ctx.table(topic);
        if (!tf) continue;
        const spend = hasColumn(tf, 'spendTotal') ? 'spendTotal' : 'total';
        const label = (key: string) => ({ ...t1Term(ctx, t4, key, col), label: `${ctx.name(t4)}“${fixedRowLabel(ctx.profile, t4, key)}”行“${columnLabel(ctx.profile, t4, col)}”` });
        ctx.same(t4, '本年支出跨表核对', label('exp.total'), codedTerm(ctx, tf, 'total', spend));
        for (const code of classCodes(t4)) {
          const a = ctx.cell(t4, `class:${code}`, col);
          const b = codedTerm(ctx, tf, `code:${code}`, spend);
          if (!a || !b.cell || (a.minor === 0 && b.cell.minor === 0)) continue;
          ctx.same(t4, `${code} 类支出跨表核对`, { cell: a, label: `${ctx.name(t4)}“${code}”类“${columnLabel(ctx.profile, t4, col)}”` }, b);
        }
        if (hasColumn(tf, 'carryIn')) {
          ctx.same(t4, '年初结转和结余跨表核对', t1Term(ctx, t4, `inc.carryIn.${col}`), codedTerm(ctx, tf, 'total', 'carryIn'));
          ctx.same(t4, '年末结转和结余跨表核对', label('exp.carryOut'), codedTerm(ctx, tf, 'total', 'carryOut'));
          ctx.same(t4, '本年收入跨表核对', t1Term(ctx, t4, incKey), codedTerm(ctx, tf, 'total', 'income'));
        }
      }
    },
  },
  {
    id: 'X9',
    severity: 'error',
    title: '05表 基本支出合计 = 06表 人员经费合计 + 公用经费合计',
    run(ctx) {
      const t5 = ctx.table('generalBudget');
      const t6 = ctx.table('basicEconomic');
      if (!t5 || !t6) return;
      ctx.sum(
        t5,
        '基本支出跨表核对',
        codedTerm(ctx, t5, 'total', 'basic'),
        [
          { cell: ctx.cell(t6, 'personnelTotal', 'amount'), label: `${ctx.name(t6)}“人员经费合计”` },
          { cell: ctx.cell(t6, 'publicTotal', 'amount'), label: `“公用经费合计”` },
        ],
        { crossTable: true },
      );
    },
  },
  {
    id: 'X10',
    severity: 'warning',
    title: '05表（一般公共预算）各行不大于 03表 同一行',
    run(ctx) {
      const t3 = ctx.table('expenditure');
      const t5 = ctx.table('generalBudget');
      if (!t3 || !t5) return;
      const cent = minorPerCent(t5.unit);
      for (const row of t5.rows) {
        for (const col of ['total', 'basic', 'project']) {
          const a = row.cells[col];
          if (a === undefined) continue;
          // The hot path (every cell of 05): compare before any label is built.
          const b = ctx.cellOrZero(t3, row.key, col);
          if (!b || a.invalid || b.invalid || a.minor - b.minor <= cent) continue;
          ctx.atMost(t5, '一般公共预算支出与全部支出比较', codedTerm(ctx, t5, row.key, col), codedTerm(ctx, t3, row.key, col), '一般公共预算财政拨款支出是全部支出的一部分，通常不应更大；请核对或说明原因。');
        }
      }
    },
  },
  {
    id: 'X11',
    severity: 'warning',
    title: '04表 年初/年末财政拨款结转和结余 不大于 01表 年初/年末结转和结余',
    run(ctx) {
      const t1 = ctx.table('summary');
      const t4 = ctx.table('fiscalSummary');
      if (!t1 || !t4) return;
      const why = '财政拨款结转和结余是全部结转和结余的一部分，通常不应更大；请核对或说明原因。';
      ctx.atMost(t4, '结转和结余比较', t1Term(ctx, t4, 'inc.carryIn'), t1Term(ctx, t1, 'inc.carryIn'), why);
      ctx.atMost(t4, '结转和结余比较', { ...t1Term(ctx, t4, 'exp.carryOut', 'total') }, t1Term(ctx, t1, 'exp.carryOut'), why);
    },
  },
  {
    id: 'X12',
    severity: 'warning',
    title: '06表 30212/30217/30231/31013 不大于 “三公”经费表 对应决算数',
    run(ctx) {
      const t6 = ctx.table('basicEconomic');
      const t7 = ctx.table('threePublic');
      if (!t6 || !t7) return;
      const pairs: Array<[string, string]> = [['30212', 'abroad'], ['30217', 'reception'], ['30231', 'carRun'], ['31013', 'carPurchase']];
      for (const [code, key] of pairs) {
        const row = rowOf(t6, `econ:${code}`);
        if (!row) continue;
        ctx.atMost(
          t6,
          '“三公”经费与基本支出经济分类比较',
          { cell: row.cells.amount, label: `${ctx.name(t6)}“${code} ${row.label}”` },
          { cell: ctx.cell(t7, key, 'final'), label: `${ctx.name(t7)}“${fixedRowLabel(ctx.profile, t7, key)}”决算数` },
          '“三公”经费决算数包含基本支出中的该项，通常不应更小；请核对或说明原因。',
        );
      }
    },
  },
  {
    id: 'X13',
    severity: 'warning',
    title: '06表 30108/30109/30113 与 05表 2080505/2080506/2210201 基本支出一致',
    run(ctx) {
      const t5 = ctx.table('generalBudget');
      const t6 = ctx.table('basicEconomic');
      if (!t5 || !t6) return;
      const pairs: Array<[string, string]> = [['30108', '2080505'], ['30109', '2080506'], ['30113', '2210201']];
      for (const [econ, func] of pairs) {
        const e = rowOf(t6, `econ:${econ}`);
        const f = rowOf(t5, `code:${func}`);
        if (!e || !f || !f.cells.basic || !f.cells.project || f.cells.project.minor !== 0) continue;
        const d = e.cells.amount.minor - f.cells.basic.minor;
        if (Math.abs(d) <= minorPerCent(t6.unit)) continue;
        ctx.emit(
          t6,
          'warning',
          `${ctx.name(t6)}“${econ} ${e.label}”为 ${formatAmount(e.cells.amount.minor, t6.unit)}，${ctx.name(t5)}“${func} ${f.label}”基本支出为 ${formatAmount(f.cells.basic.minor, t5.unit)}。两者通常相等（该功能科目只有基本支出时）；不相等时请核对或说明原因（如部分缴费在其他功能科目列支）。`,
          [{ cell: e.cells.amount, label: econ }, { cell: f.cells.basic, label: func }],
          f.cells.basic.minor,
          e.cells.amount.minor,
          t6.unit,
        );
      }
    },
  },
];
