// 类 rows of 01/04 under their former names are the same 类; a 类 row with a name no catalog knows is never
// dropped silently from the sums over the 类: those report 无法核对 at the row, not a false difference.
import { checkWorkbook } from '../../src/app/check';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { findingShape } from '../helpers/behaviour';
import { FUZHOU_XLSX, setCell, snapshotOf } from '../helpers/example';

/** Puts `label` in the cell of 01 (and 04) that prints `was`. */
function rename(s: WorkbookSnapshot, was: string, label: string, sheets = ['公开01表', '公开04表']): number {
  let n = 0;
  for (const sh of s.sheets.filter((x) => sheets.some((p) => x.name.startsWith(p)))) {
    sh.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === was) {
          setCell(sh, r + sh.originRow, c + sh.originCol, label);
          n++;
        }
      }),
    );
  }
  return n;
}

const shapes = (s: WorkbookSnapshot) => checkWorkbook(s).findings.map(findingShape).sort();

test('the 2018 name of 215 (资源勘探信息等支出) reads as 215: the findings are those of the 2024 name', async () => {
  const original = await snapshotOf(FUZHOU_XLSX);
  const renamed = await snapshotOf(FUZHOU_XLSX);
  expect(rename(renamed, '十四、资源勘探工业信息等支出', '十四、资源勘探信息等支出')).toBe(2);
  expect(shapes(renamed)).toEqual(shapes(original));
});

test('an unknown 类 name: 无法核对 at its cell for the sums over the 类, no false difference, every other check still runs', async () => {
  const original = await snapshotOf(FUZHOU_XLSX);
  const renamed = await snapshotOf(FUZHOU_XLSX);
  expect(rename(renamed, '十四、资源勘探工业信息等支出', '十四、某某新设支出', ['公开01表'])).toBe(1);
  const before = checkWorkbook(original).findings;
  const after = checkWorkbook(renamed).findings;
  // 10,714.28 万元 of 215 no longer counts in 01's 类: no T1-b error claims a difference.
  expect(after.filter((f) => f.rule === 'T1-b' && f.severity === 'error')).toEqual([]);
  const cannot = after.filter((f) => f.rule === 'T1-b');
  expect(cannot).toHaveLength(1);
  expect(cannot[0].severity).toBe('warning');
  expect(cannot[0].message).toContain('无法核对');
  expect(cannot[0].message).toContain('十四、某某新设支出');
  expect(cannot[0].cells.map((c) => `${c.row},${c.col}`)).toContain('18,2');
  // Everything else is as before, except the X4 comparison the unknown row cannot take part in and the
  // T1-b 尾差 it replaces.
  const rest = (fs: typeof after) =>
    fs
      .filter((f) => f.rule !== 'T1-b' && f.rule !== 'R-ROW' && !(f.rule === 'X4' && f.cells.some((c) => c.row === 18)))
      .map(findingShape)
      .sort();
  expect(rest(after)).toEqual(rest(before));
  expect(after.filter((f) => f.rule === 'R-ROW')).toHaveLength(1);
});
