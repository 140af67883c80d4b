// Behaviour of check and generate as plain data (no message text), for the refactoring baseline.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { refText } from '../../src/core/cells';
import { checkWorkbook } from '../../src/app/check';
import type { Finding } from '../../src/core/findings';
import { profileById, DEFAULT_PROFILE_ID } from '../../src/core/profiles';
import { generate } from '../../src/app/generate';
import type { SheetLayout } from '../../src/port/layout';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { layoutsSnapshot, syntheticWorkload, workloadSnapshot, Random } from '../../src/synthetic';
import { cloneSnapshot, ROOT, snapshotOf } from './example';

export type Behaviour = Record<string, unknown>;

/** A finding without its wording: rule, severity, table, cells (sorted), figures. */
export function findingShape(f: Finding): string {
  const cells = f.cells.map(refText).sort().join(' ');
  return [f.rule, f.severity, f.table, cells, f.expectedMinor ?? f.expected ?? '', f.actualMinor ?? f.actual ?? ''].join('|');
}

export function checkShape(s: WorkbookSnapshot, profile?: string): string[] {
  return checkWorkbook(s, { profile }).findings.map(findingShape).sort();
}

/** Per generated sheet: its merges and non-empty values, hashed (the baseline stays small). */
export function layoutShape(sheets: SheetLayout[]): string[] {
  return sheets.map((s) => {
    const lines = [`merges ${s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).join(' ')}`];
    for (const c of s.cells) if (c.value !== null && c.value !== '') lines.push(`${c.row},${c.col}=${JSON.stringify(c.value)}`);
    return `${s.name} ${lines.length} ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  });
}

function generateShape(snap: WorkbookSnapshot, profile: string): unknown {
  const g = generate(snap, profileById(profile)!);
  return { findings: g.findings.map(findingShape).sort(), sheets: layoutShape(g.sheets) };
}

/** Changes `count` numeric cells of the snapshot, seeded: ±0.01, ±1.00 or ×10. */
function mutate(s: WorkbookSnapshot, seed: number, count: number): WorkbookSnapshot {
  const copy = cloneSnapshot(s);
  const rnd = new Random(seed);
  const numeric: Array<[number, number, number]> = [];
  copy.sheets.forEach((sh, i) => sh.values.forEach((line, r) => line.forEach((v, c) => typeof v === 'number' && numeric.push([i, r, c]))));
  for (let k = 0; k < count && numeric.length; k++) {
    const [i, r, c] = numeric[Math.floor(rnd.next() * numeric.length)];
    const v = copy.sheets[i].values[r][c] as number;
    const pick = Math.floor(rnd.next() * 4);
    copy.sheets[i].values[r][c] = pick === 0 ? v + 0.01 : pick === 1 ? v - 0.01 : pick === 2 ? v + 1 : v * 10;
  }
  return copy;
}

export async function behaviourOf(): Promise<Behaviour> {
  const out: Behaviour = {};
  const dir = join(ROOT, 'examples');
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.xlsx'))
    .sort()) {
    const snap = await snapshotOf(join(dir, f));
    out[`check ${f}`] = checkShape(snap);
    for (let seed = 1; seed <= 12; seed++) out[`check ${f} edit ${seed}`] = checkShape(mutate(snap, seed * 7919, 1 + (seed % 3)));
    out[`generate ${f}`] = generateShape(snap, DEFAULT_PROFILE_ID);
    for (let seed = 1; seed <= 4; seed++) out[`generate ${f} edit ${seed}`] = generateShape(mutate(snap, seed * 104729, 3), DEFAULT_PROFILE_ID);
    const g = generate(snap, profileById(DEFAULT_PROFILE_ID)!);
    if (g.sheets.length) out[`check generated ${f}`] = checkShape(layoutsSnapshot(g.sheets));
  }
  for (const seed of [1, 2, 3]) {
    for (const form of ['workings', 'tables'] as const) {
      const w = syntheticWorkload('small', form, seed);
      const snap = workloadSnapshot(w);
      out[`check synthetic ${form} ${seed}`] = checkShape(snap);
      out[`check synthetic ${form} ${seed} edited`] = checkShape(mutate(snap, seed, 3));
      for (const profile of ['fuzhou-2024', 'shanghai-2024', 'central-2024']) {
        out[`generate synthetic ${form} ${seed} ${profile}`] = generateShape(snap, profile);
      }
    }
  }
  return out;
}
