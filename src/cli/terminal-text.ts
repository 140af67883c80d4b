// Text tables for a monospace terminal (the CLI's summaries): CJK and full-width characters take two columns.

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns the text takes on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Pads to `w` columns, on the right (text) or on the left (`alignRight`, figures). */
export function padDisplay(s: string, w: number, alignRight = false): string {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return alignRight ? fill + s : s + fill;
}
