// N6, N7, N9: what is wrong in the words whatever the figures: placeholders and unfilled alternatives,
// the year and the unit name, a rate without its %, doubled punctuation.
import type { Finding } from '../findings';
import { toHalfWidth } from '../money';
import { narrativeFinding } from './finding';
import type { NarrativeSentence } from './model';

/** Template residue: XX, ××, 某某, ……, the draft's 【请填写…】. */
const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/【[^】]*】/g, '未填写的占位符'],
  [/[XxＸｘ]{2,}/g, '占位符'],
  [/[×＊*]{2,}/g, '占位符'],
  [/某某/g, '占位符'],
  [/…{2,}|\.{6,}/g, '省略号占位'],
];

/** 增加（减少）: both alternatives of the template left in. */
const ALTERNATIVES =
  /(增加|减少|增长|下降|大于|小于|高于|低于|上升|节约|超支)\s*[(（]\s*(增加|减少|增长|下降|大于|小于|高于|低于|上升|节约|超支)\s*[)）]/g;

/** A rate whose number is not followed by %. */
const RATE_WITHOUT_PERCENT =
  /(增长|下降|上升|降低|预算的|总额的|金额的|支出的|比重为|比例为)\s*(\d+(?:\.\d+)?)(?!\s*[%％\d.])(?!\s*(亿元|万元|元|个|人次|辆|批次|台|倍|年))/g;

/** Full-width digits and points as half-width, nothing else (。 must stay a full stop here). */
const digitsHalfWidth = (t: string) => t.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Two clause or sentence marks in a row (。。 ，， 。， …), not an ellipsis. */
const DOUBLED_PUNCTUATION = /([，。；：、！？,;:])\s*([，。；：、！？,;:])/g;

export interface TextCheckOptions {
  /** The 决算年度 of the tables. */
  year: number | null;
  /** The unit name as the tables print it. */
  unitName: string | null;
}

function yearFindings(s: NarrativeSentence, year: number): Finding[] {
  const out: Finding[] = [];
  const t = toHalfWidth(s.text);
  for (const m of t.matchAll(/截至\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g)) {
    if (Number(m[1]) !== year) out.push(narrativeFinding('N7', 'error', s, `“${m[0]}”的年份应为决算年度 ${year} 年。`, s.cell ? [s.cell] : []));
  }
  // The 决算年度 as the sentence's own year: a year opening the sentence (or a heading) before 年度/年.
  const lead = /^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.]\s*)?(\d{4})\s*年(度)?/.exec(t);
  if (lead && Number(lead[1]) !== year && !/上年|比上年/.test(t.slice(0, lead.index))) {
    out.push(narrativeFinding('N7', 'error', s, `句首的年度“${lead[1]}年${lead[2] ?? ''}”与决算年度 ${year} 年不一致。`, s.cell ? [s.cell] : []));
  }
  return out;
}

/**
 * A unit name written in the text that is not the tables' (本单位 is fine). Only where the text names
 * itself: the name opens the sentence, or is followed by 本级, a year or 决算. Another body mentioned in
 * passing (上级主管部门, a partner) is not the unit.
 */
const UNIT_NAME = /([\u4e00-\u9fa5]{2,8}(?:省|市|区|县))([\u4e00-\u9fa5]{2,16}?(?:局|委员会|办公室|厅))(\s*[(（]本级[)）])?/g;

function unitFindings(s: NarrativeSentence, unitName: string): Finding[] {
  const want = toHalfWidth(unitName).replace(/\s|\(本级\)/g, '');
  const out: Finding[] = [];
  const text = toHalfWidth(s.text);
  for (const m of text.matchAll(UNIT_NAME)) {
    const after = text.slice(m.index! + m[0].length);
    // The place part can swallow the words before it (主要原因是按福州市…): opening the sentence means a short one.
    const opens = text.slice(0, m.index).trim() === '' && m[1].length <= 5;
    if (!m[3] && !opens && !/^\s*(\d{4}\s*年|决算|部门决算|单位决算)/.test(after)) continue;
    const name = (m[1] + m[2]).replace(/\s/g, '');
    if (name === want || want.startsWith(name) || name.endsWith(want)) continue;
    out.push(narrativeFinding('N7', 'error', s, `单位名称“${m[0].trim()}”与公开表的“${unitName}”不一致。`, s.cell ? [s.cell] : []));
  }
  return out;
}

export function checkSentenceText(s: NarrativeSentence, options: TextCheckOptions): Finding[] {
  const out: Finding[] = [];
  const cells = s.cell ? [s.cell] : [];
  for (const [re, what] of PLACEHOLDERS) {
    for (const m of s.text.matchAll(re)) out.push(narrativeFinding('N6', 'error', s, `含${what}“${m[0]}”，请填写实际内容。`, cells));
  }
  for (const m of s.text.matchAll(ALTERNATIVES))
    out.push(narrativeFinding('N6', 'error', s, `模板中的备选写法“${m[0]}”未删改，请只保留实际情况（${m[1]}或${m[2]}）。`, cells));
  if (options.year !== null) out.push(...yearFindings(s, options.year));
  if (options.unitName) out.push(...unitFindings(s, options.unitName));
  for (const m of digitsHalfWidth(s.text).matchAll(RATE_WITHOUT_PERCENT))
    out.push(narrativeFinding('N9', 'warning', s, `“${m[0].trim()}”后缺少百分号“%”。`, cells));
  for (const m of s.text.matchAll(DOUBLED_PUNCTUATION)) out.push(narrativeFinding('N9', 'warning', s, `标点重复“${m[0]}”。`, cells));
  return out;
}
