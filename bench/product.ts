// The product as users run it: the compiled build in lib/ (`npm run build:cli`, what the CLI and the batch
// workers execute), typed by the sources. Measuring the TypeScript sources through tsx instead would add
// its transform's cost (it wraps functions to keep their names, up to 1.5× in closure-heavy code), which
// no user pays. The Office adapter and the synthetic workloads are not timed and come from src/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const lib = join(__dirname, '..', 'lib');
if (!existsSync(join(lib, 'app', 'check.js'))) {
  throw new Error('bench: lib/ is missing — run `npm run build:cli` first (npm run bench does).');
}
// A path known only at run time (lib/ is built first), so require rather than import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(path: string): T => require(join(lib, path)) as T;

export const { addLayoutSheet } = load<typeof import('../src/adapters/file/exceljs-layout')>('adapters/file/exceljs-layout');
export const { workbookSnapshot } = load<typeof import('../src/adapters/file/exceljs-snapshot')>('adapters/file/exceljs-snapshot');
export const { checkWorkbook } = load<typeof import('../src/app/check')>('app/check');
export const { checkPerformance } = load<typeof import('../src/app/performance')>('app/performance');
export const { runTableRules } = load<typeof import('../src/core/rules')>('core/rules');
export const { deriveAccounts } = load<typeof import('../src/generator/derive')>('generator/derive');
export const { generate } = load<typeof import('../src/app/generate')>('app/generate');
export const { readWorkings } = load<typeof import('../src/readers/workings')>('readers/workings');
export const { readAccounts } = load<typeof import('../src/readers/tables')>('readers/tables');
export const { DEFAULT_PROFILE_ID, profileById } = load<typeof import('../src/core/profiles')>('core/profiles');
export const { leanSnapshot } = load<typeof import('../src/adapters/file/lean-snapshot')>('adapters/file/lean-snapshot');
export const { inspectWorkbook } = load<typeof import('../src/adapters/file/inspect-workbook')>('adapters/file/inspect-workbook');
