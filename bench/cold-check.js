// One cold `check` in a fresh process, step by step, on the compiled build (lib/): what a single CLI call pays
// before any JIT warm-up. Run by bench/measure-size.ts (several times; it takes the median); prints one JSON line.
// The lean read and the engine come first (as in `check`), then the bare ExcelJS load and its snapshot, each the
// first call of its code in the process. Module loading is outside every figure. Usage: node bench/cold-check.js <file.xlsx>
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const lib = join(__dirname, '..', 'lib');
const { inspectWorkbook } = require(join(lib, 'adapters/file/inspect-workbook'));
const { leanSnapshot } = require(join(lib, 'adapters/file/lean-snapshot'));
const { checkWorkbook } = require(join(lib, 'app/check'));
const { workbookSnapshot } = require(join(lib, 'adapters/file/exceljs-snapshot'));
const ExcelJS = require('exceljs');

async function main() {
  const data = new Uint8Array(readFileSync(process.argv[2]));
  const t = () => performance.now();
  let t0 = t();
  const parts = new Map();
  const refusal = await inspectWorkbook(data, undefined, parts);
  const inspectMs = t() - t0;
  if (refusal) throw new Error(refusal.cause);
  t0 = t();
  const snap = leanSnapshot(data, parts);
  const leanParseMs = t() - t0;
  if (!snap) throw new Error('the lean read path declined this workbook');
  t0 = t();
  checkWorkbook(snap, { file: process.argv[2] });
  const engineMs = t() - t0;
  t0 = t();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const loadMs = t() - t0;
  t0 = t();
  workbookSnapshot(wb);
  const fullSnapshotMs = t() - t0;
  process.stdout.write(
    `${JSON.stringify({ inspectMs, leanParseMs, leanReadMs: inspectMs + leanParseMs, engineMs, loadMs, fullReadMs: loadMs + fullSnapshotMs })}\n`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
