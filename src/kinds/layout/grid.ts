// A table being laid out: cells and merges in coordinates relative to the table's top-left corner.
import type { CellStyle, LayoutCell } from '../../port/layout';
import type { CellRange, CellValue } from '../../port/snapshot';

export class Grid {
  private readonly byPos = new Map<string, LayoutCell>();
  readonly merges: CellRange[] = [];
  readonly rowHeights: Record<number, number> = {};

  /** Sets one cell (value and style); a later put on the same cell replaces it. */
  put(row: number, col: number, value: CellValue, style?: CellStyle): void {
    this.byPos.set(`${row}:${col}`, { row, col, value, style });
  }

  /** A merged area: the value in its top-left cell, the style on every cell (so borders print whole). */
  area(top: number, left: number, bottom: number, right: number, value: CellValue, style?: CellStyle): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) this.put(r, c, r === top && c === left ? value : null, style);
    }
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  get(row: number, col: number): LayoutCell | undefined {
    return this.byPos.get(`${row}:${col}`);
  }

  cells(): LayoutCell[] {
    return [...this.byPos.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** The merge whose top-left cell is (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => m.top === row && m.left === col);
  }

  /** True when (row, col) lies inside a merge but is not its top-left cell. */
  isMergedSlave(row: number, col: number): boolean {
    return this.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && !(m.top === row && m.left === col));
  }

  get height(): number {
    let h = 0;
    for (const c of this.byPos.values()) h = Math.max(h, c.row + 1);
    return h;
  }
}
