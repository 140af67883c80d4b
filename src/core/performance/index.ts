// 绩效自评 scoring checks. Placeholder until the scoring module lands: it reads nothing and reports nothing.
import type { WorkbookSnapshot } from '../../port/snapshot';
import type { Finding } from '../findings';
import type { ProjectSummary } from '../report';

export interface PerformanceOptions {
  /** Rubric id (e.g. `gongkai-2024`, `fujian-2018-r17`). */
  rubric?: string;
  /** Rubric settings, e.g. the 执行率 score rule. */
  settings?: Record<string, unknown>;
}

export interface PerformanceResult {
  findings: Finding[];
  projects: ProjectSummary[];
}

export function checkPerformance(_snapshot: WorkbookSnapshot, _options: PerformanceOptions = {}): PerformanceResult {
  return { findings: [], projects: [] };
}
