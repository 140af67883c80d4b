// Builds the example workbooks in examples/ from the committed data in examples/data/.
// Run: npm run examples. The figures are exactly as printed in the reference documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../src/adapters/file/exceljs-layout';
import { FUZHOU_2024 } from '../src/core/profiles/fuzhou-2024';
import { layoutTables } from '../src/generator/layout';
import { fuzhouAccounts, type FuzhouJson } from './examples/fuzhou-tables';
import { performanceSheets } from './examples/performance-sheets';

const ROOT = join(__dirname, '..');

async function writeBook(path: string, fill: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so that rebuilding gives the same file content.
  wb.creator = '决算公开助手 examples';
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = new Date('2025-01-01T00:00:00Z');
  fill(wb);
  await wb.xlsx.writeFile(path);
  console.log(`wrote ${path}`);
}

export async function buildFuzhou(outDir = join(ROOT, 'examples')): Promise<string> {
  const data = JSON.parse(readFileSync(join(ROOT, 'examples/data/fuzhou-gxj-2024.json'), 'utf8')) as FuzhouJson & Parameters<typeof performanceSheets>[0];
  const accounts = fuzhouAccounts(data);
  const path = join(outDir, 'fuzhou-gxj-2024.xlsx');
  await writeBook(path, (wb) => {
    const tables = layoutTables(accounts, FUZHOU_2024, { unitName: data.unit, year: data.year, scope: '单位' });
    for (const l of tables) addLayoutSheet(wb, l);
    for (const l of performanceSheets(data)) addLayoutSheet(wb, l);
  });
  return path;
}

if (require.main === module) {
  buildFuzhou().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
