// Text normalisation for matching labels, titles and headers as real workbooks print them.
import { toHalfWidth } from '../../core/money';
import type { CellValue } from '../../port/snapshot';
import { memoText } from '../../core/memo';

/** Results of norm() by input text: the same labels and headers are normalised many times per read. */
const NORM_CACHE = new Map<string, string>();
const NORM_CACHE_MAX = 50_000;

/** Removes spaces, quotes and line breaks; unifies brackets and digits. */
export function norm(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const key = String(value);
  const hit = NORM_CACHE.get(key);
  if (hit !== undefined) return hit;
  const out = toHalfWidth(key)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')');
  if (NORM_CACHE.size >= NORM_CACHE_MAX) NORM_CACHE.clear();
  NORM_CACHE.set(key, out);
  return out;
}

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
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? String(value) : null;
  const t = norm(value);
  if (t === '') return null;
  return /^\d+$/.test(t) ? t : null;
}

/** `2024` from `2024年度…` etc. */
export function findYear(text: string): number | null {
  const m = /(20\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}
