// The 情况说明 check (issue #13): figures against the tables (N1–N5, N8) and the words (N6, N7, N9).
import type { Finding } from '../findings';
import type { FinalAccounts } from '../model';
import { checkClassShares, checkParts, checkSentenceFigures, newFigureContext, type Work } from './check-figures';
import { checkSentenceText } from './check-text';
import { checkBudgetReasons } from './check-reason';
import type { NarrativeDocument } from './model';
import type { NarrativeResult } from './result';
import { sentencesOf } from './split';
import { NARRATIVE_TABLE } from './finding';

export type { NarrativeDocument, NarrativeParagraph, NarrativeSentence, NarrativeSource, NarrativeLocation } from './model';
export type { FigureResult, FigureStatus, NarrativeResult } from './result';
export { figureCounts } from './result';
export { NARRATIVE_TABLE } from './finding';
export { extractFigures, type TextFigure, type FigureKind } from './figures';
export { sentencesOf, splitSentences } from './split';

export interface NarrativeCheckOptions {
  /** The 决算年度; default: the tables'. */
  year?: number | null;
  /** The unit name the text must use; default: the tables'. */
  unitName?: string | null;
  /** Last year's tables (`--last-year`): the 较上年 增加/减少 amounts are checked against them. */
  lastYear?: FinalAccounts;
}

export function checkNarrativeDocument(doc: NarrativeDocument, accounts: FinalAccounts, options: NarrativeCheckOptions = {}): NarrativeResult {
  const ctx = newFigureContext(accounts, options.lastYear);
  const findings: Finding[] = [];
  const works: Work[] = [];
  const textOptions = { year: options.year ?? accounts.year, unitName: options.unitName ?? accounts.unitName };
  const sentences = sentencesOf(doc);
  for (const s of sentences) {
    const r = checkSentenceFigures(s, ctx);
    works.push(...r.works);
    findings.push(...r.findings, ...checkSentenceText(s, textOptions));
  }
  findings.push(...checkParts(works), ...checkClassShares(works, accounts), ...checkBudgetReasons(sentences));
  if (works.length === 0) findings.push(noFigures(doc));
  return { source: doc.source, figures: works.map((w) => w.result), findings };
}
export { narrativeToJson, type NarrativeJson, type NarrativeReport, type NarrativeFigureJson } from './json';

/** N10: a 情况说明 without a single figure cannot be what it claims to be (or the wrong file was given). */
function noFigures(doc: NarrativeDocument): Finding {
  const first = doc.paragraphs.find((p) => p.text.trim() !== '');
  return {
    rule: 'N10',
    severity: 'warning',
    table: NARRATIVE_TABLE,
    message: first
      ? `情况说明“${doc.source.name}”中没有找到任何金额、百分比或数量，无法与公开表核对；请确认选择的是情况说明。`
      : `情况说明“${doc.source.name}”是空的。`,
    cells: first?.cell ? [first.cell] : [],
    location: { paragraph: first ? 1 : 0, sentence: first ? 1 : 0, cell: first?.cell },
  };
}
