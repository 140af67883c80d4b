// Reads the two-sided summary tables (01, 04): an income block and an expenditure block side by side,
// each a list of labelled rows; the 类 rows are matched by name.
import { CLASS_LISTS, FORMER_CLASS_NAMES } from '../../core/catalogs/functional';
import { classRow, type RowKey } from '../../core/keys';
import type { AmountCell, TableRow, UnmatchedRow } from '../../core/model';
import { isClassRows, type ColumnSpec, type FixedRowSpec, type LedgerSpec } from '../../core/profiles';
import { addFinding, readAmount, readNotes, type BodyResult, type TableReadContext } from '../read/context';
import { findHeaderBottom, headerLabelSet, headerTokens, mapColumns } from '../read/header';
import { ref, valueAt } from '../read/region';
import { isText, normLabel } from '../read/text';

interface LabelEntry {
  key: RowKey;
  names: string[];
  /** A 类 row: also matched by its code printed before the name (`220 自然资源海洋气象等支出`). */
  code?: string;
}

/**
 * Every 类 with every name it has had: a 类 row is matched by its code first, then by its name in any
 * catalog year (a 2018 document prints 国土海洋气象等支出 for today's 220, a 2024 one the reverse).
 */
const CLASS_ENTRIES: LabelEntry[] = (() => {
  const names = new Map<string, Set<string>>();
  const add = (code: string, name: string) => {
    const set = names.get(code) ?? new Set<string>();
    set.add(normLabel(name)).add(normLabel(name.replace(/支出$/, '')));
    names.set(code, set);
  };
  for (const list of Object.values(CLASS_LISTS)) for (const c of list) add(c.code, c.name);
  for (const [code, former] of FORMER_CLASS_NAMES) for (const n of former) add(code, n);
  return [...names.entries()].map(([code, set]) => ({ key: classRow(code), code, names: [...set] }));
})();

function blockEntries(rows: LedgerSpec['blocks'][number]['rows']): LabelEntry[] {
  return rows.flatMap((r) => (isClassRows(r) ? CLASS_ENTRIES : [{ key: r.key, names: [r.label, ...(r.aliases ?? [])].map(normLabel) }]));
}

function matches(entry: LabelEntry, label: string): boolean {
  if (entry.code !== undefined && label.startsWith(entry.code) && !/^\d/.test(label.slice(entry.code.length))) return true;
  return entry.names.includes(label);
}

export function readLedgerBody(ctx: TableReadContext, spec: LedgerSpec, bodyTop: number): BodyResult {
  const { region } = ctx;
  const entries = spec.blocks.map((b) => blockEntries(b.rows));
  const labels = headerLabelSet(spec.blocks.flatMap((b) => [...b.itemHeader, ...b.columns.flatMap((c) => [...c.path, ...(c.aliases ?? [])])]));
  const headerBottom = findHeaderBottom(region, bodyTop, labels);
  const tokens = headerTokens(region, bodyTop, headerBottom);

  // Which column holds each block's labels: the one where most of that block's labels are found.
  const hits = spec.blocks.map(() => new Map<number, number>());
  const { start: notesFrom, notes, lastRow } = readNotes(ctx, headerBottom + 1);
  for (let r = headerBottom + 1; r < notesFrom; r++) {
    for (let c = region.left; c <= region.right; c++) {
      const v = valueAt(region, r, c);
      if (!isText(v)) continue;
      const label = normLabel(v);
      entries.forEach((es, b) => {
        if (es.some((e) => matches(e, label))) hits[b].set(c, (hits[b].get(c) ?? 0) + 1);
      });
    }
  }
  const labelCols: number[] = [];
  spec.blocks.forEach((_, b) => {
    const best = [...hits[b].entries()].filter(([c]) => !labelCols.includes(c)).sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
    labelCols.push(best ? best[0] : -1);
  });

  const rows: TableRow[] = [];
  const unmatched: UnmatchedRow[] = [];
  const used = new Set<string>();
  const titleCell = ref(region, region.top, region.left);
  spec.blocks.forEach((block, b) => {
    const labelCol = labelCols[b];
    if (labelCol < 0) {
      addFinding(ctx, {
        rule: 'R-BLOCK',
        severity: 'error',
        message: `${ctx.label}找不到${block.heading ?? (block.side === 'income' ? '收入' : '支出')}部分的项目列，无法读取该部分。`,
        cells: [titleCell],
      });
      return;
    }
    const nextLabel = Math.min(...labelCols.filter((c) => c > labelCol), region.right + 1);
    const candidates: number[] = [];
    for (let c = labelCol + 1; c < nextLabel; c++) {
      const tk = tokens.get(c) ?? [];
      if (tk.includes('行次') || tk.includes('栏次')) continue;
      candidates.push(c);
    }
    const cols = assignColumns(tokens, block.columns, candidates, ctx, headerBottom + 1, notesFrom - 1);
    for (const m of cols.missing) {
      addFinding(ctx, {
        rule: 'R-COLUMN',
        severity: 'error',
        message: `${ctx.label}缺少“${m.path.join('—')}”列。请按公开表格式补齐该列。`,
        cells: [titleCell],
      });
    }
    let pointer = 0;
    const blockEntriesOrdered = entries[b];
    for (let r = headerBottom + 1; r < notesFrom; r++) {
      const v = valueAt(region, r, labelCol);
      if (!isText(v)) {
        const stray = cols.matched.filter((m) => {
          const x = valueAt(region, r, m.col);
          return x !== null && x !== '' && x !== 0;
        });
        if (stray.length && v === null) {
          addFinding(ctx, {
            rule: 'R-ROW',
            severity: 'error',
            message: `${ctx.label}第 ${r + 1} 行有金额但没有项目名称，无法判断属于哪一行。`,
            cells: stray.map((m) => ref(region, r, m.col)),
          });
        }
        continue;
      }
      const label = normLabel(v);
      if (label === '项目' || label === '栏次') continue;
      let idx = blockEntriesOrdered.findIndex((e, i) => i >= pointer && !used.has(`${b}:${e.key}`) && matches(e, label));
      if (idx < 0) idx = blockEntriesOrdered.findIndex((e) => !used.has(`${b}:${e.key}`) && matches(e, label));
      const amounts: Record<string, AmountCell> = {};
      for (const m of cols.matched) amounts[m.key] = readAmount(ctx, r, m.col, `${String(v).trim()}`);
      if (idx < 0) {
        if (Object.values(amounts).some((a) => !a.blank)) {
          const at = ref(region, r, labelCol);
          const inClasses = block.rows.some(isClassRows);
          addFinding(ctx, {
            rule: 'R-ROW',
            severity: 'warning',
            message: `${ctx.label}的行“${String(v).trim()}”不是本表的标准行${inClasses ? '，也不是已知的类级科目' : ''}，未参与核对。请核对行名称是否与公开表格式一致。`,
            cells: [at],
          });
          // A figure of this block that no row key holds: the sums over the block's 类 cannot be checked.
          if (inClasses) unmatched.push({ label: String(v).trim(), labelRef: at });
        }
        continue;
      }
      pointer = idx + 1;
      const entry = blockEntriesOrdered[idx];
      used.add(`${b}:${entry.key}`);
      rows.push({ key: entry.key, label: String(v).trim(), labelRef: ref(region, r, labelCol), cells: amounts });
    }
    for (const r of block.rows) {
      if (isClassRows(r)) continue;
      if (!used.has(`${b}:${(r as FixedRowSpec).key}`)) {
        addFinding(ctx, {
          rule: 'R-MISSINGROW',
          severity: 'error',
          message: `${ctx.label}缺少“${r.label}”行，相关核对无法进行。`,
          cells: [titleCell],
        });
      }
    }
  });
  return { rows, notes, lastRow, unmatched };
}

/** Header match first; columns the header does not name are taken in order from those holding figures. */
function assignColumns(tokens: Map<number, string[]>, columns: ColumnSpec[], candidates: number[], ctx: TableReadContext, from: number, to: number) {
  const { matched, missing } = mapColumns(tokens, columns, candidates);
  if (missing.length === 0) return { matched, missing };
  const taken = new Set(matched.map((m) => m.col));
  const withFigures = candidates.filter((c) => {
    if (taken.has(c)) return false;
    for (let r = from; r <= to; r++) {
      const v = valueAt(ctx.region, r, c);
      if (typeof v === 'number' || (typeof v === 'string' && /\d/.test(v))) return true;
    }
    return false;
  });
  const still: ColumnSpec[] = [];
  for (const m of missing) {
    const c = withFigures.shift();
    if (c === undefined) still.push(m);
    else matched.push({ key: m.key, col: c, label: m.path[m.path.length - 1] });
  }
  return { matched, missing: still };
}
