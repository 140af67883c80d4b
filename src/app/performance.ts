// The 绩效自评 use case: read every self-evaluation table of a workbook, then score it (core/performance).
import { scorePerformance, type PerformanceOptions, type PerformanceResult } from '../core/performance';
import type { WorkbookSnapshot } from '../port/snapshot';
import { readPerformance } from '../readers/performance';

export type { PerformanceOptions, PerformanceResult } from '../core/performance';

export function checkPerformance(snapshot: WorkbookSnapshot, options: PerformanceOptions = {}): PerformanceResult {
  return scorePerformance(readPerformance(snapshot), options);
}
