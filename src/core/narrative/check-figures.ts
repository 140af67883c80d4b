// N1, N2, N3, N5, N8: every figure of the text against the tables (or against the text's own figures where the
// tables do not carry them). This file walks a sentence's figures and hands each to its check.
import type { CellRef } from '../cells';
import type { Finding, Severity } from '../findings';
import { toHalfWidth, unitValueToMinor } from '../money';
import { extractFigures } from './figures';
import type { NarrativeSentence } from './model';
import type { FigureResult } from './result';
import { subjectBefore } from './subjects';
import { narrativeFinding } from './finding';
import { cellsOf, textUnit, type FigureCheckContext, type Work } from './figure-work';
import { checkAmount } from './check-amount';
import { checkChange, checkRate } from './check-change';
import { checkBudgetComparison, checkProcurementCategories, checkShare } from './check-share';

export { newFigureContext, type FigureCheckContext, type Work } from './figure-work';
export { checkParts } from './check-parts';
export { checkClassShares } from './check-share';

export function checkSentenceFigures(sentence: NarrativeSentence, ctx: FigureCheckContext): { works: Work[]; findings: Finding[] } {
  const s = toHalfWidth(sentence.text);
  const findings: Finding[] = [];
  const works: Work[] = [];
  const report = (rule: string, severity: Severity, message: string, cells: CellRef[], extra: Partial<Finding> = {}) =>
    findings.push(narrativeFinding(rule, severity, sentence, message, cellsOf(sentence, cells), extra));

  let prevEnd = 0;
  /** The amount a change or a rate in this sentence is about (the last amount with a subject). */
  let current: Work | null = null;
  const figs = extractFigures(sentence.text);
  for (const fig of figs) {
    const result: FigureResult = {
      text: fig.text,
      value: fig.value,
      kind: fig.kind,
      unit: fig.unit,
      sentence,
      subject: null,
      status: 'unverified',
      cells: [],
    };
    const work: Work = { fig, result, subject: null, resolution: null };
    works.push(work);
    const unit = textUnit(fig.unit);
    if (unit) work.minor = unitValueToMinor(fig.value, unit);
    const windowStart = fig.kind === 'share' ? fig.start : prevEnd;
    prevEnd = fig.end;

    if (fig.inReason) {
      result.note = '原因说明中的明细数，公开表不单列，未核对';
      continue;
    }
    if (fig.kind === 'count') {
      result.subject = subjectBefore(s, windowStart, fig.start)?.label ?? null;
      result.note = `公开表中没有数量（${fig.unit.replace('(', '（').replace(')', '）')}），未核对`;
      continue;
    }
    if (fig.kind === 'change' || fig.kind === 'rate') {
      result.subject = current?.result.subject ?? null;
      if (fig.kind === 'change') checkChange(work, current, ctx, sentence, report);
      else checkRate(work, works, current, report);
      continue;
    }
    if (fig.kind === 'share') {
      checkShare(work, current, ctx, report);
      continue;
    }
    // An amount: its subject is named before it, after the previous figure.
    const subject = subjectBefore(s, windowStart, fig.start, ctx.names);
    if (!subject) {
      result.note = '无法从句子确定这个金额指的是哪一项，未核对';
      continue;
    }
    work.subject = subject;
    result.subject = subject.label;
    const resolution = subject.resolve(ctx.accounts, sentence.topic);
    work.resolution = resolution;
    current = work;
    ctx.stated.set(subject.id, work);
    checkAmount(work, resolution, ctx, report);
  }
  checkProcurementCategories(works, ctx, report);
  checkBudgetComparison(s, works, ctx, report);
  for (const w of works) if (w.fig.yi !== undefined) reportInYi(w.result, w.fig.yi);
  return { works, findings };
}

/** A figure written in 亿元 is reported as written (1.59 亿元), its expected figure in 亿元 too; checked as 万元. */
function reportInYi(result: FigureResult, written: string): void {
  result.value = Number(written);
  result.unit = '亿元';
  if (result.expected !== undefined) result.expected = Math.round(result.expected * 100) / 1_000_000;
}
