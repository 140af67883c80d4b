// Sections 七 to 九: 三公 (07/09 决算 vs 预算, with the 三公数量 of the working sheets), 政府性基金 and
// 国有资本经营 (08, 09, with the empty-table wording), and 机关运行经费, 政府采购, 国有资产占用, 绩效.
import { THREE_PUBLIC } from '../../core/catalogs/labels';
import type { FixedRowKey } from '../../core/keys';
import type { TableTopic } from '../../core/model';
import { figure, tableOf } from './figures';
import { percent } from './format';
import { gap, REASON, type CountKey, type ThreePublicItem } from './model';
import { amount, yearOnYear, type DraftWriter } from './writer';

type ThreePublicRow = 'total' | 'car' | ThreePublicItem;

/** The 预算数 of a 三公 row: the table's, else the working sheets' (sums for 合计 and 公务用车). */
function budgetOf(w: DraftWriter, key: ThreePublicRow): number | null {
  const printed = figure(w.input.accounts, 'threePublic', key, 'budget');
  if (printed !== null) return printed;
  const b = w.input.threePublicBudget;
  if (!b) return null;
  const parts: ThreePublicItem[] =
    key === 'total' ? ['abroad', 'carPurchase', 'carRun', 'reception'] : key === 'car' ? ['carPurchase', 'carRun'] : [key];
  if (parts.some((p) => b[p] === undefined)) return null;
  return parts.reduce((s, p) => s + b[p]!, 0);
}

/** "完成全年预算的52.26%，决算数小于预算数，主要原因是【…】" and its variants. */
function budgetClause(final: number | null, budget: number | null): string {
  if (final === null) return '';
  if (budget === null) return `，全年预算数${gap('预算数')}万元，决算数与预算数的差异及原因${gap('差异原因')}`;
  if (final === budget) return '，与全年预算持平';
  const rate = percent(final, budget);
  const done = rate === null ? `，全年预算数为${amount(0, '')}` : `，完成全年预算的${rate}%`;
  return `${done}，决算数${final > budget ? '大于' : '小于'}预算数，主要原因是${REASON}`;
}

function count(w: DraftWriter, key: CountKey, what: string): string {
  const n = w.input.counts?.[key];
  return n === undefined ? gap(what) : String(n);
}

function threePublicLine(w: DraftWriter, key: ThreePublicRow, head: string): string {
  const final = figure(w.input.accounts, 'threePublic', key, 'final');
  const prev = figure(w.input.lastYear, 'threePublic', key, 'final');
  const label = key === 'total' ? '“三公”经费' : THREE_PUBLIC[key];
  return `${head}${amount(final, label)}${budgetClause(final, budgetOf(w, key))}${yearOnYear(w, final, prev)}`;
}

/** 七、一般公共预算财政拨款“三公”经费支出决算情况说明. */
export function threePublicSection(w: DraftWriter): void {
  const y = w.year;
  w.h1('七、一般公共预算财政拨款“三公”经费支出决算情况说明');
  w.body(threePublicLine(w, 'total', `${y}年度一般公共预算财政拨款“三公”经费支出`));
  w.body(
    threePublicLine(w, 'abroad', `（一）${THREE_PUBLIC.abroad}支出`) +
      `全年安排因公出国（境）团组${count(w, 'abroadGroups', '团组数')}个，累计${count(w, 'abroadPersons', '人次')}人次，主要用于${gap('出国（境）任务')}。`,
  );
  w.body(threePublicLine(w, 'car', `（二）${THREE_PUBLIC.car}支出`) + '其中：');
  w.body(threePublicLine(w, 'carPurchase', `${THREE_PUBLIC.carPurchase}支出`) + `${y}年度购置公务用车${count(w, 'carsPurchased', '购置数')}辆。`);
  w.body(
    threePublicLine(w, 'carRun', `${THREE_PUBLIC.carRun}支出`) + `截至${y}年12月31日，本单位公务用车保有量${count(w, 'carsHeld', '保有量')}辆。`,
  );
  w.body(
    threePublicLine(w, 'reception', `（三）${THREE_PUBLIC.reception}支出`) +
      `累计接待${count(w, 'receptionBatches', '批次')}批次、${count(w, 'receptionPersons', '人次')}人次。`,
  );
}

/** Whether a table is there with no figure other than 0 (it is then published as an empty table). */
function isEmpty(w: DraftWriter, topic: TableTopic): boolean | null {
  const t = tableOf(w.input.accounts, topic);
  if (!t) return null;
  return t.rows.every((r) => Object.values(r.cells).every((c) => !c || !c.minor));
}

function fundPart(w: DraftWriter, topic: TableTopic, n: string, name: string, tableTitle: string): void {
  const empty = isEmpty(w, topic);
  const total = figure(w.input.accounts, topic, 'total' as FixedRowKey, 'total');
  if (empty === null) {
    w.body(`（${n}）${name}支出${gap(`${name}支出情况`)}。`);
  } else if (empty) {
    w.body(`（${n}）本单位${w.year}年度没有使用${name}安排的支出，故《${tableTitle}》为空表。`);
  } else {
    const prev = figure(w.input.lastYear, topic, 'total' as FixedRowKey, 'total');
    w.body(`（${n}）${w.year}年度${name}支出${amount(total, `${name}支出`)}${yearOnYear(w, total, prev)}`);
  }
}

/** 八、政府性基金预算及国有资本经营预算财政拨款支出决算情况说明 (08, 09). */
export function fundSection(w: DraftWriter): void {
  const title = (topic: TableTopic, fallback: string): string => tableOf(w.input.accounts, topic)?.title ?? fallback;
  w.h1('八、政府性基金预算及国有资本经营预算财政拨款支出决算情况说明');
  fundPart(w, 'govFund', '一', '政府性基金预算财政拨款', title('govFund', '政府性基金预算财政拨款收入支出决算表'));
  fundPart(w, 'stateCapital', '二', '国有资本经营预算财政拨款', title('stateCapital', '国有资本经营预算财政拨款支出决算表'));
}

/** 九、其他重要事项的情况说明: 机关运行经费 from 06; what the tables do not carry is a marked gap. */
export function otherSection(w: DraftWriter): void {
  const y = w.year;
  const running = figure(w.input.accounts, 'basicEconomic', 'publicTotal', 'amount');
  const prev = figure(w.input.lastYear, 'basicEconomic', 'publicTotal', 'amount');
  w.h1('九、其他重要事项的情况说明');
  w.h2('（一）机关运行经费支出情况');
  w.body(`${y}年度本单位机关运行经费支出${amount(running, '机关运行经费')}${yearOnYear(w, running, prev)}`);
  w.h2('（二）政府采购支出情况');
  w.body(
    `${y}年度本单位政府采购支出总额${gap('金额')}万元，其中：政府采购货物支出${gap('金额')}万元、政府采购工程支出${gap('金额')}万元、` +
      `政府采购服务支出${gap('金额')}万元。授予中小企业合同金额${gap('金额')}万元，占政府采购支出总额的${gap('比例')}%，` +
      `其中：授予小微企业合同金额${gap('金额')}万元，占授予中小企业合同金额的${gap('比例')}%。`,
  );
  w.h2('（三）国有资产占用情况');
  w.body(
    `截至${y}年12月31日，本单位共有车辆${gap('车辆数')}辆，其中：${gap('各类用车数量')}；` +
      `单位价值100万元以上设备（不含车辆）${gap('数量')}台（套）。`,
  );
  w.h2('（四）预算绩效管理情况');
  w.body(
    `根据预算绩效管理要求，本单位组织对${y}年度${gap('项目个数')}个项目开展绩效自评，涉及资金${gap('金额')}万元。` +
      `${gap('绩效自评结果及存在的问题')}。`,
  );
}
