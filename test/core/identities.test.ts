// Identities are data: every key an identity names exists in every profile, and an identity changed in one
// place (a copy of a profile) changes both what check reports and what generation writes.
import type { CellAt, Identity } from '../../src/core/identities/types';
import { parseRowKey, type ColKey, type RowKey } from '../../src/core/keys';
import type { TableData, TableTopic } from '../../src/core/model';
import { fixedRowLabel } from '../../src/core/rules/labels';
import { PROFILES, specOf, specsOf, type Profile, type TableSpec } from '../../src/core/profiles';
import { allColumns, fixedRowsOf, isClassRows } from '../../src/core/profiles/spec';
import { runTableRules } from '../../src/core/rules';
import { deriveAccounts } from '../../src/generator/derive';
import { readWorkings } from '../../src/readers/workings';
import { layoutsSnapshot, syntheticUnit, workingLayouts } from '../../src/synthetic';

function specByTopic(p: Profile, topic: TableTopic): TableSpec {
  const spec = specsOf(p).find((s) => s.topic === topic);
  if (!spec) throw new Error(`${p.id}: no table ${topic}`);
  return spec;
}

function fixedRows(spec: TableSpec): string[] {
  return fixedRowsOf(spec).map((r) => r.key);
}

/** Each row and column an identity names: [table, row or null, column]. */
function references(identity: Identity, own: TableTopic | null): Array<[TableTopic, RowKey | null, ColKey]> {
  const cell = (c: CellAt): [TableTopic, RowKey | null, ColKey] => [c.table ?? own!, c.row, c.col];
  switch (identity.kind) {
    case 'sum':
      return [cell(identity.total), ...identity.parts.map(cell)];
    case 'columns':
      return [identity.total, ...identity.parts.map((p) => p.col)].map((c) => [own!, null, c]);
    case 'hierarchy':
      return [];
    case 'classes':
      return identity.cols.map((c) => [own!, identity.total, c]);
    case 'groups':
      return identity.groups.map((g) => [own!, g.total, identity.col]);
    case 'same':
    case 'atMost':
      return [cell(identity.a), cell(identity.b)];
    case 'sameClasses':
      return [
        [identity.a.table, null, identity.a.col],
        [identity.b.table, null, identity.b.col],
      ];
    case 'atMostRows':
      return identity.a.cols.map((c) => [identity.a.table, null, c]);
  }
}

/** Every row or column an identity of the profile names that the profile's table does not print. */
function missingKeys(profile: Profile): { problems: string[]; checked: number } {
  const all = [
    ...specsOf(profile).flatMap((s) => s.identities.map((i) => [i, s.topic] as const)),
    ...profile.crossIdentities.map((i) => [i, null] as const),
  ];
  const problems: string[] = [];
  let checked = 0;
  for (const [identity, own] of all) {
    for (const [topic, row, col] of references(identity, own)) {
      const spec = specByTopic(profile, topic);
      const cols = allColumns(spec).map((c) => c.key);
      if (!cols.includes(col)) problems.push(`${identity.rule}: ${topic} has no column ${col}`);
      if (row && parseRowKey(row).kind === 'fixed' && !fixedRows(spec).includes(row)) problems.push(`${identity.rule}: ${topic} has no row ${row}`);
      checked++;
    }
  }
  return { problems, checked };
}

describe('every identity of every profile names rows and columns the profile has', () => {
  for (const profile of PROFILES) {
    test(profile.id, () => {
      const { problems, checked } = missingKeys(profile);
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });
  }

  test('a wrong key is found: 01 without its 结余分配 row, 03 with a column it does not print', () => {
    const p = PROFILES[0];
    const summary = specOf(p, '01');
    if (summary.kind !== 'ledger') throw new Error('01 is a ledger table');
    const broken: Profile = {
      ...p,
      tables: {
        ...p.tables,
        '01': {
          ...summary,
          blocks: summary.blocks.map((b) => ({ ...b, rows: b.rows.filter((r) => isClassRows(r) || r.key !== 'exp.surplusDistribution') })),
        },
        '03': { ...specOf(p, '03'), identities: [{ kind: 'columns', rule: 'T3-a', total: 'total', parts: [{ col: 'gpb' }] }] },
      },
    };
    expect(missingKeys(broken).problems).toEqual(['T1-d: summary has no row exp.surplusDistribution', 'T3-a: expenditure has no column gpb']);
  });
});

describe('an identity changed in one place changes check and generation alike', () => {
  // 03's row identity without 对附属单位补助支出: 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营.
  const altered = (p: Profile): Profile => ({
    ...p,
    tables: {
      ...p.tables,
      '03': {
        ...specOf(p, '03'),
        identities: specOf(p, '03').identities.map((i) =>
          i.kind === 'columns' ? { ...i, parts: i.parts.filter((x) => x.col !== 'affiliated') } : i,
        ),
      },
    },
  });
  const data = readWorkings(layoutsSnapshot(workingLayouts(syntheticUnit(11, 40)))).data;
  // Give one 项 an 对附属单位补助支出 (12.34 万元 in 分) so the change matters.
  const item = data.sheets.detail!.rows[0];
  item.cells['exp.affiliated'] = { minor: 123_400, ref: null };
  const profile = PROFILES[0];
  const total = (p: Profile) => deriveAccounts(data, p).tables['03']!.rows.find((r) => r.key === 'total')!.cells.total!.minor;

  test('generation: the 03 合计 follows the altered identity', () => {
    expect(total(profile) - total(altered(profile))).toBe(123_400);
  });

  test('check: tables generated by the original identity fail the altered one on the rows with 对附属单位补助支出', () => {
    const accounts = deriveAccounts(data, profile);
    expect(runTableRules(accounts, profile).filter((f) => f.rule === 'T3-a')).toEqual([]);
    const t3a = runTableRules(accounts, altered(profile)).filter((f) => f.rule === 'T3-a');
    // The 项, its 款, its 类 and the 合计.
    expect(t3a.length).toBe(4);
    expect(t3a.every((f) => f.actualMinor! - f.expectedMinor! === 123_400)).toBe(true);
  });
});

describe('the derivation never overrides a given figure', () => {
  test('a 款 with its own working-sheet entry beside its 项 is named, not silently replaced by the sum of its 项', () => {
    const data = readWorkings(layoutsSnapshot(workingLayouts(syntheticUnit(12, 30)))).data;
    const detail = data.sheets.detail!;
    const kuan = detail.rows[0].key.slice(0, 5);
    expect(() => deriveAccounts(data, PROFILES[0])).not.toThrow();
    detail.rows.push({ key: kuan, name: '', nameRef: null, cells: { 'exp.basic': { minor: 100_000, ref: null } } });
    expect(() => deriveAccounts(data, PROFILES[0])).toThrow(new RegExp(`contradict.*T3-b expenditure code:${kuan} basic`));
  });
});

describe('findings name each fixed row unambiguously', () => {
  for (const profile of PROFILES) {
    test(profile.id, () => {
      const clashes: string[] = [];
      for (const spec of Object.values(profile.tables)) {
        const t = { id: spec.id, rows: [] } as unknown as TableData;
        const names = fixedRowsOf(spec).map((r) => fixedRowLabel(profile, t, r.key));
        names.forEach((n, i) => names.indexOf(n) !== i && clashes.push(`${spec.id} ${n}`));
        expect(names.length).toBeGreaterThan(0);
      }
      expect(clashes).toEqual([]);
    });
  }
});
