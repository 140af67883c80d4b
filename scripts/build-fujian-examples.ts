// Builds examples/fujian-r17-example.xlsx, fujian-r18-example.xlsx and fujian-s17-example.xlsx: the three Fujian
// 2018 self-evaluation forms with invented figures (scripts/examples/fujian-forms.ts). Run: npm run examples.
import { join } from 'node:path';
import { addLayoutSheet } from '../src/adapters/file/exceljs-layout';
import { buildR17, buildR18, buildS17 } from './examples/fujian-forms';
import { writeBook } from './examples/write-book';

const ROOT = join(__dirname, '..');

export async function buildFujianExamples(outDir = join(ROOT, 'examples')): Promise<string[]> {
  const books: [string, () => { layout: Parameters<typeof addLayoutSheet>[1] }][] = [
    ['fujian-r17-example.xlsx', buildR17],
    ['fujian-r18-example.xlsx', buildR18],
    ['fujian-s17-example.xlsx', buildS17],
  ];
  const paths: string[] = [];
  for (const [name, build] of books) {
    const path = join(outDir, name);
    await writeBook(path, (wb) => addLayoutSheet(wb, build().layout));
    paths.push(path);
  }
  return paths;
}

if (require.main === module) {
  buildFujianExamples().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
