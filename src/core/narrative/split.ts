// Splits the narrative into sections (一、…九、), paragraphs and sentences, keeping each sentence's place.
import type { NarrativeDocument, NarrativeSentence, SectionTopic } from './model';

/** A top-level heading: 一、 … 十、 at the start of a paragraph. */
const SECTION_HEADING = /^\s*[一二三四五六七八九十]{1,3}\s*[、．.]/;

/** The section's topic from the words of its heading, most specific first. */
const TOPIC_WORDS: Array<[RegExp, SectionTopic]> = [
  [/三公/, 'threePublic'],
  [/基本支出/, 'basic'],
  [/政府性基金/, 'govFund'],
  [/国有资本经营/, 'stateCapital'],
  [/财政拨款收入支出/, 'fiscal'],
  [/一般公共预算(财政)?拨款支出/, 'generalBudget'],
  [/收入支出决算总体/, 'overall'],
  [/绩效/, 'performance'],
  [/其他重要事项|机关运行经费|政府采购|国有资产/, 'other'],
];

export function topicOfHeading(heading: string): SectionTopic {
  for (const [re, topic] of TOPIC_WORDS) if (re.test(heading)) return topic;
  return 'unknown';
}

export function isSectionHeading(text: string): boolean {
  return SECTION_HEADING.test(text) && text.length <= 60;
}

/**
 * Sentences end at 。！？ (a run of them stays with its sentence, so a doubled 。。 is seen by the
 * punctuation rule); a sentence never spans paragraphs.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?]*(?:[。！？!?]+|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m[0];
    if (s.trim() !== '') out.push(s);
    if (m.index! >= text.length) break;
  }
  return out;
}

export function sentencesOf(doc: NarrativeDocument): NarrativeSentence[] {
  const out: NarrativeSentence[] = [];
  let topic: SectionTopic = 'unknown';
  let section = '';
  let paragraph = 0;
  for (const p of doc.paragraphs) {
    if (p.text.trim() === '') continue;
    paragraph += 1;
    if (isSectionHeading(p.text)) {
      section = p.text.trim();
      topic = topicOfHeading(section);
    }
    splitSentences(p.text).forEach((text, i) => out.push({ paragraph, sentence: i + 1, text, cell: p.cell, topic, section }));
  }
  return out;
}
