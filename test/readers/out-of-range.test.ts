// An amount too large to be checked exactly (beyond 2^53 分) is reported at its cell and kept out of every
// identity: never `Infinity.NaN` in a message, never a difference off by thousands (#14 point 3).
import { checkWorkbook } from '../../src/app/check';
import { refText } from '../../src/core/cells';
import { parseAmount } from '../../src/core/money';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

/** The n-th numeric cell of the sheet whose name starts with `prefix`, set to `value`; its A1 text. */
function put(s: WorkbookSnapshot, prefix: string, n: number, value: number | string): string {
  const sheet = s.sheets.find((x) => x.name.startsWith(prefix))!;
  let seen = 0;
  for (let r = 0; r < sheet.values.length; r++) {
    for (let c = 0; c < sheet.values[r].length; c++) {
      if (typeof sheet.values[r][c] === 'number' && seen++ === n) {
        sheet.values[r][c] = value;
        return refText({ sheet: sheet.name, row: r + sheet.originRow, col: c + sheet.originCol });
      }
    }
  }
  throw new Error('no such cell');
}

test('parseAmount: within 2^53 分 a number, beyond it invalid and marked too large', () => {
  expect(parseAmount(12345.67, '万元')).toEqual({ kind: 'number', minor: 12_345_670_000 });
  expect(parseAmount(1.7976931348623157e308, '万元')).toMatchObject({ kind: 'invalid', tooLarge: true });
  expect(parseAmount('9007199254740993', '元')).toMatchObject({ kind: 'invalid', tooLarge: true });
  expect(parseAmount('abc', '元')).toEqual({ kind: 'invalid', text: 'abc' });
});

test('a huge number and a 16-digit text in 02: 错误 at each cell, no Infinity or NaN, no identity uses them', async () => {
  const s = await snapshotOf(FUZHOU_XLSX);
  const huge = put(s, '公开02表', 12, 1.7976931348623157e308);
  const long = put(s, '公开02表', 20, '9007199254740993');
  const findings = checkWorkbook(s).findings;
  const at = (a1: string) => findings.filter((f) => f.cells.some((c) => refText(c) === a1));
  for (const a1 of [huge, long]) {
    const here = at(a1);
    expect(here.map((f) => [f.rule, f.severity])).toEqual([['R-AMOUNT', 'error']]);
    expect(here[0].message).toContain('超出可以精确核对的范围');
  }
  expect(findings.filter((f) => /Infinity|NaN/.test(f.message))).toEqual([]);
});
