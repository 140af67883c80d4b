#!/usr/bin/env node
// Documentation helper for scripts/render-docs.sh: copies each generated 公开 sheet of a workbook
// into a workbook of its own (so each table converts to its own PDF, with its own page setup).
// Usage: node scripts/split-sheets.js <generated.xlsx> <outDir>
const path = require('node:path');
const ExcelJS = require('exceljs');

async function main() {
  const [input, outDir] = process.argv.slice(2);
  if (!input || !outDir) throw new Error('usage: split-sheets.js <generated.xlsx> <outDir>');
  const probe = new ExcelJS.Workbook();
  await probe.xlsx.readFile(input);
  const names = probe.worksheets.map((w) => w.name).filter((n) => /^公开0[1-9]表/.test(n));
  for (const name of names) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    for (const ws of [...wb.worksheets]) if (ws.name !== name) wb.removeWorksheet(ws.id);
    const id = name.slice(2, 4);
    const out = path.join(outDir, `table-${id}.xlsx`);
    await wb.xlsx.writeFile(out);
    console.log(out);
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
