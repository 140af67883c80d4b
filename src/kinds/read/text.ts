// Text normalisation for matching labels, titles and headers as real workbooks print them.
import { compactText, toHalfWidth } from '../../core/money';
import type { CellValue } from '../../port/snapshot';
import { memoText } from '../../core/memo';

/**
 * Half-width, no whitespace: what every reader matches on (PDF-born workbooks split words: `执行率 (%)`).
 * The text of a cell; '' for an empty one.
 */
export function compact(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : compactMemo(String(value));
}

const compactMemo = memoText(compactText);

/** compact(), and without quotes; brackets unified: for titles, headers and row labels of the 公开 tables. */
export function norm(value: CellValue): string {
  return value === null || value === undefined ? '' : normText(String(value));
}

const normText = memoText((text: string): string =>
  compactText(text)
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')'),
);

const ORDINAL = /^(?:[一二三四五六七八九十]+[、.]|\d+[.、](?!\d)|\(\d+\)|\([一二三四五六七八九十]+\)|其中[:：]?)+/;

/** A row label without its 一、/1./（1）/其中： numbering. */
export function normLabel(value: CellValue): string {
  return value === null || value === undefined ? '' : normLabelText(String(value));
}

const normLabelText = memoText((text: string): string => {
  let t = norm(text);
  for (let i = 0; i < 3; i++) {
    const next = t.replace(ORDINAL, '');
    if (next === t) break;
    t = next;
  }
  return t;
});

export function isText(value: CellValue): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** True for a note line under a table (注：…, 说明：…, 备注). */
export function isNoteText(value: CellValue): boolean {
  return /^(注|说明|备注)([:：]|\d|$)/.test(norm(value));
}

/** A 功能/经济 classification code read from a cell: digits only, numbers as text. */
export function readCode(value: CellValue): string | null {
  if (value === null) return null;
  // A safe integer only: String(1.7976931348623157e308) is exponent notation, no code (it crashed the reader).
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  const t = norm(value);
  if (t === '') return null;
  return /^\d+$/.test(t) ? t : null;
}

/** `2024` from `2024年度…` etc. */
export function findYear(text: string): number | null {
  const m = /(20\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}
