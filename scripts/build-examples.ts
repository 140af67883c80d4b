// Builds the example workbooks in examples/ from the committed data in examples/data/.
// Run: npm run examples. The figures are exactly as printed in the reference documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addLayoutSheet } from '../src/adapters/file/exceljs-layout';
import { FUZHOU_2024 } from '../src/core/profiles/fuzhou-2024';
import { SHANGHAI_2024 } from '../src/core/profiles/shanghai-2024';
import { layoutTables, type LayoutOptions } from '../src/generator/layout';
import { fuzhouAccounts, type FuzhouJson } from './examples/fuzhou-tables';
import { performanceSheets } from './examples/performance-sheets';
import type { ShanghaiDocument } from './examples/shanghai-data';
import { shanghaiAccounts, useDocumentNotes } from './examples/shanghai-tables';
import { writeBook } from './examples/write-book';
import { departmentWorkbook } from './examples/department-2018';
import { addNarrativeSheet, writeNarrativeDocx } from './examples/narrative';
import { lastYearAccounts } from './examples/last-year';

const ROOT = join(__dirname, '..');

export async function buildFuzhou(outDir = join(ROOT, 'examples')): Promise<string> {
  const data = JSON.parse(readFileSync(join(ROOT, 'examples/data/fuzhou-gxj-2024.json'), 'utf8')) as FuzhouJson &
    Parameters<typeof performanceSheets>[0];
  const accounts = fuzhouAccounts(data);
  // The document's 第三部分 (情况说明) as printed: see test/fixtures/README.md.
  const narrative = readFileSync(join(ROOT, 'test/fixtures/fuzhou-gxj-2024/narrative.txt'), 'utf8');
  const path = join(outDir, 'fuzhou-gxj-2024.xlsx');
  await writeBook(path, (wb) => {
    const tables = layoutTables(accounts, FUZHOU_2024, { unitName: data.unit, year: data.year, scope: '单位' });
    for (const l of tables) addLayoutSheet(wb, l);
    for (const l of performanceSheets(data)) addLayoutSheet(wb, l);
    addNarrativeSheet(wb, narrative);
  });
  await writeNarrativeDocx(join(outDir, 'fuzhou-gxj-2024-narrative.docx'), narrative);
  await buildFuzhouLastYear(accounts, data, outDir);
  return path;
}

/** The invented 2023 workbook paired with the Fuzhou 2024 one (scripts/examples/last-year.ts). */
export async function buildFuzhouLastYear(accounts: ReturnType<typeof fuzhouAccounts>, data: FuzhouJson, outDir: string): Promise<string> {
  const last = lastYearAccounts(accounts);
  const path = join(outDir, 'fuzhou-gxj-2023-invented-last-year.xlsx');
  await writeBook(path, (wb) => {
    for (const l of layoutTables(last, FUZHOU_2024, { unitName: data.unit, year: last.year!, scope: '单位' })) addLayoutSheet(wb, l);
  });
  return path;
}

/**
 * The three Shanghai 普陀区 2024 documents (examples/data/shanghai-putuo-*-2024.json, from shanghai-data.ts), each
 * laid out a different way so that the reader meets every Shanghai form: 财政局 with split 类/款/项 code
 * columns (as its PDF prints them), 规划资源局 (24-row 类 list) with the nine tables stacked on one sheet,
 * 社会工作部 one table per sheet with a single code column.
 */
export const SHANGHAI_EXAMPLES: Array<{ name: string; layout: Partial<LayoutOptions> }> = [
  { name: 'shanghai-putuo-czj-2024', layout: { codeStyle: 'split' } },
  { name: 'shanghai-putuo-guihuaziyuan-2024', layout: { oneSheet: '部门决算公开表' } },
  { name: 'shanghai-putuo-shehuigongzuobu-2024', layout: {} },
];

export async function buildShanghai(outDir = join(ROOT, 'examples')): Promise<string[]> {
  const paths: string[] = [];
  for (const { name, layout } of SHANGHAI_EXAMPLES) {
    const doc = JSON.parse(readFileSync(join(ROOT, `examples/data/${name}.json`), 'utf8')) as ShanghaiDocument;
    const accounts = shanghaiAccounts(doc);
    const path = join(outDir, `${name}.xlsx`);
    await writeBook(path, (wb) => {
      const sheets = layoutTables(accounts, SHANGHAI_2024, { unitName: doc.unit, year: doc.year, scope: doc.scope, ...layout });
      for (const l of useDocumentNotes(sheets, accounts)) addLayoutSheet(wb, l);
    });
    paths.push(path);
  }
  return paths;
}

/** The invented 2018 ten-table department workbook (docs/department-2018.md), clean, and with one planted error per identity family. */
export async function buildDepartment(outDir = join(ROOT, 'examples')): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, plants] of [
    ['department-2018-example.xlsx', false],
    ['department-2018-planted-errors.xlsx', true],
  ] as const) {
    const { workbook } = departmentWorkbook({ plants });
    workbook.creator = '决算公开助手 examples';
    workbook.created = new Date('2025-01-01T00:00:00Z');
    workbook.modified = new Date('2025-01-01T00:00:00Z');
    const path = join(outDir, name);
    await workbook.xlsx.writeFile(path);
    console.log(`wrote ${path}`);
    paths.push(path);
  }
  return paths;
}

if (require.main === module) {
  buildFuzhou()
    .then(() => buildShanghai())
    .then(() => buildDepartment())
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
