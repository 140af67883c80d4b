// What the narrative check reports: every figure with its subject and status, and the findings.
import type { CellRef } from '../cells';
import type { Finding } from '../findings';
import type { FigureKind } from './figures';
import type { NarrativeSentence, NarrativeSource } from './model';

export type FigureStatus = 'ok' | 'tail' | 'error' | 'warning' | 'unverified';

export interface FigureResult {
  /** The figure as written, e.g. `人员经费3048.19万元` → `3048.19万元`, `增长 24.62%`. */
  text: string;
  value: number;
  kind: FigureKind;
  unit: string;
  sentence: NarrativeSentence;
  /** The subject it was tied to (`本年收入`, `2011301-行政运行`); null when none could be found. */
  subject: string | null;
  status: FigureStatus;
  /** Table cells it was compared with or recomputed from. */
  cells: CellRef[];
  /** What the tables (or the other figures) give, in the figure's unit. */
  expected?: number;
  /** Why a figure is 未核对, or how it was checked. */
  note?: string;
}

export interface NarrativeResult {
  source: NarrativeSource;
  figures: FigureResult[];
  findings: Finding[];
}

/** Counts for summaries: figures tied to a cell or recomputed, and by status. */
export function figureCounts(figures: FigureResult[]): Record<FigureStatus, number> & { checked: number } {
  const counts = { ok: 0, tail: 0, error: 0, warning: 0, unverified: 0, checked: 0 };
  for (const f of figures) {
    counts[f.status] += 1;
    if (f.status !== 'unverified') counts.checked += 1;
  }
  return counts;
}
