// What an amount cell holds when it is no amount, in words the user can act on: a date, a logical value, an
// error value of a formula, a formula that was never calculated, digits apart by spaces. The readers call it
// before reporting an amount they cannot read, so the finding names the cause at its cell.
import type { ParsedAmount } from '../../core/money';
import { clipText } from '../../core/quote';
import { isUncalculated, type CellValue, type SheetSnapshot } from '../../port/snapshot';

/** Excel's error values, as a formula shows them. */
const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A number format that shows a date or time (`yyyy/m/d`, `[$-F800]dddd…`), once quoted text and [..] are removed. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
    known = /[ymd]/i.test(bare) && !/^general$/i.test(bare.trim());
    DATE_FORMATS.set(format, known);
  }
  return known;
}

/** Verdicts by format: a workbook has a few dozen formats and every figure asks. */
const DATE_FORMATS = new Map<string, boolean>();

function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.numberFormats?.[row - sheet.originRow]?.[col - sheet.originCol] ?? null;
}

/** An Excel serial day (1900 system) as yyyy-mm-dd. */
function serialDate(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

export const RECALCULATE = '请在 Excel 中重新计算并保存（按 F9，或在 WPS 中重新计算）后再试';

/**
 * Why the cell's value is no amount, or null when it is a plain number, blank or text the parser judges.
 * `parsed` is parseAmount's verdict on the value (for the spacing cause).
 */
export function amountCellCause(sheet: SheetSnapshot, row: number, col: number, raw: CellValue, parsed?: ParsedAmount): string | null {
  if (raw === null) {
    return isUncalculated(sheet, row, col) ? `是公式，但工作簿中没有保存它的计算结果（文件保存前未重新计算）。${RECALCULATE}` : null;
  }
  if (typeof raw === 'boolean') return `是逻辑值 ${raw ? 'TRUE' : 'FALSE'}，不是金额。请填写数字`;
  if (typeof raw === 'number') {
    return isDateFormat(numberFormatAt(sheet, row, col)) ? `是日期（${serialDate(raw)}），不是金额。请改为数字格式并填写金额` : null;
  }
  const text = raw.trim();
  if (ERROR_VALUE.test(text)) return `是错误值 ${text.toUpperCase()}（公式计算出错），不是金额。请改正公式或填写数字`;
  if (ISO_DATE.test(text)) return `是日期（${text}），不是金额。请改为数字格式并填写金额`;
  if (parsed?.kind === 'invalid' && parsed.spaced) {
    return `的“${clipText(text)}”数字之间有空格，无法确定是哪个数。请删除空格（千位分隔请用逗号，如 1,234.56）`;
  }
  return null;
}
