// Header labels that need two lines break between words, never inside one (对附属单位 / 补助支出, not
// 对附属单位补 / 助支出): an explicit line break at the most balanced word boundary, and the column as
// wide as the longer line. Words are found by longest match against the words the 公开 headers are made of.
import { textWidth } from './styles';

/** The words of the published headers (the 2024 sets and the 2018 set), longest matched first. */
const WORDS = [
  '一般公共预算',
  '政府性基金预算',
  '国有资本经营预算',
  '财政拨款',
  '非财政拨款',
  '结余分配',
  '专用结余',
  '附属单位',
  '上级补助',
  '上缴上级',
  '支出功能分类',
  '功能分类',
  '经济分类',
  '科目编码',
  '科目名称',
  '人员经费',
  '公用经费',
  '公务用车',
  '公务接待',
  '因公出国',
  '运行维护',
  '机关运行',
  '本年',
  '年初',
  '年末',
  '收入',
  '支出',
  '合计',
  '小计',
  '总计',
  '事业',
  '经营',
  '其他',
  '基本',
  '项目',
  '补助',
  '上缴',
  '使用',
  '结转',
  '结余',
  '决算数',
  '预算数',
  '金额',
  '行次',
  '栏次',
  '购置',
  '经费',
].sort((a, b) => b.length - a.length);

/** The text cut into words: known words by longest match, anything else one character at a time. */
export function headerWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const word = WORDS.find((w) => text.startsWith(w, i));
    // Brackets stay with what they enclose: （境） is one word.
    const bracket = /^[（(][^）)]*[）)]/.exec(text.slice(i))?.[0];
    const next = word ?? bracket ?? text[i];
    words.push(next);
    i += next.length;
  }
  return words;
}

/** The two lines (joined by \n) that break `text` at the word boundary where the longer line is shortest. */
export function breakAtWords(text: string): string {
  if (text.includes('\n')) return text;
  const words = headerWords(text);
  let best: { at: number; longest: number } | null = null;
  for (let at = 1; at < words.length; at++) {
    const longest = Math.max(textWidth(words.slice(0, at).join('')), textWidth(words.slice(at).join('')));
    // On a tie the later boundary (a longer first line): 本年收入 / 合计 rather than 本年 / 收入合计.
    if (!best || longest <= best.longest) best = { at, longest };
  }
  return best ? `${words.slice(0, best.at).join('')}\n${words.slice(best.at).join('')}` : text;
}

/** Display width of a text that may hold line breaks: its widest line. */
export function linesWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(textWidth));
}
