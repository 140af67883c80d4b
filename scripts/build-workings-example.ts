// Builds examples/fuzhou-gxj-2024-workings.xlsx (working sheets filled with the reference document's
// 项-level figures) from the committed data examples/data/fuzhou-gxj-2024-workings.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addLayoutSheet } from '../src/adapters/file/exceljs-layout';
import { templateSheets, type WorkingFills, type WorkingRowFill } from '../src/generator/workings/template';
import { writeBook } from './examples/write-book';

interface WorkingsJson {
  unitName: string;
  year: number;
  unit: '元' | '万元';
  detail: Array<Record<string, string | number>>;
  fiscal: Array<Record<string, string | number>>;
  economic: Array<Record<string, string | number>>;
  threePublic: Record<string, Record<string, number>>;
  counts: Record<string, number>;
  carry?: Record<string, number>;
}

const root = join(__dirname, '..');

function codeRows(list: Array<Record<string, string | number>>): WorkingRowFill[] {
  return list.map(({ code, name, ...values }) => ({ key: String(code), name: String(name), values: values as Record<string, number> }));
}

export async function buildWorkingsExample(out = join(root, 'examples/fuzhou-gxj-2024-workings.xlsx')): Promise<string> {
  const data = JSON.parse(readFileSync(join(root, 'examples/data/fuzhou-gxj-2024-workings.json'), 'utf8')) as WorkingsJson;
  const settings = { unitName: data.unitName, year: data.year, unit: data.unit };
  const fills: WorkingFills = {
    detail: codeRows(data.detail),
    fiscal: codeRows(data.fiscal),
    economic: codeRows(data.economic),
    threePublic: Object.entries(data.threePublic).map(([key, values]) => ({ key, values })),
    counts: Object.entries(data.counts).map(([key, count]) => ({ key, values: { count } })),
    carry: Object.entries(data.carry ?? {}).map(([key, amount]) => ({ key, values: { amount } })),
  };
  await writeBook(out, (wb) => {
    for (const layout of templateSheets(settings, fills)) addLayoutSheet(wb, layout);
  });
  return out;
}

if (require.main === module) {
  buildWorkingsExample().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
