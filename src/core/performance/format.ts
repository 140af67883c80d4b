// Number formatting for 绩效 messages (points and percentages, not money).
import { roundScore } from './formulas';

/** 94.03, 10, 0.67 — at most two decimals (rounded as scores are), no trailing zeros. */
export function pts(x: number): string {
  return String(roundScore(x));
}

/** 71.17% */
export function pct(x: number): string {
  return `${pts(x)}%`;
}
