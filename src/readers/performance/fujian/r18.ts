// 项目常规自评表 for 决算-year projects (R18): 一 基础信息, 二 项目资金情况, 三 绩效目标设置及完成情况,
// 四 共性指标 (50), 五 个性指标, 调整指标, 总分值、评价总分 (S), 评价等级. Layout: docs/fujian-forms.md#r18.
// The form prints what the 投入 and 目标 rules read (funds, targets); the rest (组织保障, 制度, 问题数) it does not.
import type { FujianRow } from '../../../core/performance/fujian';
import type { FujianFormRead } from '../../../core/performance/model';
import { FUJIAN_2018_FORMS } from '../../../core/performance/rubrics/fujian-2018';
import { lastRow, type SheetSnapshot } from '../../../port/snapshot';
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

const RULES = FUJIAN_2018_FORMS['fujian-2018-r18'].rules;

/** A common rule by its 三级 name as printed (`组织管理-评价工作组`, or only `评价工作组`). */
function commonRule(label: string): string | null {
  for (const r of RULES) {
    if (r.part !== 'common') continue;
    const name = labelOf(r.name);
    if (label === name || label === name.split('-').pop()) return r.id;
  }
  return null;
}

interface Funds {
  plan?: number | null;
  arrived?: number | null;
  spent?: number | null;
}

export function readR18(sheet: SheetSnapshot, start: At): { form: FujianFormRead; findings: FormSink['findings'] } {
  const end = lastRow(sheet);
  const nameAt = findLabel(sheet, start.row, end, (l) => l === '项目名称');
  const name = (nameAt && textAt(sheet, nameAt.row, nameAt.col + 1)) || sheet.name;
  const { form, sink, titleRef, need } = openForm(sheet, start, 'fujian-2018-r18', name, '常规自评表（R18）');
  const fundsHead = need('二 项目资金情况（表头“计划数(万元)”）', (l) => l.startsWith('计划数'));
  const targetsHead = need('三 项目绩效目标设置及完成情况（表头“目标完成程度(完成值/目标值)”）', (l) => l.startsWith('目标完成程度(完成值'));
  const commonAt = need('四.绩效自评共性指标体系', (l) => /^四[.、]?绩效自评共性指标体系/.test(l));
  const individualAt = need('五.绩效自评个性指标体系', (l) => /^五[.、]?绩效自评个性指标体系/.test(l));
  const closeAt = need('总分值、评价总分(S)', (l) => l.startsWith('总分值') && l.includes('评价总分'));
  if (!fundsHead || !targetsHead || !commonAt || !individualAt || !closeAt) return { form, findings: sink.findings };

  // 二 项目资金情况: the 当年预算 and 以前年度结余结转 rows.
  const fc = {
    plan: fundsHead.col,
    arrived: findCol(sheet, fundsHead.row, (l) => l.startsWith('到位数')),
    spent: findCol(sheet, fundsHead.row, (l) => l.startsWith('支出数')),
  };
  const fundRow = (test: (l: string) => boolean): Funds => {
    const at = findLabel(sheet, fundsHead.row + 1, targetsHead.row, test);
    if (!at) return {};
    return {
      plan: formNumber(sheet, at.row, fc.plan, '计划数', sink),
      arrived: formNumber(sheet, at.row, fc.arrived, '到位数', sink),
      spent: formNumber(sheet, at.row, fc.spent, '支出数', sink),
    };
  };
  const current = fundRow((l) => l.replace(/^其中[:：]/, '') === '当年预算');
  const carried = fundRow((l) => l === '以前年度结余结转');

  // 三 绩效目标: rows until 设置绩效目标数量; 分类细化 may be merged down (printed once per kind).
  const kindCol = findCol(sheet, targetsHead.row, (l) => l.startsWith('分类细化'));
  const contentCol = findCol(sheet, targetsHead.row, (l) => l.startsWith('绩效目标内容'));
  const countAt = findLabel(sheet, targetsHead.row + 1, commonAt.row, (l) => l.startsWith('设置绩效目标数量'));
  const kinds = new Set<string>();
  let kind = '';
  for (let row = targetsHead.row + 1; row < (countAt?.row ?? commonAt.row); row++) {
    kind = labelOf(textAt(sheet, row, kindCol)) || kind;
    const content = labelOf(textAt(sheet, row, contentCol));
    if (content && !/^[/\\]$/.test(content) && kind) kinds.add(kind);
  }
  let setCount: number | null = null;
  let doneCount: number | null = null;
  if (countAt) {
    setCount = formNumber(sheet, countAt.row, countAt.col + 1, '设置绩效目标数量', sink);
    doneCount = numberRightOf(sheet, countAt.row, (l) => l.startsWith('完成目标数量'), '完成目标数量', sink);
  }
  const meanAt = findLabel(sheet, targetsHead.row + 1, commonAt.row, (l) => l.startsWith('目标完成程度(目标完成程度算术平均数'));
  const meanRatio = meanAt ? formRatio(sheet, meanAt.row, meanAt.col + 1, '目标完成程度', sink) : null;

  const ratioOf = (f: Funds, spent: 'spent', of: 'plan' | 'arrived') =>
    f[spent] != null && f[of] != null ? { numerator: f[spent]!, denominator: f[of]! } : {};
  const inputsOf: Record<string, FujianRow['inputs'] | undefined> = {
    'R18.C01': setCount !== null && doneCount !== null ? { numerator: doneCount, denominator: setCount } : {},
    'R18.C02': ratioOf(current, 'spent', 'plan'),
    'R18.C03': ratioOf(current, 'spent', 'arrived'),
    'R18.C04': ratioOf(carried, 'spent', 'plan'),
    'R18.C08': setCount !== null ? { count: setCount } : {},
    'R18.C09': { count: kinds.size },
    'R18.C10': meanRatio !== null ? { ratio: meanRatio } : {},
  };

  // 四 共性指标.
  const ch = findLabel(sheet, commonAt.row + 1, individualAt.row, (l) => l.startsWith('三级指标'));
  if (!ch) sink.error('共性指标体系缺少表头“三级指标”。', refOf(sheet, commonAt));
  else {
    const wc = findCol(sheet, ch.row, (l) => l === '分值');
    const sc = findCol(sheet, ch.row, (l) => l === '得分');
    for (let row = ch.row + 1; row < individualAt.row; row++) {
      const label = labelOf(textAt(sheet, row, ch.col));
      if (!label) continue;
      const rule = commonRule(label);
      const scoreRef = sc === null ? undefined : refOf(sheet, { row, col: sc });
      if (!rule) {
        sink.error(`三级指标“${textAt(sheet, row, ch.col)}”不是R18共性指标（名称和评分标准不得更改）。`, refOf(sheet, { row, col: ch.col }));
        continue;
      }
      const inputs = inputsOf[rule];
      form.evaluation.rows.push({
        rule,
        name: textAt(sheet, row, ch.col),
        weight: formNumber(sheet, row, wc, '分值', sink),
        inputs: inputs ?? {},
        unprinted: inputs === undefined,
        score: formNumber(sheet, row, sc, '得分', sink),
        cells: { score: scoreRef, weight: wc === null ? undefined : refOf(sheet, { row, col: wc }) },
      });
    }
  }

  // 五 个性指标: score = min(分值, 分值 × 完成值/目标值); rows until 调整指标.
  const adjustAt = findLabel(sheet, individualAt.row + 1, closeAt.row, (l) => l === '调整指标');
  const ih = findLabel(sheet, individualAt.row + 1, closeAt.row, (l) => l.startsWith('三级指标'));
  const stop = adjustAt?.row ?? closeAt.row;
  if (!ih) sink.error('个性指标体系缺少表头“三级指标”。', refOf(sheet, individualAt));
  else {
    const col = (test: (l: string) => boolean) => findCol(sheet, ih.row, test);
    const ic = {
      target: col((l) => l === '目标值'),
      actual: col((l) => l === '完成值'),
      weight: col((l) => l === '分值'),
      score: col((l) => l === '得分'),
    };
    for (let row = ih.row + 1; row < stop; row++) {
      const label = labelOf(textAt(sheet, row, ih.col));
      if (!label || /^[/\\]$/.test(label)) continue; // an empty 二级 slot prints no 三级
      const target = formNumber(sheet, row, ic.target, '目标值', sink);
      const actual = formNumber(sheet, row, ic.actual, '完成值', sink);
      form.evaluation.rows.push({
        rule: 'R18.I',
        name: textAt(sheet, row, ih.col),
        weight: formNumber(sheet, row, ic.weight, '分值', sink),
        inputs: target !== null && actual !== null ? { numerator: actual, denominator: target } : {},
        score: formNumber(sheet, row, ic.score, '得分', sink),
        cells: {
          weight: ic.weight === null ? undefined : refOf(sheet, { row, col: ic.weight }),
          score: ic.score === null ? undefined : refOf(sheet, { row, col: ic.score }),
        },
      });
    }
  }

  // 调整指标: 外部监督检查情况 | 评分标准 | 分值 | 得分.
  if (!adjustAt) sink.error('常规自评表（R18）缺少“调整指标”行。', titleRef);
  else {
    // 分值 and 得分 follow the rule text (or, when a unit rewrote it, the indicator name).
    const ruleAt =
      findCol(sheet, adjustAt.row, (l) => l.startsWith('项目单位被审计')) ?? findCol(sheet, adjustAt.row, (l) => l === '外部监督检查情况');
    const [w, s] = numbersAfter(sheet, adjustAt.row, ruleAt ?? adjustAt.col, 2, ['调整指标分值', '调整指标得分'], sink);
    form.evaluation.rows.push({
      rule: 'R18.A01',
      name: '外部监督检查情况',
      weight: w?.value ?? null,
      inputs: {},
      unprinted: true,
      score: s?.value ?? null,
      cells: { weight: w?.ref, score: s?.ref },
    });
  }

  const [tw, ts] = numbersAfter(sheet, closeAt.row, closeAt.col, 2, ['总分值', '评价总分'], sink);
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
