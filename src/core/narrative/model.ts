// The 情况说明 (narrative) as the checker sees it: paragraphs in order, split into sentences, each with
// where it stands (paragraph number, and the sheet cell when the text came from a sheet).
import type { CellRef } from '../cells';

export interface NarrativeParagraph {
  /** The text exactly as written (matching normalises a copy, never this). */
  text: string;
  /** The sheet cell holding the paragraph, when the narrative is a sheet. */
  cell?: CellRef;
}

/** Where the narrative came from: a file (.docx, .txt) or a sheet of the workbook. */
export interface NarrativeSource {
  kind: 'docx' | 'txt' | 'sheet' | 'text';
  /** File path or sheet name, for messages. */
  name: string;
}

export interface NarrativeDocument {
  source: NarrativeSource;
  paragraphs: NarrativeParagraph[];
}

/** What a section is about, read off its heading (the numbering differs between regions). */
export type SectionTopic =
  | 'overall' // 收入支出决算总体情况
  | 'fiscal' // 财政拨款收入支出决算总体情况
  | 'generalBudget' // 一般公共预算财政拨款支出
  | 'govFund' // 政府性基金
  | 'stateCapital' // 国有资本经营
  | 'basic' // 一般公共预算财政拨款基本支出
  | 'threePublic' // “三公”经费
  | 'performance' // 预算绩效
  | 'other' // 其他重要事项 (机关运行经费, 政府采购, 国有资产)
  | 'unknown';

export interface NarrativeSentence {
  /** 1-based paragraph number (blank paragraphs are not counted). */
  paragraph: number;
  /** 1-based sentence number within the paragraph. */
  sentence: number;
  text: string;
  cell?: CellRef;
  topic: SectionTopic;
  /** The heading of the current section (一、…), for messages. */
  section: string;
}

/** Where a narrative finding points: paragraph, sentence and the sheet cell when there is one. */
export interface NarrativeLocation {
  paragraph: number;
  sentence: number;
  cell?: CellRef;
}
