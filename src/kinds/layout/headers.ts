// Multi-row headers from header paths: each leaf fills down to the last header row, and equal
// group labels on adjacent columns merge across.
import type { Grid } from './grid';
import { HEADER } from './styles';

export interface HeaderColumn {
  col: number;
  /** Labels from the top header row down to the leaf. */
  path: string[];
  /** Columns merge into one group cell only when their blocks match too (side-by-side blocks stay apart). */
  block?: string;
  /** Columns the label spans (default 1): the 科目编码 over its 类/款/项 columns. */
  span?: number;
}

/** Writes the header rows from `top` down, as many as the longest path; returns the last header row. */
export function writeHeader(grid: Grid, top: number, columns: HeaderColumn[]): number {
  const height = Math.max(1, ...columns.map((c) => c.path.length));
  const sorted = [...columns].sort((a, b) => a.col - b.col);
  for (let d = 0; d < height; d++) {
    let i = 0;
    while (i < sorted.length) {
      const c = sorted[i];
      const last = c.path.length - 1;
      if (d === last) {
        grid.area(top + d, c.col, top + height - 1, lastCol(c), c.path[d], HEADER);
        i++;
        continue;
      }
      if (d > last) {
        i++;
        continue;
      }
      const key = groupKey(c, d);
      let j = i;
      while (
        j + 1 < sorted.length &&
        sorted[j + 1].col === lastCol(sorted[j]) + 1 &&
        sorted[j + 1].path.length - 1 > d &&
        groupKey(sorted[j + 1], d) === key
      ) {
        j++;
      }
      grid.area(top + d, c.col, top + d, lastCol(sorted[j]), c.path[d], HEADER);
      i = j + 1;
    }
  }
  return top + height - 1;
}

function lastCol(c: HeaderColumn): number {
  return c.col + (c.span ?? 1) - 1;
}

function groupKey(c: HeaderColumn, depth: number): string {
  return `${c.block ?? ''}\u0000${c.path.slice(0, depth + 1).join('\u0000')}`;
}
