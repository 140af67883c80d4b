// Batch throughput: N generated unit workbooks (reference size, nine tables + 57 绩效 tables, distinct seeds)
// checked with `runBatch` on W worker threads. The workbooks are cached in bench/work/batch-<N>/ (not in git).
// Usage: npx tsx bench/batch.ts [--files 500] [--workers 2] [--size reference]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/cli/batch';
import { syntheticWorkload, type SizeId } from '../src/synthetic';
import { writeWorkload } from '../src/synthetic/file';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

async function main(): Promise<void> {
  const files = Number(arg('--files', '500'));
  const workers = Number(arg('--workers', '2'));
  const size = arg('--size', 'reference') as SizeId;
  const dir = join(__dirname, 'work', `batch-${size}-${files}`);
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  const t0 = performance.now();
  for (let i = 1; i <= files; i++) {
    const name = `unit-${String(i).padStart(4, '0')}.xlsx`;
    if (!have.has(name)) await writeWorkload(syntheticWorkload(size, 'tables', 10_000 + i, `合成单位${i}`), join(dir, name));
  }
  const prepMs = performance.now() - t0;
  const summaryDir = join(__dirname, 'work', `batch-summary-${Date.now()}`);
  const result = await runBatch({ kind: 'check', folder: dir, outDir: summaryDir, workers, quiet: true }, { out: () => {}, err: (t) => process.stderr.write(`${t}\n`) });
  const json = JSON.parse(readFileSync(result.jsonPath, 'utf8'));
  rmSync(summaryDir, { recursive: true, force: true });
  const figures = {
    measuredAt: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    size,
    files,
    workers,
    elapsedMs: json.elapsedMs,
    filesPerSecond: Math.round((files / json.elapsedMs) * 1000 * 10) / 10,
    totals: json.totals,
    medianFileMs: [...json.rows.map((r: { ms: number }) => r.ms)].sort((a: number, b: number) => a - b)[Math.floor(files / 2)],
    preparationMs: Math.round(prepMs),
  };
  const path = join(__dirname, 'batch-results.json');
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  if (!existsSync(path)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
