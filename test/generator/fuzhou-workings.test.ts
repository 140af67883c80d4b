// The working-sheet example generates the nine published Fuzhou tables: every printed figure equals the
// reference document's, except where the published table carries a rounding tail (listed below). The published
// figures are the fixture test/fixtures/fuzhou-gxj-2024/tables.json (source in test/fixtures/README.md).
import { colKey } from '../../src/core/keys';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { minorToUnit } from '../../src/core/money';
import type { FinalAccounts, TableId } from '../../src/core/model';
import { readAccounts } from '../../src/readers/tables';
import { runGenerate } from '../../src/cli/generate-file';
import { fuzhouAccounts, type FuzhouJson } from '../../scripts/examples/fuzhou-tables';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readJsonFixture } from '../helpers/fixtures';

const ROOT = join(__dirname, '../..');
const REFERENCE = readJsonFixture<FuzhouJson>('fuzhou-gxj-2024/tables.json');

type Published = Array<{ table: TableId; row: string; col: string; value: number }>;

/**
 * Every figure of the published tables, keyed like the model: the same translation of the reference data
 * that builds examples/fuzhou-gxj-2024.xlsx (scripts/examples/fuzhou-tables.ts), so no second copy of it here.
 */
function publishedFigures(): Published {
  const published = fuzhouAccounts(REFERENCE);
  const out: Published = [];
  for (const t of Object.values(published.tables)) {
    for (const row of t!.rows) {
      for (const [col, cell] of Object.entries(row.cells)) out.push({ table: t!.id, row: row.key, col, value: minorToUnit(cell.minor, '万元') });
    }
  }
  return out;
}

/**
 * The published tables' rounding tails: the document printed these totals from its 元 ledger, so they
 * differ by 0.01 from the exact total of the printed 项 figures, which the generator prints.
 */
const PUBLISHED_TAILS = [
  // 类 208 and 215: the published 类 is 0.01 below the sum of its printed 项 (1653.67 = 50.00 + 38.68 +
  // 1109.39 + 175.39 + 105.39 + 171.59 + 3.23; 10714.29 = 470.78 + 9558.69 + 230.30 + 454.52), and every
  // total above them (合计, 01/04 收入, 05 基本/项目, 06 302) follows from its printed detail the same way.
  '01 class:208 amount published 1653.66 generated 1653.67',
  '01 class:215 amount published 10714.28 generated 10714.29',
  '01 inc.gpb amount published 15922.99 generated 15923.02',
  '02 code:208 fiscal published 1482.07 generated 1482.08',
  '02 code:208 total published 1653.66 generated 1653.67',
  '02 code:215 fiscal published 10714.28 generated 10714.29',
  '02 code:215 total published 10714.28 generated 10714.29',
  '02 total fiscal published 15922.99 generated 15923.02',
  '02 total total published 16094.58 generated 16094.61',
  '03 code:208 total published 1653.66 generated 1653.67',
  '03 code:215 project published 10714.28 generated 10714.29',
  '03 code:215 total published 10714.28 generated 10714.29',
  '03 total basic published 3457.09 generated 3457.10',
  '03 total project published 12637.49 generated 12637.51',
  '03 total total published 16094.58 generated 16094.61',
  '04 class:208 gpb published 1482.07 generated 1482.08',
  '04 class:208 total published 1482.07 generated 1482.08',
  '04 class:215 gpb published 10714.28 generated 10714.29',
  '04 class:215 total published 10714.28 generated 10714.29',
  '04 inc.gpb amount published 15922.99 generated 15923.02',
  '05 code:208 total published 1482.07 generated 1482.08',
  '05 code:215 project published 10714.28 generated 10714.29',
  '05 code:215 total published 10714.28 generated 10714.29',
  '05 total basic published 3285.50 generated 3285.51',
  '05 total project published 12637.49 generated 12637.51',
  '05 total total published 15922.99 generated 15923.02',
  '06 econ:302 amount published 232.43 generated 232.44',
  // The totals built on those: 01/04 本年收入/支出合计 and 总计 carry the 0.01s of 208 and 215 and the 0.01 by
  // which the published 合计 is below its own printed 类 (16094.59): 16094.61 = 16094.58 + 0.03.
  // 06 公用经费合计 = 302 + 310 carries 302's.
  '01 exp.grand amount published 16094.58 generated 16094.61',
  '01 exp.total amount published 16094.58 generated 16094.61',
  '01 inc.grand amount published 16094.58 generated 16094.61',
  '01 inc.total amount published 16094.58 generated 16094.61',
  '04 exp.grand gpb published 15922.99 generated 15923.02',
  '04 exp.grand total published 15922.99 generated 15923.02',
  '04 exp.total gpb published 15922.99 generated 15923.02',
  '04 exp.total total published 15922.99 generated 15923.02',
  '04 inc.grand amount published 15922.99 generated 15923.02',
  '04 inc.total amount published 15922.99 generated 15923.02',
  '06 publicTotal amount published 237.31 generated 237.32',
];

type Figures = Record<string, number | null | undefined> & { code: string };

/** Σ of the published 项 (7-digit) figures of a coded table's column under a code prefix, in hundredths of 万元. */
function itemSum(src: 't02' | 't03' | 't05', column: string, prefix: string): number {
  const rows: Figures[] = REFERENCE.tables[src].rows;
  return rows.filter((r) => r.code.length === 7 && r.code.startsWith(prefix)).reduce((a, r) => a + Math.round((r[column] ?? 0) * 100), 0);
}

/** Σ of the published economic 款 (5-digit) figures of 06 under the given 类, in hundredths of 万元. */
function economicSum(classes: string[]): number {
  const items: Figures[] = REFERENCE.tables.t06.items;
  return items.filter((i) => i.code.length === 5 && classes.includes(i.code.slice(0, 3))).reduce((a, i) => a + Math.round((i.amount ?? 0) * 100), 0);
}

const COLUMN_LABELS: Record<'02' | '03' | '05', Record<string, string>> = {
  '02': { total: '本年收入合计', fiscal: '财政拨款收入' },
  '03': { total: '本年支出合计', basic: '基本支出', project: '项目支出' },
  '05': { total: '小计', basic: '基本支出', project: '项目支出' },
};

/**
 * The exact total of the published detail behind a figure of the tails list, from the reference alone: the
 * 项 of 02/03/05 (01 from 02/03, 04 from 05, as their 类 and totals are built) and the 款 of 06.
 */
function publishedDetailTotal(table: string, row: string, col: string): number {
  const code = /^(code|class):/.test(row) ? row.slice(row.indexOf(':') + 1) : '';
  const src = { '02': 't02', '03': 't03', '05': 't05' } as const;
  if (table === '02' || table === '03' || table === '05') {
    const label = COLUMN_LABELS[table][col];
    if (!label) throw new Error(`no column ${table} ${col}`);
    return itemSum(src[table], label, code);
  }
  if (table === '01') return row === 'inc.gpb' ? itemSum('t02', '财政拨款收入', '') : itemSum('t03', '本年支出合计', code);
  if (table === '04') return itemSum('t05', '小计', code);
  if (table === '06' && row === 'econ:302') return economicSum(['302']);
  if (table === '06' && row === 'publicTotal') return economicSum(['302', '310']);
  throw new Error(`no detail known for ${table} ${row} ${col}`);
}

describe('generate from the Fuzhou working-sheet example', () => {
  let generated: FinalAccounts;
  let result: Awaited<ReturnType<typeof runGenerate>>;
  const dir = mkdtempSync(join(tmpdir(), 'fa-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const out = join(dir, 'out.xlsx');
    result = await runGenerate(join(ROOT, 'examples/fuzhou-gxj-2024-workings.xlsx'), out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const snap = workbookSnapshot(wb);
    generated = readAccounts({ sheets: snap.sheets.filter((s) => result.addedSheets.includes(s.name)) }, { profile: 'fuzhou-2024' }).accounts;
  }, 30000);

  test('adds the nine sheets and reads its inputs without problems', () => {
    expect(result.source).toBe('workings');
    expect(result.inputFindings).toEqual([]);
    // The nine tables, then the 情况说明 draft from the same figures (#13).
    expect(result.addedSheets).toHaveLength(10);
    expect(result.addedSheets[9]).toBe('情况说明（草稿）');
    expect(Object.keys(generated.tables).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
  });

  test('every published figure is printed, equal except the listed rounding tails', () => {
    const differences: string[] = [];
    const missing: string[] = [];
    for (const p of publishedFigures()) {
      const row = generated.tables[p.table]?.rows.find((r) => r.key === p.row);
      const cell = row?.cells[colKey(p.col)];
      if (!cell) {
        missing.push(`${p.table} ${p.row} ${p.col}`);
        continue;
      }
      const printed = minorToUnit(cell.minor, '万元');
      if (Math.round(printed * 100) !== Math.round(p.value * 100)) {
        differences.push(`${p.table} ${p.row} ${p.col} published ${p.value.toFixed(2)} generated ${printed.toFixed(2)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(differences.sort()).toEqual([...PUBLISHED_TAILS].sort());
  });

  test('each listed difference is a tail: at most 0.03 with the generated side the exact total of printed detail', () => {
    expect(PUBLISHED_TAILS.length).toBeGreaterThan(0);
    for (const line of PUBLISHED_TAILS) {
      const m = /^(\d\d) (\S+) (\S+) published ([\d.]+) generated ([\d.]+)$/.exec(line);
      expect(m).not.toBeNull();
      const [, table, row, col, published, printed] = m!;
      const cents = Math.round(Number(printed) * 100);
      expect(Math.abs(cents - Math.round(Number(published) * 100))).toBeLessThanOrEqual(3);
      // The generated side is the reference's own detail summed exactly (computed here, not by the generator).
      expect(`${line}: ${cents}`).toBe(`${line}: ${publishedDetailTotal(table, row, col)}`);
    }
  });

  test('generated rows are exactly the published rows (no code more, none less)', () => {
    for (const [id, src] of [
      ['02', 't02'],
      ['03', 't03'],
      ['05', 't05'],
    ] as const) {
      const published = REFERENCE.tables[src].rows.map((r: { code: string }) => r.code).sort();
      const rows = generated.tables[id]!.rows.filter((r) => r.key.startsWith('code:')).map((r) => r.code);
      expect(rows).toEqual(published);
    }
  });

  test('check of the generated tables: no error, no cross-table shift', () => {
    const findings = result.report!.findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.message.includes('同一数字在两张表中差'))).toEqual([]);
  });
});
