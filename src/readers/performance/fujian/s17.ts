// 项目简易自评表 (S17): 项目名称 …, the 项目资金 block, the 绩效评价指标体系 (ten slots: A, B, C, D, 评分标准,
// 分值E, 得分F) and the 总权重、评价总分（S） / 评价等级 rows. Layout: docs/fujian-forms.md#s17.
import type { FujianRow } from '../../../core/performance/fujian';
import type { FujianFormRead } from '../../../core/performance/model';
import { lastRow, type SheetSnapshot } from '../../../port/snapshot';
import { labelOf } from '../cells';
import { findCol, findLabel, FormSink, formNumber, formRatio, openForm, readGrade, refOf, textAt, type At } from './grid';

export function readS17(sheet: SheetSnapshot, start: At): { form: FujianFormRead; findings: FormSink['findings'] } {
  const name = textAt(sheet, start.row, start.col + 1) || sheet.name;
  const { form, sink, titleRef } = openForm(sheet, start, 'fujian-2018-s17', name, '简易自评表');
  const header = findLabel(sheet, start.row, lastRow(sheet), (l) => l.startsWith('分值(E'));
  const close = findLabel(sheet, start.row, lastRow(sheet), (l) => l.startsWith('总权重') && l.includes('评价总分'));
  const gradeAt = findLabel(sheet, start.row, lastRow(sheet), (l) => l.startsWith('评价等级'));
  if (!header) {
    sink.error(`简易自评表缺少“绩效评价指标体系”块（找不到表头“分值（E）”）。`, titleRef);
    return { form, findings: sink.findings };
  }
  const h = header.row;
  const col = (test: (l: string) => boolean) => findCol(sheet, h, test);
  const cols = {
    level3: col((l) => l === '三级指标'),
    a: col((l) => l.startsWith('财政批复目标值')),
    b: col((l) => l.startsWith('增编指标计划值')),
    c: col((l) => l.startsWith('实际完成值')),
    d: col((l) => l.startsWith('完成比例')),
    e: header.col,
    f: col((l) => l.startsWith('得分(F')),
  };
  const end = close?.row ?? lastRow(sheet) + 1;
  for (let row = h + 1; row < end; row++) {
    const label = labelOf(textAt(sheet, row, cols.level3));
    const weight = formNumber(sheet, row, cols.e, '分值', sink);
    if (weight === null && (label === '' || /^[/\\]$/.test(label))) continue; // an unused slot
    const a = formNumber(sheet, row, cols.a, '财政批复目标值', sink);
    const b = formNumber(sheet, row, cols.b, '增编指标计划值', sink);
    const c = formNumber(sheet, row, cols.c, '实际完成值', sink);
    const d = formRatio(sheet, row, cols.d, '完成比例', sink);
    // D = C/A or C/B, computed exactly when C and A (or B) are printed; the printed D otherwise.
    const base = a ?? b;
    const inputs: FujianRow['inputs'] = c !== null && base !== null ? { numerator: c, denominator: base } : d !== null ? { ratio: d } : {};
    evaluationRows(form).push({
      rule: 'S17.F',
      name: textAt(sheet, row, cols.level3),
      weight,
      inputs,
      score: formNumber(sheet, row, cols.f, '得分', sink),
      cells: { weight: refOf(sheet, { row, col: cols.e }), score: cols.f === null ? undefined : refOf(sheet, { row, col: cols.f }) },
    });
  }
  if (close) {
    form.evaluation.totalWeight = formNumber(sheet, close.row, cols.e, '总权重', sink);
    form.evaluation.total = formNumber(sheet, close.row, cols.f, '评价总分', sink);
    form.evaluation.cells = { totalWeight: refOf(sheet, { row: close.row, col: cols.e }) };
    if (cols.f !== null) form.evaluation.cells.total = refOf(sheet, { row: close.row, col: cols.f });
  } else sink.error('简易自评表缺少“总权重、评价总分（S）”行。', titleRef);
  if (gradeAt) {
    const g = readGrade(sheet, gradeAt.row, sink);
    form.evaluation.grade = g.grade;
    form.evaluation.cells = { ...form.evaluation.cells, grade: g.ref };
  }
  return { form, findings: sink.findings };
}

function evaluationRows(form: FujianFormRead): FujianRow[] {
  return form.evaluation.rows;
}
