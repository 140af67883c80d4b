// 项目常规自评表 for previous-year projects (R17): 一.单位基本信息, 二.项目基本情况 (targets), 三.资金,
// 四 共性指标 (64%), 五 个性指标 (36%; 备选 and 自编), 总权重、评价总分 （S）, 评价等级.
// Layout: docs/fujian-forms.md#r17. Weights print as percentages (6% = 6 points).
import type { FujianRow } from '../../../core/performance/fujian';
import type { FujianFormRead } from '../../../core/performance/model';
import { FUJIAN_2018_FORMS } from '../../../core/performance/rubrics/fujian-2018';
import { cellAt, lastCol, lastRow, type SheetSnapshot } from '../../../port/snapshot';
import { labelOf } from '../cells';
import {
  findCol,
  findLabel,
  FormSink,
  formNumber,
  formRatio,
  numberRightOf,
  numbersAfter,
  openForm,
  readGrade,
  refOf,
  textAt,
  type At,
} from './grid';

const RULES = FUJIAN_2018_FORMS['fujian-2018-r17'].rules;

function ruleByName(label: string, part: 'common' | 'individual'): string | null {
  return RULES.find((r) => r.part === part && r.id !== 'R17.X' && labelOf(r.name) === label)?.id ?? null;
}

/** 名称：<project> on the 部门预算功能科目 row. */
function projectName(sheet: SheetSnapshot, from: number): string | null {
  const at = findLabel(sheet, from, lastRow(sheet), (l) => l.startsWith('部门预算功能科目'));
  if (!at) return null;
  for (let col = at.col; col <= lastCol(sheet); col++) {
    const m = /名称[:：]\s*(.+)$/.exec(String(cellAt(sheet, at.row, col) ?? '').trim());
    if (m) return m[1].trim();
  }
  return null;
}

export function readR17(sheet: SheetSnapshot, start: At): { form: FujianFormRead; findings: FormSink['findings'] } {
  const end = lastRow(sheet);
  const name = projectName(sheet, start.row) || sheet.name;
  const { form, sink, need } = openForm(sheet, start, 'fujian-2018-r17', name, '常规自评表（R17）');
  const targetsHead = need('年度绩效目标设置及完成情况（表头“目标完成程度（完成值/目标值）”）', (l) => l.startsWith('目标完成程度(完成值'));
  const overallHead = need('项目总体资金情况（表头“资金合计”）', (l) => l === '资金合计');
  const useHead = need('项目当年度预算批复资金使用情况（表头“当年度部门预算批复数①”）', (l) => l.startsWith('当年度部门预算批复数'));
  const commonAt = need('四.绩效自评共性指标体系（64%）', (l) => /^四[.、]?绩效自评共性指标体系/.test(l));
  const individualAt = need('五.绩效自评个性指标体系(36%)', (l) => /^五[.、]?绩效自评个性指标体系/.test(l));
  const closeAt = need('总权重、评价总分（S）', (l) => l.startsWith('总权重') && l.includes('评价总分'));
  if (!targetsHead || !overallHead || !useHead || !commonAt || !individualAt || !closeAt) return { form, findings: sink.findings };

  // 年度绩效目标: 目标分类 and 分类细化 may be merged down; an unused slot prints no 内容 (or `/`).
  const th = targetsHead.row;
  const classCol = findCol(sheet, th, (l) => l.startsWith('目标分类'));
  const kindCol = findCol(sheet, th, (l) => l.startsWith('分类细化'));
  const contentCol = findCol(sheet, th, (l) => l.startsWith('绩效目标内容'));
  const countAt = findLabel(sheet, th + 1, commonAt.row, (l) => l.startsWith('期初设置绩效目标数量'));
  const kinds = new Set<string>();
  const degreeOf = new Map<string, number | null>();
  let outputTargets = 0;
  let cls = '';
  let kind = '';
  for (let row = th + 1; row < (countAt?.row ?? commonAt.row); row++) {
    cls = labelOf(textAt(sheet, row, classCol)) || cls;
    kind = labelOf(textAt(sheet, row, kindCol)) || kind;
    const content = labelOf(textAt(sheet, row, contentCol));
    if (!content || /^[/\\]$/.test(content)) continue;
    kinds.add(kind);
    if (cls.startsWith('产出') || cls.startsWith('效益')) outputTargets++;
    degreeOf.set(content, formRatio(sheet, row, targetsHead.col, '目标完成程度', sink));
  }
  let setCount: number | null = null;
  let doneCount: number | null = null;
  if (countAt) {
    setCount = formNumber(sheet, countAt.row, countAt.col + 1, '期初设置绩效目标数量', sink);
    doneCount = numberRightOf(sheet, countAt.row, (l) => l.startsWith('完成目标数量'), '完成目标数量', sink);
  }
  const qualityAt = findLabel(sheet, th + 1, commonAt.row, (l) => l.startsWith('目标完成质量'));
  const quality = qualityAt ? formRatio(sheet, qualityAt.row, qualityAt.col + 1, '目标完成质量', sink) : null;

  // 项目总体资金情况 (资金合计 column): 成本控制率 = 截至年末累计支出数 / 概算或当年预算数.
  const overallRow = (prefix: string) => findLabel(sheet, overallHead.row + 1, useHead.row, (l) => l.startsWith(prefix));
  const planAt = overallRow('概算或当年预算数');
  const spentAt = overallRow('截至年末累计支出数');
  const plan = planAt ? formNumber(sheet, planAt.row, overallHead.col, '概算或当年预算数', sink) : null;
  const spentTotal = spentAt ? formNumber(sheet, spentAt.row, overallHead.col, '截至年末累计支出数', sink) : null;

  // 项目当年度预算批复资金使用情况: the figures stand on the row below the header.
  const u = useHead.row + 1;
  const approved = formNumber(sheet, u, useHead.col, '当年度部门预算批复数', sink);
  const allowed = formNumber(
    sheet,
    u,
    findCol(sheet, useHead.row, (l) => l.startsWith('财政部门核定额度数')),
    '财政部门核定额度数',
    sink,
  );
  const spent = formNumber(
    sheet,
    u,
    findCol(sheet, useHead.row, (l) => l.startsWith('当年预算对应的实际支出资金')),
    '实际支出资金',
    sink,
  );

  const frac = (n: number | null, d: number | null) => (n !== null && d !== null ? { numerator: n, denominator: d } : {});
  const inputsOf: Record<string, FujianRow['inputs'] | undefined> = {
    'R17.C01': frac(doneCount, setCount),
    'R17.C02': frac(spent, approved),
    'R17.C03': frac(spent, allowed),
    'R17.C05': setCount !== null ? { count: setCount } : {},
    'R17.C06': { count: outputTargets },
    'R17.C07': { count: kinds.size },
    'R17.C08': quality !== null ? { ratio: quality } : {},
    'R17.B01': frac(spentTotal, plan),
  };
  const enumerable = new Set(['R17.B03', 'R17.B04', 'R17.B05', 'R17.B06']);

  const readBlock = (from: number, to: number, part: 'common' | 'individual') => {
    const head = findLabel(sheet, from, to, (l) => l.startsWith('三级指标'));
    if (!head) {
      sink.error(`${part === 'common' ? '共性' : '个性'}指标体系缺少表头“三级指标”。`, refOf(sheet, { row: from, col: 0 }));
      return;
    }
    const wc = findCol(sheet, head.row, (l) => l === '权重' || l === '分值');
    const sc = findCol(sheet, head.row, (l) => l === '得分');
    for (let row = head.row + 1; row < to; row++) {
      const label = labelOf(textAt(sheet, row, head.col));
      // Page breaks repeat the block title and header: skip them, do not count them twice.
      if (!label || /^[/\\]$/.test(label) || label.startsWith('三级指标') || /^五[.、]?绩效自评个性指标体系/.test(labelOf(textAt(sheet, row, 0))))
        continue;
      const rule = ruleByName(label, part) ?? (part === 'individual' ? 'R17.X' : null);
      if (!rule) {
        sink.error(`三级指标“${textAt(sheet, row, head.col)}”不是R17共性指标（名称和评分标准不得更改）。`, refOf(sheet, { row, col: head.col }));
        continue;
      }
      const inputs = rule === 'R17.X' ? degreeInputs(degreeOf.get(label)) : inputsOf[rule];
      form.evaluation.rows.push({
        rule,
        name: textAt(sheet, row, head.col),
        weight: formNumber(sheet, row, wc, '权重', sink),
        inputs: inputs ?? {},
        unprinted: part === 'common' ? inputs === undefined : enumerable.has(rule),
        score: formNumber(sheet, row, sc, '得分', sink),
        cells: { weight: wc === null ? undefined : refOf(sheet, { row, col: wc }), score: sc === null ? undefined : refOf(sheet, { row, col: sc }) },
      });
    }
  };
  readBlock(commonAt.row + 1, individualAt.row, 'common');
  readBlock(individualAt.row + 1, closeAt.row, 'individual');

  const [tw, ts] = numbersAfter(sheet, closeAt.row, closeAt.col, 2, ['总权重', '评价总分'], sink);
  form.evaluation.totalWeight = tw?.value ?? null;
  form.evaluation.total = ts?.value ?? null;
  form.evaluation.cells = { totalWeight: tw?.ref, total: ts?.ref };
  const gradeAt = findLabel(sheet, closeAt.row, end, (l) => l.startsWith('评价等级'));
  if (gradeAt) {
    const g = readGrade(sheet, gradeAt.row, sink);
    form.evaluation.grade = g.grade;
    form.evaluation.cells.grade = g.ref;
  }
  return { form, findings: sink.findings };
}

/** A 自编 indicator scores 分值 × 完成值/预设值: its target's 完成程度 in the target table, found by name. */
function degreeInputs(degree: number | null | undefined): FujianRow['inputs'] {
  return degree === null || degree === undefined ? {} : { ratio: degree };
}
