// Synthetic workloads: valid units of any size, in the working-sheet form (底稿) or the nine-table form
// (公开表), with their 绩效自评 tables, all from a seed. Pure: layouts and snapshots only; file.ts writes them.
import { DEFAULT_PROFILE_ID, profileById } from '../core/profiles';
import { generate } from '../app/generate';
import type { SheetLayout } from '../port/layout';
import type { WorkbookSnapshot } from '../port/snapshot';
import { performanceLayouts } from './performance';
import { SIZES, type SizeId, type WorkloadSize } from './sizes';
import { layoutsSnapshot } from './snapshot';
import { syntheticUnit, workingLayouts, type SyntheticUnit } from './workings';

export { Random } from './random';
export { SIZES, SIZE_IDS, type SizeId, type WorkloadSize } from './sizes';
export { syntheticUnit, workingLayouts, workingFills, type SyntheticUnit, type SyntheticItem } from './workings';
export { performanceLayouts, syntheticProjects } from './performance';
export { layoutSnapshot, layoutsSnapshot } from './snapshot';

export type WorkloadForm = 'workings' | 'tables';

export interface Workload {
  size: WorkloadSize;
  form: WorkloadForm;
  seed: number;
  unit: SyntheticUnit;
  sheets: SheetLayout[];
}

function sizeOf(size: SizeId | WorkloadSize): WorkloadSize {
  return typeof size === 'string' ? SIZES[size] : size;
}

/** The nine 公开 tables of a unit, generated from its working sheets (default profile unless given). */
export function tableLayouts(unit: SyntheticUnit, profileId = DEFAULT_PROFILE_ID): SheetLayout[] {
  const result = generate(layoutsSnapshot(workingLayouts(unit)), profileById(profileId)!);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`synthetic working sheets did not generate: ${errors.map((f) => f.message).join('; ')}`);
  return result.sheets;
}

/** A whole workload: the unit's sheets in the chosen form, then its 绩效自评 sheets. */
export function syntheticWorkload(size: SizeId | WorkloadSize, form: WorkloadForm, seed = 1, unitName?: string): Workload {
  const s = sizeOf(size);
  const unit = syntheticUnit(seed, s.items, unitName);
  const main = form === 'workings' ? workingLayouts(unit) : tableLayouts(unit);
  const perf = performanceLayouts(seed, s, unit.unitName, unit.year);
  return { size: s, form, seed, unit, sheets: [...main, ...perf] };
}

export function workloadSnapshot(w: Workload): WorkbookSnapshot {
  return layoutsSnapshot(w.sheets);
}
