// The 情况说明 draft from the figures (issue #13): the model of the nine tables, last year's tables when
// known, and the working sheets' 三公数量 → paragraphs in the official section order. Pure: the front ends
// write the paragraphs to a sheet (sheet.ts) or a .docx.
import type { NarrativeDraft, NarrativeInput } from './model';
import { basicSection, generalBudgetSection } from './budget';
import { fundSection, otherSection, threePublicSection } from './others';
import { fiscalSection, incomeSection, overallSection, spendingSection } from './totals';
import { DraftWriter } from './writer';

export type { CountKey, DraftParagraph, NarrativeDraft, NarrativeInput, ParagraphLevel, ThreePublicItem } from './model';
export { gap, REASON } from './model';
export { draftSheet, DRAFT_SHEET_NAME } from './sheet';

const PLACEHOLDER = /【请填写[^】]*】/g;

export function draftNarrative(input: NarrativeInput): NarrativeDraft {
  const w = new DraftWriter(input);
  const unit = input.accounts.unitName ?? '本单位';
  w.title(`${unit}${w.year}年度决算情况说明`);
  overallSection(w);
  incomeSection(w);
  spendingSection(w);
  fiscalSection(w);
  generalBudgetSection(w);
  basicSection(w);
  threePublicSection(w);
  fundSection(w);
  otherSection(w);
  const placeholders = w.paragraphs.reduce((n, p) => n + (p.text.match(PLACEHOLDER)?.length ?? 0), 0);
  return { paragraphs: w.paragraphs, placeholders };
}
