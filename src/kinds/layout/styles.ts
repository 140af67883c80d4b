// The official look of the 公开 tables, as cell styles, and how amounts and codes are written.
import { minorToUnit, type MoneyUnit } from '../../core/money';
import type { AmountCell } from '../../core/model';
import type { CellStyle } from '../../port/layout';
import type { CellValue } from '../../port/snapshot';

export const AMOUNT_FORMAT = '#,##0.00';
export const BODY_FONT_SIZE = 10;
/** Printed height (points) of one line of body text. */
export const LINE_HEIGHT = 14;

export const TITLE: CellStyle = { bold: true, fontSize: 18, hAlign: 'center', vAlign: 'middle' };
export const MARKER: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'right', vAlign: 'middle' };
export const UNIT_LEFT: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'left', vAlign: 'middle' };
export const UNIT_RIGHT: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'right', vAlign: 'middle' };
export const HEADER: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'center', vAlign: 'middle', wrap: true, border: true };
export const LABEL: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'left', vAlign: 'middle', wrap: true, border: true };
export const LABEL_INDENT: CellStyle = { ...LABEL, indent: 1 };
export const TOTAL_LABEL: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'center', vAlign: 'middle', border: true };
export const CODE: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'left', vAlign: 'middle', border: true, numberFormat: '@' };
export const NUMBER_TEXT: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'center', vAlign: 'middle', border: true };
export const AMOUNT: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'right', vAlign: 'middle', border: true, numberFormat: AMOUNT_FORMAT };
export const EMPTY: CellStyle = { fontSize: BODY_FONT_SIZE, border: true };
export const NOTE: CellStyle = { fontSize: BODY_FONT_SIZE, hAlign: 'left', vAlign: 'top', wrap: true };

/**
 * The printed value of an amount: a number in the table's unit with two decimals (the model holds
 * exact 分, already rounded to the printed step by the generator; a finer value is shown to the cent).
 * Blank cells stay blank; zeros follow the profile (`0.00`, or a blank cell).
 */
export function amountValue(cell: AmountCell | undefined, unit: MoneyUnit, zeroStyle: 'zero' | 'blank'): CellValue {
  if (!cell || cell.blank || cell.invalid) {
    if (cell?.invalid && cell.raw !== undefined && cell.raw !== null) return String(cell.raw);
    return zeroStyle === 'zero' && !cell?.blank ? 0 : null;
  }
  if (cell.minor === 0 && zeroStyle === 'blank') return null;
  return minorToUnit(cell.minor, unit);
}

/** Display width of a text in Excel column units (a CJK or full-width character counts two). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return w;
}

/** Width of a value as printed (amounts with thousands separators and two decimals). */
export function printedWidth(value: CellValue, style: CellStyle | undefined): number {
  if (value === null) return 0;
  if (typeof value === 'number' && style?.numberFormat === AMOUNT_FORMAT) {
    const fixed = Math.abs(value).toFixed(2);
    const [int, dec] = fixed.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return grouped.length + dec.length + 1 + (value < 0 ? 1 : 0);
  }
  return textWidth(String(value));
}
