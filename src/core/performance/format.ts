// Number formatting for 绩效 messages (points and percentages, not money).

/** 94.03, 10, 0.67 — at most two decimals, no trailing zeros. */
export function pts(x: number): string {
  const r = Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
  return String(r);
}

/** 71.17% */
export function pct(x: number): string {
  return `${pts(x)}%`;
}
