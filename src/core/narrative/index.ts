// The 情况说明 check (issue #13): figures against the tables (N1, N2, N5, N8) and the words (N6, N7, N9).
import type { Finding } from '../findings';
import type { FinalAccounts } from '../model';
import { checkParts, checkSentenceFigures, newFigureContext, type Work } from './check-figures';
import { checkSentenceText } from './check-text';
import type { NarrativeDocument } from './model';
import type { NarrativeResult } from './result';
import { sentencesOf } from './split';

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
}

export function checkNarrativeDocument(doc: NarrativeDocument, accounts: FinalAccounts, options: NarrativeCheckOptions = {}): NarrativeResult {
  const ctx = newFigureContext(accounts);
  const findings: Finding[] = [];
  const works: Work[] = [];
  const textOptions = { year: options.year ?? accounts.year, unitName: options.unitName ?? accounts.unitName };
  for (const s of sentencesOf(doc)) {
    const r = checkSentenceFigures(s, ctx);
    works.push(...r.works);
    findings.push(...r.findings, ...checkSentenceText(s, textOptions));
  }
  findings.push(...checkParts(works));
  return { source: doc.source, figures: works.map((w) => w.result), findings };
}
