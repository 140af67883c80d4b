// Finds every figure of a sentence: amounts (万元/元/亿元), percentages, counts, and the 增加/减少 … 万元,
// 增长/下降 … % pairs, with what each percentage is "of" when the sentence says it.
import { toHalfWidth } from '../money';

export type FigureKind = 'amount' | 'share' | 'change' | 'rate' | 'count';

export interface TextFigure {
  /** The figure with its unit and the word that qualifies it, as written (e.g. `增加 3146.02 万元`). */
  text: string;
  /** The number as written, read as a number (3146.02). */
  value: number;
  /** Decimals as printed: the precision the figure is compared at. */
  decimals: number;
  kind: FigureKind;
  unit: string;
  /** 增加/增长 (up) or 减少/下降 (down), for a change or a rate. */
  direction?: 'up' | 'down';
  /** For a share: the words between 占 and 的 (`政府采购支出总额`), or `预算` for 完成…预算的. */
  of?: string;
  /** For 完成…预算的: which budget the sentence names (完成年初预算 / 完成全年预算), when it says. */
  budget?: '年初' | '全年';
  /**
   * An amount written in 亿元, as written (`1.59`): `value`, `decimals` and `unit` are then its exact 万元
   * equivalent (15900, −2 decimals: a step of 0.01 亿元 is 100 万元), so it is tied like any 万元 figure.
   */
  yi?: string;
  /** Offsets of the number in the sentence (start) and of the whole figure (end). */
  start: number;
  end: number;
  /** The figure stands in a reason (主要原因是 …): a detail the tables do not carry. */
  inReason: boolean;
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const UNITS = String.raw`亿元|万元|元|%|％|个|人次|辆|批次|台\(套\)|台`;
const FIGURE = new RegExp(String.raw`${NUMBER}\s*(${UNITS})`, 'g');
const COUNT_UNITS = new Set(['个', '人次', '辆', '批次', '台(套)', '台']);
/** Words after which figures are details of a reason (主要用于 lists what the money went to: those are checked). */
const REASON = /主要原因|原因是|主要是/;

/** The text since the last clause break (，；：) before `pos`, where a figure's qualifying word stands. */
function clauseBefore(s: string, pos: number): string {
  const head = s.slice(0, pos);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf('；'), head.lastIndexOf(';'), head.lastIndexOf('：'), head.lastIndexOf(':'));
  return head.slice(cut + 1);
}

function directionOf(word: string): 'up' | 'down' {
  return /增加|增长|上升|提高|超支/.test(word) ? 'up' : 'down';
}

export function extractFigures(sentence: string): TextFigure[] {
  // toHalfWidth maps one character to one, so offsets in `s` are offsets in the sentence as written.
  const s = toHalfWidth(sentence);
  const reasonAt = s.search(REASON);
  const out: TextFigure[] = [];
  for (const m of s.matchAll(FIGURE)) {
    const start = m.index!;
    // A number glued to a letter or digit before it is part of a code or a name, not a figure.
    if (start > 0 && /[A-Za-z\d.-]/.test(s[start - 1])) continue;
    let unit = m[3] === '％' ? '%' : m[3];
    let value = Number(m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
    let decimals = m[2]?.length ?? 0;
    let yi: string | undefined;
    if (unit === '亿元') {
      // 1 亿元 = 10000 万元, from the digits as written (no binary fraction on the way).
      yi = m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : '');
      const digits = Number(yi.replace('.', ''));
      value = decimals <= 4 ? digits * 10 ** (4 - decimals) : digits / 10 ** (decimals - 4);
      decimals -= 4;
      unit = '万元';
    }
    const end = start + m[0].length;
    const clause = clauseBefore(s, start);
    const inReason = reasonAt >= 0 && reasonAt < start;
    let kind: FigureKind;
    let direction: 'up' | 'down' | undefined;
    let of: string | undefined;
    let budgetKind: TextFigure['budget'];
    let textStart = start;
    if (unit === '%') {
      const rate = /(增长|下降|上升|降低|减少|增加)\s*(了)?\s*$/.exec(clause);
      const share = /占([^占]*?)的?(比重|比例)?(为)?\s*$/.exec(clause);
      const budget = /(完成|执行)[^，]*?(预算)[^，]*?的?\s*$/.exec(clause);
      if (rate) {
        kind = 'rate';
        direction = directionOf(rate[1]);
        textStart = start - rate[0].length;
      } else if (budget) {
        kind = 'share';
        of = '预算';
        budgetKind = /年初/.test(budget[0]) ? '年初' : /全年/.test(budget[0]) ? '全年' : undefined;
        textStart = start - budget[0].length;
      } else if (share) {
        kind = 'share';
        of = share[1].replace(/的$/, '').trim();
        textStart = start - share[0].length;
      } else {
        kind = 'share';
      }
    } else if (COUNT_UNITS.has(unit)) {
      kind = 'count';
    } else {
      const change = /(各)?(增加|减少|增长|下降|节约|超支)\s*(了)?\s*$/.exec(clause);
      if (change) {
        kind = 'change';
        direction = directionOf(change[2]);
        textStart = start - change[0].length;
      } else kind = 'amount';
    }
    out.push({
      text: sentence.slice(textStart, end).trim(),
      value,
      decimals,
      kind,
      unit,
      direction,
      of,
      ...(budgetKind ? { budget: budgetKind } : {}),
      ...(yi ? { yi } : {}),
      start,
      end,
      inReason,
    });
  }
  return out;
}

/** The figure as the text wrote it, for messages: `1.59 亿元`, `3048.19 万元`. */
export function writtenAmount(fig: TextFigure): string {
  return fig.yi !== undefined ? `${fig.yi} 亿元` : `${fig.value} ${fig.unit}`;
}
