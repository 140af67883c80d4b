// Property: for random valid working sheets (random 项 under real 类, amounts in 元), the generated
// tables read back to exactly the printed model, and check finds no error and no cross-table shift.
import { colKey } from '../../src/core/keys';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { addLayoutSheet } from '../../src/adapters/file/exceljs-layout';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { checkWorkbook } from '../../src/app/check';
import type { FinalAccounts } from '../../src/core/model';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { readAccounts } from '../../src/readers/tables';
import { generate } from '../../src/app/generate';
import { WORKING_SHEETS } from '../../src/core/workings/spec';
import { workingSheetLayout, type WorkingRowFill } from '../../src/generator/workings/template';
import type { WorkbookSnapshot } from '../../src/port/snapshot';

const CLASSES = ['201', '205', '206', '208', '210', '211', '212', '215', '221', '229'];
const ECON = ['30101', '30102', '30103', '30108', '30113', '30201', '30211', '30299', '30302', '30399'];

interface Item {
  code: string;
  gpbBasic: number;
  gpbProject: number;
  otherBasic: number;
  otherProject: number;
}

const fen = fc.integer({ min: 0, max: 5_000_000_00 });
const itemArb = fc.record({
  code: fc
    .tuple(fc.constantFrom(...CLASSES), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([c, k, x]) => `${c}${String(k).padStart(2, '0')}${String(x).padStart(2, '0')}`),
  // At least 1,000 元 (0.10 万元): a 项 whose every figure prints as 0.00 would leave nothing to compare.
  gpbBasic: fc.integer({ min: 1_000_00, max: 5_000_000_00 }),
  gpbProject: fen,
  otherBasic: fc.oneof(fc.constant(0), fen),
  otherProject: fc.oneof(fc.constant(0), fen),
});
const modelArb = fc.record({
  items: fc.uniqueArray(itemArb, { minLength: 1, maxLength: 8, selector: (i) => i.code }),
  econWeights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: ECON.length, maxLength: ECON.length }),
});

const yuan = (minor: number) => minor / 100;

/** The working sheets of a random unit, in 元; 06 detail splits the 基本支出 exactly. */
async function workingsSnapshot(items: Item[], weights: number[]): Promise<WorkbookSnapshot> {
  const basic = items.reduce((a, i) => a + i.gpbBasic, 0);
  const w = weights.reduce((a, b) => a + b, 0) || 1;
  const parts = weights.map((x) => Math.floor((basic * x) / w));
  parts[0] += basic - parts.reduce((a, b) => a + b, 0);
  const fills: Record<string, WorkingRowFill[]> = {
    detail: items.map((i) => ({
      key: i.code,
      name: `测试项目${i.code}`,
      values: {
        'inc.gpb': yuan(i.gpbBasic + i.gpbProject),
        'inc.other': yuan(i.otherBasic + i.otherProject),
        'exp.basic': yuan(i.gpbBasic + i.otherBasic),
        'exp.project': yuan(i.gpbProject + i.otherProject),
      },
    })),
    fiscal: items.map((i) => ({
      key: i.code,
      name: `测试项目${i.code}`,
      values: { 'gpb.basic': yuan(i.gpbBasic), 'gpb.project': yuan(i.gpbProject) },
    })),
    economic: ECON.map((code, k) => ({ key: code, name: '', values: { amount: yuan(parts[k]) } })),
    threePublic: [],
  };
  const wb = new ExcelJS.Workbook();
  for (const spec of WORKING_SHEETS) {
    addLayoutSheet(wb, workingSheetLayout(spec, { unitName: '随机测试单位', year: 2024, unit: '元' }, fills[spec.id]));
  }
  // Names of the random 款 and 项 are given on the sheet (they are not in the catalog).
  const detail = wb.getWorksheet('底稿1 收支明细')!;
  let r = detail.rowCount + 1;
  for (const i of items) {
    detail.getCell(r, 1).value = i.code.slice(0, 5);
    detail.getCell(r++, 2).value = `测试款${i.code.slice(0, 5)}`;
  }
  return workbookSnapshot(wb);
}

/** Every cell of a model as `table row col → 分`, zeros left out (blank and zero print alike here). */
function figures(m: FinalAccounts): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, t] of Object.entries(m.tables)) {
    for (const row of t!.rows) for (const [k, c] of Object.entries(row.cells)) if (c.minor !== 0) out.set(`${id} ${row.key} ${k}`, c.minor);
  }
  return out;
}

/** 分 rounded to the printed step of 万元 (0.01 万元 = 10,000 分), half up (the sums here are never negative). */
const printedWan = (fen: number) => Math.round(fen / 10_000) * 10_000;

/** The 合计 figures of 02, 03 and 05, summed here from the random items (an oracle independent of the generator). */
function expectedTotals(items: Item[]): Record<string, number> {
  const sum = (f: (i: Item) => number) => printedWan(items.reduce((a, i) => a + f(i), 0));
  return {
    '02 total': sum((i) => i.gpbBasic + i.gpbProject + i.otherBasic + i.otherProject),
    '02 fiscal': sum((i) => i.gpbBasic + i.gpbProject),
    '03 basic': sum((i) => i.gpbBasic + i.otherBasic),
    '03 project': sum((i) => i.gpbProject + i.otherProject),
    '05 basic': sum((i) => i.gpbBasic),
    '05 project': sum((i) => i.gpbProject),
  };
}

function totals(m: FinalAccounts, wanted: Record<string, number>): Record<string, number | undefined> {
  return Object.fromEntries(
    Object.keys(wanted).map((k) => {
      const [id, col] = k.split(' ') as ['02' | '03' | '05', string];
      return [k, m.tables[id]?.rows.find((r) => r.key === 'total')?.cells[colKey(col)]?.minor];
    }),
  );
}

function codeRows(m: FinalAccounts): string[] {
  return Object.entries(m.tables)
    .flatMap(([id, t]) => t!.rows.filter((r) => r.key.startsWith('code:')).map((r) => `${id} ${r.key} ${r.label}`))
    .sort();
}

describe('round trip over random working sheets', () => {
  test('read(generate(model)) equals the printed model; check finds no error and no shift', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, async ({ items, econWeights }) => {
        const snap = await workingsSnapshot(items, econWeights);
        const result = generate(snap, FUZHOU_2024);
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const wb = new ExcelJS.Workbook();
        for (const s of result.sheets) addLayoutSheet(wb, s);
        const back = new ExcelJS.Workbook();
        await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        const generated = workbookSnapshot(back);
        const read = readAccounts(generated, { profile: FUZHOU_2024.id });
        expect(figures(result.accounts!).size).toBeGreaterThan(20);
        expect(figures(read.accounts)).toEqual(figures(result.accounts!));
        expect(codeRows(read.accounts)).toEqual(codeRows(result.accounts!));
        const wanted = expectedTotals(items);
        expect(totals(read.accounts, wanted)).toEqual(wanted);
        const report = checkWorkbook(generated, { profile: FUZHOU_2024.id });
        expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
        expect(report.findings.filter((f) => f.message.includes('同一数字在两张表中差'))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120000);
});
