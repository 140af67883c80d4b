// The table checks that are not identities (those are data, in profiles/identities.ts): a zero 三公 total
// with non-zero items, the empty-table statement under 政府性基金/国有资本经营 tables, and the 06 ↔ 05
// social-security comparison.
import { formatAmount, minorPerCent } from '../money';
import { codeRow, econRow, type ColKey, type FixedRowKey } from '../keys';
import type { TableTopic } from '../model';
import { rowOf, type Rule } from './engine';
import { fixedRowLabel } from './labels';

const THREE_PUBLIC_ITEMS: FixedRowKey[] = ['abroad', 'car', 'carPurchase', 'carRun', 'reception'];

const threePublicZero: Rule = {
  id: 'T7-b',
  severity: 'error',
  title: '“三公”经费表 合计为 0 时各项均应为 0',
  run(ctx) {
    const t = ctx.table('threePublic');
    if (!t) return;
    for (const m of ['budget', 'final'] as ColKey[]) {
      const total = ctx.cell(t, 'total', m);
      if (!total || total.minor !== 0) continue;
      for (const k of THREE_PUBLIC_ITEMS) {
        const c = ctx.cell(t, k, m);
        // Only offsetting figures reach here without a T7-a finding; report them once.
        if (c && c.minor !== 0 && !ctx.findings.some((f) => f.rule === 'T7-a' && f.cells.some((r) => r === c.ref))) {
          const label = fixedRowLabel(ctx.profile, t, k);
          ctx.emit(
            t,
            'error',
            `${ctx.name(t)}“${fixedRowLabel(ctx.profile, t, 'total')}”为 0，但“${label}”不为 0。`,
            [c.ref!, total.ref!].filter(Boolean),
            0,
            c.minor,
            t.unit,
          );
        }
      }
    }
  },
};

/** T8-b/T9-b: a table without figures says so under it; one with figures does not. */
function emptyStatement(id: string, topic: TableTopic): Rule {
  return {
    id,
    severity: 'error',
    title: '无数据时须在表下作“没有……故本表无数据”说明',
    run(ctx) {
      const t = ctx.table(topic);
      if (!t) return;
      const hasData = t.rows.some((r) => Object.values(r.cells).some((c) => c !== undefined && c.minor !== 0));
      const statement = t.notes.some((n) => /(没有|无).*(收支|收入|支出|数据)/.test(n));
      const at = t.titleRef ? [t.titleRef] : [];
      if (!hasData && !statement) {
        ctx.emit(
          t,
          'error',
          `${ctx.name(t)}没有数据，但表下没有“本单位本年度没有……故本表无数据”之类的说明。请按公开要求保留表格并在表下作说明。`,
          at,
        );
      }
      if (hasData && statement && t.notes.some((n) => /故本表无数据/.test(n))) {
        ctx.emit(t, 'warning', `${ctx.name(t)}有数据，但表下说明写着“本表无数据”，请删除或改正该说明。`, at);
      }
      const residue = t.notes.find((n) => /仍保留该表格式|作下述说明/.test(n));
      if (residue) {
        ctx.emit(t, 'warning', `${ctx.name(t)}表下留有模板说明文字“${residue}”，公开前请删除，只保留对本单位情况的说明。`, at);
      }
    },
  };
}

/** 06's social-security 款 and 05's matching 功能分类 项, when that 项 has only 基本支出. */
const SOCIAL_SECURITY_PAIRS: Array<[econ: string, functional: string]> = [
  ['30108', '2080505'],
  ['30109', '2080506'],
  ['30113', '2210201'],
];

const socialSecurity: Rule = {
  id: 'X13',
  severity: 'warning',
  title: '06表 养老保险、职业年金、住房公积金缴费 与 05表 对应功能科目基本支出一致',
  run(ctx) {
    const t5 = ctx.table('generalBudget');
    const t6 = ctx.table('basicEconomic');
    if (!t5 || !t6) return;
    for (const [econ, func] of SOCIAL_SECURITY_PAIRS) {
      const e = rowOf(t6, econRow(econ));
      const f = rowOf(t5, codeRow(func));
      const amount = e?.cells.amount;
      const basic = f?.cells.basic;
      if (!e || !f || !amount || !basic || !f.cells.project || f.cells.project.minor !== 0) continue;
      if (Math.abs(amount.minor - basic.minor) <= minorPerCent(t6.unit)) continue;
      ctx.emit(
        t6,
        'warning',
        `${ctx.name(t6)}“${econ} ${e.label}”为 ${formatAmount(amount.minor, t6.unit)}，${ctx.name(t5)}“${func} ${f.label}”基本支出为 ${formatAmount(basic.minor, t5.unit)}。两者通常相等（该功能科目只有基本支出时）；不相等时请核对或说明原因（如部分缴费在其他功能科目列支）。`,
        [
          { cell: amount, label: econ },
          { cell: basic, label: func },
        ],
        basic.minor,
        amount.minor,
        t6.unit,
      );
    }
  },
};

/**
 * 09 部门决算相关信息统计表 (2018 department set): counts and amounts that go together (docs/department-2018.md).
 * Plausibility only, so 提示: a count can be 0 for spending accrued last year, and the reverse.
 */
const STATS_PAIRS: Array<{ count: FixedRowKey; amount: FixedRowKey; both: boolean }> = [
  // 14 > 0 ⇒ 5 > 0: a car bought has its purchase cost.
  { count: 'count.carsBought', amount: 'carPurchase', both: false },
  // 16 > 0 ⇔ 7 > 0 and 12 > 0 ⇔ 3 > 0: receptions and trips abroad have costs, and costs have receptions and trips.
  { count: 'count.receptionBatches', amount: 'reception', both: true },
  { count: 'count.abroadGroups', amount: 'abroad', both: true },
];

const relatedStatsPlausible: Rule = {
  id: 'D9-c',
  severity: 'warning',
  title: '09表 次数与金额相互对应',
  run(ctx) {
    const t = ctx.table('relatedStats');
    if (!t) return;
    for (const p of STATS_PAIRS) {
      const n = ctx.cell(t, p.count, 'amount');
      const a = ctx.cell(t, p.amount, 'amount');
      if (!n || !a || n.invalid || a.invalid) continue;
      const countLabel = fixedRowLabel(ctx.profile, t, p.count);
      const amountLabel = fixedRowLabel(ctx.profile, t, p.amount);
      if (n.minor > 0 && a.minor === 0) {
        ctx.emit(t, 'warning', `${ctx.name(t)}“${countLabel}”不为 0，但“${amountLabel}”为 0。请核对，或说明原因。`, [n.ref!, a.ref!].filter(Boolean));
      } else if (p.both && n.minor === 0 && a.minor > 0) {
        ctx.emit(t, 'warning', `${ctx.name(t)}“${amountLabel}”不为 0，但“${countLabel}”为 0。请核对，或说明原因。`, [a.ref!, n.ref!].filter(Boolean));
      }
    }
  },
};

export const SPECIAL_RULES: Rule[] = [
  threePublicZero,
  emptyStatement('T8-b', 'govFund'),
  emptyStatement('T9-b', 'stateCapital'),
  socialSecurity,
  relatedStatsPlausible,
];
