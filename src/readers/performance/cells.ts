// Cell helpers for the 绩效自评 reader: label matching and number/amount cells with their refs.
import type { CellRef } from '../../core/cells';
import { isDash, parseAmount, type MoneyUnit } from '../../core/money';
import type { MoneyCell, NumberCell, TextCell } from '../../core/performance/model';
import { cellAt, type SheetSnapshot } from '../../port/snapshot';
import { compact } from '../../kinds/read/text';

/** Label text for matching: half-width, no whitespace (the readers' one normalisation). */
export const labelOf = compact;

export function textCell(sheet: SheetSnapshot, row: number, col: number): TextCell {
  const v = cellAt(sheet, row, col);
  return { text: v === null ? '' : String(v).trim(), ref: { sheet: sheet.name, row, col } };
}

/**
 * A plain number: a number, or text starting with one (`100%`, `105家`, `2 4 .2` as PDF extraction splits it).
 * Anything else is `invalid` and keeps its text in `raw`.
 */
export function readNumber(sheet: SheetSnapshot, row: number | null, col: number | null): NumberCell {
  if (row === null || col === null) return { value: null, ref: null, blank: true, invalid: false, raw: null };
  const ref: CellRef = { sheet: sheet.name, row, col };
  const raw = cellAt(sheet, row, col);
  if (raw === null || raw === undefined) return { value: null, ref, blank: true, invalid: false, raw: null };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { value: raw, ref, blank: false, invalid: false, raw } : { value: null, ref, blank: false, invalid: true, raw };
  }
  const text = compact(raw);
  if (text === '') return { value: null, ref, blank: true, invalid: false, raw };
  if (isDash(text)) return { value: null, ref, blank: true, invalid: false, raw };
  const m = /^[+-]?(\d+(\.\d*)?|\.\d+)/.exec(text.replace(/,(?=\d{3})/g, ''));
  if (!m) return { value: null, ref, blank: false, invalid: true, raw };
  const rest = text.replace(/,(?=\d{3})/g, '').slice(m[0].length);
  // A second number after the first (`5-10`, `1/2`) is not one value.
  if (/\d/.test(rest)) return { value: null, ref, blank: false, invalid: true, raw };
  return { value: Number(m[0]), ref, blank: false, invalid: false, raw };
}

export function readMoney(sheet: SheetSnapshot, row: number | null, col: number | null, unit: MoneyUnit): MoneyCell {
  if (row === null || col === null) return { minor: null, ref: null, blank: true, invalid: false, raw: null };
  const ref: CellRef = { sheet: sheet.name, row, col };
  const raw = cellAt(sheet, row, col);
  // parseAmount ignores the spaces of PDF-born cells (`0 . 0 0`, `— —`).
  const p = parseAmount(raw, unit);
  switch (p.kind) {
    case 'number':
      return { minor: p.minor, ref, blank: false, invalid: false, raw };
    case 'blank':
    case 'dash':
      return { minor: null, ref, blank: true, invalid: false, raw };
    default:
      return { minor: null, ref, blank: false, invalid: true, raw };
  }
}
