// Collects the draft's paragraphs, with the helpers every section words its figures with.
import { gap, REASON, type DraftParagraph, type NarrativeInput } from './model';
import { changeClause, percent, wan } from './format';

export class DraftWriter {
  readonly paragraphs: DraftParagraph[] = [];
  /** "2024", or a gap when the figures name no year. */
  readonly year: string;

  constructor(readonly input: NarrativeInput) {
    this.year = input.accounts.year ? String(input.accounts.year) : gap('决算年度');
  }

  get hasLastYear(): boolean {
    return !!this.input.lastYear;
  }

  title(text: string): void {
    this.paragraphs.push({ level: 'title', text });
  }
  h1(text: string): void {
    this.paragraphs.push({ level: 'h1', text });
  }
  h2(text: string): void {
    this.paragraphs.push({ level: 'h2', text });
  }
  body(text: string): void {
    this.paragraphs.push({ level: 'body', text });
  }
}

/** "1653.66万元", or a gap naming the figure when the tables do not carry it. */
export function amount(minor: number | null | undefined, what: string): string {
  return minor === null || minor === undefined ? `${gap(what)}万元` : `${wan(minor)}万元`;
}

/** "，占本年收入合计的12.50%" ("" when a share cannot be stated: a missing figure or a zero whole). */
export function shareOf(part: number | null, whole: number | null, wholeName: string): string {
  if (part === null || whole === null || part === 0) return '';
  const p = percent(part, whole);
  return p === null ? '' : `，占${wholeName}的${p}%`;
}

/**
 * The comparison with last year and, when the figure changed, the reason to give:
 * "较上年决算数增加1.00万元，增长25.00%。主要原因是【请填写主要原因】。"; with no last year, a gap.
 */
export function yearOnYear(w: DraftWriter, current: number | null, previous: number | null | undefined): string {
  if (current === null) return '。';
  if (!w.hasLastYear || previous === null || previous === undefined) {
    return `，较上年决算数${gap('增减额及增减率')}。主要原因是${REASON}。`;
  }
  const c = changeClause(current, previous);
  return c.changed ? `，${c.text}。主要原因是${REASON}。` : `，${c.text}。`;
}
