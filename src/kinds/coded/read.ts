// Reads a table of 功能分类 rows (02, 03, 05, 08, 09): codes in one column or split into 类/款/项.
import { refText } from '../../core/cells';
import { codeRow, econRow } from '../../core/keys';
import { levelOfCode, type AmountCell, type TableRow } from '../../core/model';
import type { CodedSpec } from '../../core/profiles';
import { addFinding, readAmount, readNotes, type BodyResult, type TableReadContext } from '../read/context';
import { findHeaderBottom, headerLabelSet, headerTokens, mapColumns } from '../read/header';
import { ref, rowIsBlank, valueAt } from '../read/region';
import { isText, norm, readCode } from '../read/text';

interface CodeColumns {
  single: number | null;
  split: [number, number, number] | null;
  name: number | null;
}

function findCodeColumns(tokens: Map<number, string[]>, spec: CodedSpec): CodeColumns {
  const out: CodeColumns = { single: null, split: null, name: null };
  const lastIs = (t: string) => [...tokens.entries()].filter(([, tk]) => tk[tk.length - 1] === t).map(([c]) => c);
  const [lei, kuan, xiang] = [lastIs('类'), lastIs('款'), lastIs('项')];
  if (lei.length && kuan.length && xiang.length) out.split = [lei[0], kuan[0], xiang[0]];
  for (const [c, tk] of tokens) {
    if (out.name === null && tk.some((t) => t === norm(spec.nameHeader) || t.endsWith('名称'))) out.name = c;
    if (out.single === null && !out.split && tk.some((t) => t.includes('编码'))) out.single = c;
  }
  return out;
}

/** Infers code and name columns from the data when the header does not name them. */
function inferCodeColumns(ctx: TableReadContext, from: number, to: number): CodeColumns {
  const { region } = ctx;
  const counts = new Map<number, number>();
  for (let r = from; r <= to; r++) {
    for (let c = region.left; c <= region.right; c++) {
      const code = readCode(valueAt(region, r, c));
      if (code && levelOfCode(code)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!best) return { single: null, split: null, name: null };
  return { single: best[0], split: null, name: best[0] + 1 };
}

function readRowCode(ctx: TableReadContext, cols: CodeColumns, r: number): { code: string | null; text: string } {
  const { region } = ctx;
  if (cols.split) {
    const parts = cols.split.map((c) => valueAt(region, r, c));
    const texts = parts.map((p) => (p === null ? '' : norm(p)));
    // 款 and 项 cells may hold the two-digit part or the whole code.
    const [a, b, c] = texts;
    let code = '';
    if (c.length === 7) code = c;
    else if (b.length === 5 && !c) code = b;
    else code = a + b + c;
    const text = texts.join('');
    return { code: /^\d+$/.test(code) ? code : null, text };
  }
  const v = cols.single === null ? null : valueAt(region, r, cols.single);
  return { code: readCode(v), text: norm(v) };
}

export function readCodedBody(ctx: TableReadContext, spec: CodedSpec, bodyTop: number): BodyResult {
  const totalLabels = new Set([spec.totalLabel, ...spec.totalAliases].map(norm));
  const { region } = ctx;
  const labels = headerLabelSet([
    ...spec.columns.flatMap((c) => [...c.path, ...(c.aliases ?? [])]),
    spec.codeHeader,
    spec.nameHeader,
    ...spec.itemHeader,
  ]);
  const headerBottom = findHeaderBottom(region, bodyTop, labels);
  const tokens = headerTokens(region, bodyTop, headerBottom);
  let cols = findCodeColumns(tokens, spec);
  if (cols.single === null && !cols.split) cols = inferCodeColumns(ctx, headerBottom + 1, region.bottom);
  const codeCols = new Set([cols.single, cols.name, ...(cols.split ?? [])].filter((c): c is number => c !== null));
  const candidates = [...tokens.keys()].filter((c) => !codeCols.has(c));
  const { matched, missing } = mapColumns(tokens, spec.columns, candidates);
  const titleCell = ref(region, region.top, region.left);
  for (const m of missing) {
    addFinding(ctx, {
      rule: 'R-COLUMN',
      severity: 'error',
      message: `${ctx.label}缺少“${m.path.join('—')}”列（表头在 ${region.sheet.name} 第 ${bodyTop + 1}–${headerBottom + 1} 行）。请按公开表格式补齐该列，该列相关的核对无法进行。`,
      cells: [titleCell],
    });
  }

  const rows: TableRow[] = [];
  const notes: string[] = [];
  const seen = new Map<string, number>();
  const tail = readNotes(ctx, headerBottom + 1);
  let lastRow = headerBottom;
  for (let r = headerBottom + 1; r < tail.start; r++) {
    if (rowIsBlank(region, r)) continue;
    const { code, text: codeText } = readRowCode(ctx, cols, r);
    const nameValue = cols.name === null ? null : valueAt(region, r, cols.name);
    const name = isText(nameValue) ? String(nameValue).trim() : '';
    const amounts: Record<string, AmountCell> = {};
    let anyFigure = false;
    const rowName = code ?? name;
    for (const m of matched) {
      const cell = readAmount(ctx, r, m.col, rowName, m.label);
      amounts[m.key] = cell;
      if (!cell.blank) anyFigure = true;
    }
    const label = norm(name) || codeText;
    lastRow = r;
    if (label === '栏次' || codeText === '栏次') continue;
    if (!code && (totalLabels.has(label) || codeText === norm(spec.totalLabel))) {
      rows.push({ key: 'total', label: spec.totalLabel, labelRef: ref(region, r, cols.name ?? cols.single ?? region.left), cells: amounts });
      continue;
    }
    if (!code) {
      if (!anyFigure || !label) {
        if (anyFigure) {
          addFinding(ctx, {
            rule: 'R-ROW',
            severity: 'error',
            message: `${ctx.label}第 ${r + 1} 行有金额但没有科目编码和名称，无法判断属于哪个科目。`,
            cells: matched.filter((m) => !amounts[m.key].blank).map((m) => ref(region, r, m.col)),
          });
        }
        // A stray text line inside the table (e.g. a heading or a template instruction) is a note.
        else if (label) notes.push(name || String(valueAt(region, r, cols.single ?? region.left) ?? ''));
        continue;
      }
      const at = ref(region, r, cols.single ?? cols.split?.[0] ?? region.left);
      addFinding(ctx, {
        rule: 'R-CODE',
        severity: 'error',
        message: `${ctx.label}“${name}”行的科目编码“${codeText || '（空）'}”不是数字编码（单元格 ${refText(at)}），无法按科目核对。`,
        cells: [at],
      });
      continue;
    }
    const codeRef = ref(region, r, cols.single ?? cols.split?.[0] ?? region.left);
    if (seen.has(code)) {
      addFinding(ctx, {
        rule: 'R-DUP',
        severity: 'error',
        message: `${ctx.label}科目“${code}”出现了两次（第 ${seen.get(code)! + 1} 行和第 ${r + 1} 行）。`,
        cells: [ref(region, seen.get(code)!, codeRef.col), codeRef],
      });
      continue;
    }
    seen.set(code, r);
    if (spec.codes === 'economic' && code.length !== 3 && code.length !== 5) {
      addFinding(ctx, {
        rule: 'R-CODE',
        severity: 'error',
        message: `${ctx.label}“${name}”行的经济分类编码“${code}”应为 3 位（类）或 5 位（款）数字（单元格 ${refText(codeRef)}），无法按科目核对。`,
        cells: [codeRef],
      });
      continue;
    }
    rows.push({
      key: spec.codes === 'economic' ? econRow(code) : codeRow(code),
      label: name,
      code,
      level: levelOfCode(code),
      labelRef: cols.name === null ? null : ref(region, r, cols.name),
      codeRef,
      cells: amounts,
    });
  }
  notes.push(...tail.notes);
  return { rows, notes, lastRow: tail.notes.length ? tail.lastRow : lastRow };
}
