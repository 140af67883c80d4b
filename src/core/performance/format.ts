// Number formatting for 绩效 messages (points and percentages, not money).
import { plainNumberText } from '../money';
import { roundScore } from './formulas';

/** 94.03, 10, 0.67 — at most two decimals (rounded as scores are), no trailing zeros. */
export function pts(x: number): string {
  // Never `Infinity` or `1e+21` (a cell of 1e308 makes a rate of Infinity).
  return Number.isFinite(x) ? plainNumberText(roundScore(x)) : '（超出范围的数）';
}

/** 71.17% */
export function pct(x: number): string {
  return `${pts(x)}%`;
}
