// A narrative finding: the sentence quoted (at most 100 characters), its location, the cells involved.
import type { CellRef } from '../cells';
import type { Finding, Severity } from '../findings';
import type { NarrativeSentence } from './model';

/** The `table` of every narrative finding (the nine tables are 01…09, 绩效 findings a project name). */
export const NARRATIVE_TABLE = '情况说明';

const QUOTE_MAX = 100;

export function quote(sentence: string): string {
  const t = sentence.trim();
  return t.length <= QUOTE_MAX ? t : `${t.slice(0, QUOTE_MAX - 1)}…`;
}

export function narrativeFinding(
  rule: string,
  severity: Severity,
  sentence: NarrativeSentence,
  detail: string,
  cells: CellRef[],
  extra: Partial<Finding> = {},
): Finding {
  return {
    ...extra,
    rule,
    severity,
    table: NARRATIVE_TABLE,
    message: `第${sentence.paragraph}段“${quote(sentence.text)}”：${detail}`,
    cells,
    location: { paragraph: sentence.paragraph, sentence: sentence.sentence, cell: sentence.cell },
  };
}
