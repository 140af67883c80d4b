// Unit conversions between the layout (ExcelJS conventions) and the WPS/VBA object model.

/** ARGB `FFRRGGBB` (or `RRGGBB`) → VBA colour number (red + green·256 + blue·65536). */
export function argbToBgr(argb: string): number {
  const rgb = argb.length === 8 ? argb.slice(2) : argb;
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** VBA colour number → ARGB `FFRRGGBB`. */
export function bgrToArgb(bgr: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  return `FF${hex(bgr & 0xff)}${hex((bgr >> 8) & 0xff)}${hex((bgr >> 16) & 0xff)}`;
}

/** Max digit width of the default 11 pt font in pixels, and the cell padding OOXML widths include. */
const DIGIT_PX = 7;
const PADDING_PX = 5;

/** OOXML/ExcelJS column width (characters, padding included) → VBA ColumnWidth (characters of "0", without it). */
export function charsToColumnWidth(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
  return Math.max(0, Math.round(((px - PADDING_PX) / DIGIT_PX) * 100) / 100);
}

/** VBA ColumnWidth → OOXML width (to two decimals), the inverse of charsToColumnWidth. */
export function columnWidthToChars(width: number): number {
  return Math.round(((width * DIGIT_PX + PADDING_PX) / DIGIT_PX) * 100) / 100;
}
