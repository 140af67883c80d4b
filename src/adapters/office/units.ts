// Unit conversions between the layout (ExcelJS conventions) and Office.js.

/** Max digit width of the default 11 pt font, in pixels (Calibri / 等线). */
const DIGIT_PX = 7;
const PX_PER_POINT = 4 / 3;

/** Column width in characters (OOXML, ExcelJS) → points (Office.js format.columnWidth). */
export function widthCharsToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
  return Math.round((px / PX_PER_POINT) * 100) / 100;
}

/** Points → characters (OOXML width, padding included), the inverse of widthCharsToPoints (to two decimals). */
export function widthPointsToChars(points: number): number {
  const px = points * PX_PER_POINT;
  return Math.round((px / DIGIT_PX) * 100) / 100;
}

/** ARGB `FFRRGGBB` (or `RRGGBB`) → `#RRGGBB`. */
export function argbToHex(argb: string): string {
  const rgb = argb.length === 8 ? argb.slice(2) : argb;
  return `#${rgb.toUpperCase()}`;
}

/** `#RRGGBB` → ARGB `FFRRGGBB`. */
export function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
