// A random valid unit (项-level figures in 分) and its working sheets (底稿), from a seed. Pure.
// The shape follows the round-trip property test of the generator: every 项 row balances (income =
// spending), 底稿2 splits the 一般公共预算 figures of 底稿1 exactly, 底稿3 splits the 基本支出 exactly.
import { CLASS_LISTS, knownName } from '../core/catalogs/functional';
import { ECONOMIC_LISTS } from '../core/catalogs/economic';
import type { SheetLayout } from '../port/layout';
import { templateSheets, type WorkingFills } from '../generator/workings/template';
import { Random } from './random';

export interface SyntheticItem {
  code: string;
  name: string;
  /** 分 */
  gpbBasic: number;
  gpbProject: number;
  otherBasic: number;
  otherProject: number;
}

export interface SyntheticUnit {
  unitName: string;
  year: number;
  items: SyntheticItem[];
  /** 款-level names given on 底稿1 for codes the catalog does not know. */
  sectionNames: Array<{ code: string; name: string }>;
  /** 经济分类款 → 分; sums to Σ gpbBasic. */
  economic: Array<{ code: string; amount: number }>;
  /** 三公 决算数 in 分. */
  threePublic: Record<'abroad' | 'carPurchase' | 'carRun' | 'reception', number>;
}

/** 基本支出 economic 款 (人员经费 301/303, 公用经费 302). */
const ECON_CODES = ECONOMIC_LISTS['fuzhou-2024'].filter((e) => e.code.length === 5 && /^30[123]/.test(e.code)).map((e) => e.code);
const CLASS_CODES = CLASS_LISTS['26'].map((c) => c.code);

const econOf = (list: Array<{ code: string; amount: number }>, code: string) => list.find((e) => e.code === code)?.amount ?? 0;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A unit with `itemCount` distinct 项 rows, figures from `seed`. */
export function syntheticUnit(seed: number, itemCount: number, unitName = `合成测试单位${seed}`): SyntheticUnit {
  const rng = new Random(seed);
  const codes = new Set<string>();
  // Several thousand 项 fit easily: 26 类 × 99 款 × 99 项.
  while (codes.size < itemCount) codes.add(`${rng.pick(CLASS_CODES)}${pad2(rng.int(1, 99))}${pad2(rng.int(1, 99))}`);
  const sorted = [...codes].sort();
  const items: SyntheticItem[] = sorted.map((code, i) => {
    const big = rng.chance(0.2) ? 100 : 1;
    const gpbBasic = rng.int(1, 2_000_000) * big; // up to 2 万元 (×100 for a few big rows), in 分
    return {
      code,
      name: knownName(code) ?? `合成项目${i + 1}`,
      gpbBasic,
      gpbProject: rng.chance(0.6) ? rng.int(0, 5_000_000) * big : 0,
      otherBasic: rng.chance(0.25) ? rng.int(0, 500_000) : 0,
      otherProject: rng.chance(0.2) ? rng.int(0, 800_000) : 0,
    };
  });
  const sections = [...new Set(sorted.map((c) => c.slice(0, 5)))];
  const sectionNames = sections.map((code) => ({ code, name: knownName(code) ?? `合成款${code}` }));

  const basic = items.reduce((a, i) => a + i.gpbBasic, 0);
  const weights = ECON_CODES.map(() => (rng.chance(0.3) ? 0 : rng.int(1, 100)));
  weights[0] += 1; // never all zero
  const w = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((x) => Math.floor((basic * x) / w));
  parts[0] += basic - parts.reduce((a, b) => a + b, 0);
  const economic = ECON_CODES.map((code, k) => ({ code, amount: parts[k] })).filter((e) => e.amount !== 0);

  return {
    unitName,
    year: 2024,
    items,
    sectionNames,
    economic,
    // 三公 决算数 include the 基本支出 of the matching economic 款 (rule X12), plus some 项目支出.
    threePublic: {
      abroad: econOf(economic, '30212') + rng.int(0, 2_000_000),
      carPurchase: 0,
      carRun: econOf(economic, '30231') + rng.int(0, 3_000_000),
      reception: econOf(economic, '30217') + rng.int(0, 1_000_000),
    },
  };
}

const yuan = (minor: number) => minor / 100;

/** The fills of the six working sheets (amounts in 元). */
export function workingFills(unit: SyntheticUnit): WorkingFills {
  return {
    detail: [
      ...unit.items.map((i) => ({
        key: i.code,
        name: i.name,
        values: {
          'inc.gpb': yuan(i.gpbBasic + i.gpbProject),
          'inc.other': i.otherBasic + i.otherProject ? yuan(i.otherBasic + i.otherProject) : null,
          'exp.basic': yuan(i.gpbBasic + i.otherBasic),
          'exp.project': i.gpbProject + i.otherProject ? yuan(i.gpbProject + i.otherProject) : null,
        },
      })),
      // Rows that only name a 款 (no amounts), as the template's instructions allow.
      ...unit.sectionNames.map((s) => ({ key: s.code, name: s.name, values: {} })),
    ],
    fiscal: unit.items.map((i) => ({
      key: i.code,
      name: i.name,
      values: { 'gpb.basic': yuan(i.gpbBasic), 'gpb.project': i.gpbProject ? yuan(i.gpbProject) : null },
    })),
    economic: unit.economic.map((e) => ({ key: e.code, name: '', values: { amount: yuan(e.amount) } })),
    threePublic: Object.entries(unit.threePublic).map(([key, v]) => ({ key, values: { final: yuan(v) } })),
    counts: [],
    carry: [],
  };
}

/** The working-sheet form: instructions and the six 底稿, filled. */
export function workingLayouts(unit: SyntheticUnit): SheetLayout[] {
  return templateSheets({ unitName: unit.unitName, year: unit.year, unit: '元' }, workingFills(unit));
}
