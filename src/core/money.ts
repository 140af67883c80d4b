// Money as exact integers. Every amount is held in 分 (0.01 元) whatever the table's unit,
// so a 万元 table's 1653.66 is 1_653_660_000 分 and sums never touch floating point.

export type MoneyUnit = '元' | '万元';

/** 分 per one unit of the table (1 元 = 100 分, 1 万元 = 1,000,000 分). */
export const MINOR_PER_UNIT: Record<MoneyUnit, number> = { 元: 100, 万元: 1_000_000 };

/** 分 per printed hundredth (0.01) of the table's unit: the smallest printed step. */
export function minorPerCent(unit: MoneyUnit): number {
  return MINOR_PER_UNIT[unit] / 100;
}

export type ParsedAmount =
  | { kind: 'number'; minor: number }
  | { kind: 'blank' }
  | { kind: 'dash' }
  /**
   * `tooLarge`: a number whose 分 exceed what a double holds exactly (2^53): it cannot be checked.
   * `spaced`: digits apart by spaces (`12 34`) that are no thousands grouping: which number is meant is unknown.
   */
  | { kind: 'invalid'; text: string; tooLarge?: boolean; spaced?: boolean };

/** An amount in 分 that sums stay exact with; beyond it, a figure is reported, never used. */
export function isCheckableMinor(minor: number): boolean {
  return Number.isSafeInteger(minor);
}

const HALF_WIDTH: Record<string, string> = {
  '．': '.',
  '。': '.',
  '，': ',',
  '－': '-',
  '−': '-',
  '﹣': '-',
  '（': '(',
  '）': ')',
  '＋': '+',
  '\u3000': ' ',
};
const NEEDS_HALF_WIDTH = /[０-９．。，－−﹣（）＋\u3000]/g;

/** Normalises full-width digits and punctuation that real workbooks contain (one pass; most text has none). */
export function toHalfWidth(text: string): string {
  NEEDS_HALF_WIDTH.lastIndex = 0;
  if (!NEEDS_HALF_WIDTH.test(text)) return text;
  NEEDS_HALF_WIDTH.lastIndex = 0;
  return text.replace(NEEDS_HALF_WIDTH, (ch) => HALF_WIDTH[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Half-width and without whitespace: the form readers match text in (PDF-born cells split words: `执行率 (%)`). */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** What stands for "no figure" in a printed cell (after compactText). */
const DASHES = new Set(['-', '--', '—', '——', '–', '/', '\\', '－', '一']);

/** A cell that holds a dash instead of a figure (`—`, `-`, `/`, `一` …; spaces inside do not count). */
export function isDash(text: string): boolean {
  return DASHES.has(compactText(text));
}

/** A number as plain decimal digits, never `1e+21` or `1e-7` (messages quote it). */
export function plainNumberText(value: number): string {
  if (!Number.isFinite(value)) return '（超出范围的数）';
  if (value === 0) return '0';
  // Fast path (10% of a check's time went to toLocaleString, via every 绩效 score's text): String() gives the
  // same digits whenever it has no exponent and at most 20 decimals (checked against toLocaleString over
  // millions of values; test/core/money.test.ts samples it).
  const quick = String(value);
  if (quick.indexOf('e') < 0) {
    const dot = quick.indexOf('.');
    if (dot < 0 || quick.length - dot - 1 <= 20) return quick;
  }
  const digits =
    Math.abs(value) >= 1e21 ? BigInt(value).toString() : value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  // 1.7976931348623157e308 has 309 digits: its first ones and its length say enough.
  return digits.length > 30 ? `${digits.slice(0, 20)}…（共 ${digits.replace(/^-/, '').length} 位）` : digits;
}

/** Digits apart by whitespace: `12 34`, `1 234.5`. */
const DIGITS_APART = /[\d.]\s+[\d.]/;
/** A thousands grouping by spaces (`1 234 567.00`, also with a no-break or thin space), a sign, parentheses or unit. */
const SPACE_GROUPED = /^\(?[+-]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?\)?\s*(?:万元|元)?$/;
/** PDF extraction puts a space between every character (`0 . 0 0`, `1 2 3 . 4 5`): one space, one character. */
const CHAR_BY_CHAR = /^\S(?: \S)+$/;

/** Whether spaces between digits leave the number unclear (`' 12 34 '`), so it must not be read. */
function unclearSpacing(text: string): boolean {
  return DIGITS_APART.test(text) && !SPACE_GROUPED.test(text) && !CHAR_BY_CHAR.test(text);
}

/** Rounds a value given in the table's unit to whole 分. */
export function unitValueToMinor(value: number, unit: MoneyUnit): number {
  return Math.round(value * MINOR_PER_UNIT[unit]);
}

/**
 * Reads an amount cell: a number, or text such as `9,873.30`, `９８７３.３０`, `(12.00)`, `—`, blank.
 * Returns 分. Anything else is `invalid` and is reported by the caller with its cell.
 */
export function parseAmount(raw: unknown, unit: MoneyUnit): ParsedAmount {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'invalid', text: plainNumberText(raw), tooLarge: true };
    const minor = unitValueToMinor(raw, unit);
    return isCheckableMinor(minor) ? { kind: 'number', minor } : { kind: 'invalid', text: plainNumberText(raw), tooLarge: true };
  }
  if (typeof raw === 'boolean') return { kind: 'invalid', text: String(raw) };
  const text = toHalfWidth(String(raw)).trim();
  if (text === '') return { kind: 'blank' };
  const compacted = text.replace(/\s+/g, '');
  if (DASHES.has(compacted)) return { kind: 'dash' };
  if (unclearSpacing(text)) return { kind: 'invalid', text, spaced: true };
  let t = compacted.replace(/(万元|元)$/, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t) && !/^[+-]?\.\d+$/.test(t)) {
    return { kind: 'invalid', text };
  }
  const value = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { kind: 'invalid', text, tooLarge: true };
  const minor = unitValueToMinor(negative ? -value : value, unit);
  return isCheckableMinor(minor) ? { kind: 'number', minor } : { kind: 'invalid', text, tooLarge: true };
}

/** 分 → a number in the table's unit, rounded to two decimals (for reports). */
export function minorToUnit(minor: number, unit: MoneyUnit): number {
  const cents = Math.round(minor / minorPerCent(unit));
  return cents / 100;
}

/** 分 → `1653.66` (two decimals, no thousands separator), for messages. */
export function formatAmount(minor: number, unit: MoneyUnit): string {
  const cents = Math.round(minor / minorPerCent(unit));
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Rounds 分 to the printed step of the unit (half away from zero), staying in 分. */
export function roundToPrinted(minor: number, unit: MoneyUnit): number {
  const step = minorPerCent(unit);
  const q = Math.abs(minor) / step;
  const r = Math.floor(q + 0.5) * step;
  return minor < 0 ? -r : r;
}
