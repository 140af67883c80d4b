// Header rows and column mapping: which sheet column holds which column of the spec, whatever the order.
import type { ColumnSpec } from '../../core/profiles';
import { parseAmount } from '../../core/money';
import { headerTokens, valueAt, type Region } from './region';
import { norm } from './text';

const GENERIC_HEADER = ['栏次', '行次', '类', '款', '项', '项目', '决算数', '金额', '科目名称', '预算数', '收入', '支出'];

export function headerLabelSet(extra: string[]): Set<string> {
  return new Set([...GENERIC_HEADER, ...extra].map(norm));
}

function looksNumeric(v: unknown): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const p = parseAmount(v, '万元');
  return p.kind === 'number';
}

/**
 * The last header row below `from`: rows with header labels and no figures (栏次/行次 rows may
 * hold numbers). Returns from - 1 when there is no header.
 */
export function findHeaderBottom(region: Region, from: number, labels: Set<string>): number {
  let bottom = from - 1;
  const limit = Math.min(region.bottom, from + 8);
  for (let r = from; r <= limit; r++) {
    let hasLabel = false;
    let hasNumber = false;
    let isColumnNumbers = false;
    for (let c = region.left; c <= region.right; c++) {
      const v = valueAt(region, r, c);
      const t = norm(v);
      if (t === '栏次' || t === '行次') isColumnNumbers = true;
      if (t && (labels.has(t) || t.includes('编码') || t.startsWith('项目'))) hasLabel = true;
      if (looksNumeric(v) && !(typeof v === 'string' && /^0?\d{3}(\d{2}){0,2}$/.test(t))) hasNumber = true;
    }
    if (isColumnNumbers) {
      bottom = r;
      continue;
    }
    if (hasNumber) break;
    if (hasLabel) bottom = r;
    else if (bottom >= from) break;
  }
  return bottom;
}

export interface ColumnMatch {
  key: string;
  col: number;
  /** The column's printed name (its leaf header in the spec), for messages. */
  label: string;
}

/**
 * Maps spec columns to sheet columns by their header tokens: the full path (e.g. 本年支出 › 小计) beats
 * the leaf alone, which beats an alias. Each sheet column serves one spec column.
 */
export function mapColumns(
  tokens: Map<number, string[]>,
  columns: ColumnSpec[],
  candidates: number[],
): { matched: ColumnMatch[]; missing: ColumnSpec[] } {
  const scored: Array<{ key: string; col: number; score: number; label: string }> = [];
  for (const spec of columns) {
    const path = spec.path.map(norm);
    const leaf = path[path.length - 1];
    const aliases = (spec.aliases ?? []).map(norm);
    for (const col of candidates) {
      const tk = tokens.get(col) ?? [];
      if (tk.length === 0) continue;
      const last = tk[tk.length - 1];
      let score = 0;
      if (last === leaf) {
        score = 2;
        const parents = path.slice(0, -1);
        if (parents.length > 0 && parents.every((p) => tk.slice(0, -1).includes(p))) score = 3;
      } else if (aliases.includes(last)) {
        score = 1;
      }
      if (score > 0) scored.push({ key: spec.key, col, score, label: spec.path[spec.path.length - 1] });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.col - b.col);
  const usedCols = new Set<number>();
  const usedKeys = new Set<string>();
  const matched: ColumnMatch[] = [];
  for (const s of scored) {
    if (usedCols.has(s.col) || usedKeys.has(s.key)) continue;
    usedCols.add(s.col);
    usedKeys.add(s.key);
    matched.push({ key: s.key, col: s.col, label: s.label });
  }
  return { matched, missing: columns.filter((c) => !usedKeys.has(c.key)) };
}

export { headerTokens };
