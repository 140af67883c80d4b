// The 情况说明 draft as plain data: paragraphs in order, each with its heading level, written to a sheet
// (generate) or a .docx (the narrative command) by the front ends.
import type { FinalAccounts } from '../../core/model';
import type { DocumentParagraph } from '../../port/document';

export type { ParagraphLevel } from '../../port/document';
export type DraftParagraph = DocumentParagraph;

export interface NarrativeDraft {
  paragraphs: DraftParagraph[];
  /** How many 【请填写…】 gaps the officer still has to fill. */
  placeholders: number;
}

/** Keys of the working sheets' 三公数量 sheet (core/workings/spec.ts, sheet `counts`). */
export type CountKey = 'abroadGroups' | 'abroadPersons' | 'carsPurchased' | 'carsHeld' | 'receptionBatches' | 'receptionPersons';

export type ThreePublicItem = 'abroad' | 'carPurchase' | 'carRun' | 'reception';

export interface NarrativeInput {
  accounts: FinalAccounts;
  /** Last year's nine tables, when the user gave them: the 较上年 sentences. */
  lastYear?: FinalAccounts | null;
  /** The 三公数量 the working sheets give (团组, 人次, 辆, 批次). */
  counts?: Partial<Record<CountKey, number>>;
  /** 三公 预算数 in 分 from the working sheets, for tables that print only the 决算数. */
  threePublicBudget?: Partial<Record<ThreePublicItem, number>>;
}

/** A gap the figures cannot fill: visible, and reported by the narrative check while it remains. */
export function gap(what: string): string {
  return `【请填写${what}】`;
}

export const REASON = gap('主要原因');
