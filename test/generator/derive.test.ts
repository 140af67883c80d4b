// deriveAccounts (working sheets → the nine tables), columnar: checked against the synthetic unit's own
// 项 figures (an oracle written independently of the derivation), and its `printed` option against the
// rounding policy applied afterwards to the exact model.
import type { ColKey } from '../../src/core/keys';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import type { TableData } from '../../src/core/model';
import { deriveAccounts } from '../../src/generator/derive';
import { roundToPrinted } from '../../src/core/money';
import { readWorkings } from '../../src/readers/workings';
import { syntheticUnit, workingLayouts, layoutsSnapshot, type SyntheticItem } from '../../src/synthetic';

function derivedFrom(seed: number, items: number) {
  const unit = syntheticUnit(seed, items);
  const read = readWorkings(layoutsSnapshot(workingLayouts(unit)));
  expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return { unit, data: read.data };
}

const cellOf = (t: TableData | undefined, key: string, col: ColKey) => t?.rows.find((r) => r.key === key)?.cells[col]?.minor;

describe('deriveAccounts', () => {
  test.each([
    [11, 40],
    [12, 300],
  ])('seed %i, %i 项: every 类, 款 and 项 row of 03 and 05 is the sum of its 项 figures', (seed, count) => {
    const { unit, data } = derivedFrom(seed, count);
    const exact = deriveAccounts(data, FUZHOU_2024);
    const t3 = exact.tables['03'];
    const t5 = exact.tables['05'];
    const spend = (i: SyntheticItem) => i.gpbBasic + i.gpbProject + i.otherBasic + i.otherProject;
    const under = (prefix: string) => unit.items.filter((i) => i.code.startsWith(prefix));
    const prefixes = new Set(unit.items.flatMap((i) => [i.code.slice(0, 3), i.code.slice(0, 5), i.code]));
    for (const p of prefixes) {
      const items = under(p);
      expect([p, cellOf(t3, `code:${p}`, 'total')]).toEqual([p, items.reduce((s, i) => s + spend(i), 0)]);
      expect([p, cellOf(t3, `code:${p}`, 'basic')]).toEqual([p, items.reduce((s, i) => s + i.gpbBasic + i.otherBasic, 0)]);
      const gpb = items.reduce((s, i) => s + i.gpbBasic + i.gpbProject, 0);
      // 05 lists only codes with 一般公共预算 figures.
      expect([p, cellOf(t5, `code:${p}`, 'total')]).toEqual([p, gpb === 0 ? undefined : gpb]);
    }
    expect(cellOf(t3, 'total', 'total')).toBe(unit.items.reduce((s, i) => s + spend(i), 0));
    // 01's 类 rows and 04's 一般公共预算 column carry the same class sums.
    for (const c of new Set(unit.items.map((i) => i.code.slice(0, 3)))) {
      expect([c, cellOf(exact.tables['01'], `class:${c}`, 'amount')]).toEqual([c, under(c).reduce((s, i) => s + spend(i), 0)]);
      expect([c, cellOf(exact.tables['04'], `class:${c}`, 'gpb')]).toEqual([c, under(c).reduce((s, i) => s + i.gpbBasic + i.gpbProject, 0)]);
    }
  });

  test('printed: true rounds each cell of the exact model once, half away from zero, blanks left blank', () => {
    const { data } = derivedFrom(13, 300);
    const exact = deriveAccounts(data, FUZHOU_2024);
    const printed = deriveAccounts(data, FUZHOU_2024, { printed: true });
    const roundedAfter = {
      ...exact,
      tables: Object.fromEntries(
        Object.entries(exact.tables).map(([id, t]) => [
          id,
          {
            ...t!,
            rows: t!.rows.map((r) => ({
              ...r,
              cells: Object.fromEntries(
                Object.entries(r.cells).map(([k, c]) => [k, c.blank ? c : { ...c, minor: roundToPrinted(c.minor, t!.unit) }]),
              ),
            })),
          },
        ]),
      ),
    };
    expect(printed).toEqual(roundedAfter);
    // Not the exact model: the synthetic 项 figures are in 分, so rounding to 0.01 万元 changes some.
    expect(printed).not.toEqual(exact);
  });
});
