// Reads 06表: blocks of (经济分类科目编码, 科目名称, 金额) side by side, and the 人员经费/公用经费 合计.
import { econRow } from '../../core/keys';
import { economicItem } from '../../core/catalogs/economic';
import { refText, type CellRef } from '../../core/cells';
import type { TableRow } from '../../core/model';
import type { EconomicSpec } from '../../core/profiles';
import { addFinding, readAmount, readNotes, type BodyResult, type TableReadContext } from '../read/context';
import { findHeaderBottom, headerLabelSet, headerTokens } from '../read/header';
import { ref, rowIsBlank, valueAt } from '../read/region';
import { isText, norm, normLabel, readCode } from '../read/text';

interface Block {
  code: number;
  name: number;
  amount: number;
}

const ECON_CODE = /^3\d{2}(\d{2})?$/;

export function readEconomicBody(ctx: TableReadContext, spec: EconomicSpec, bodyTop: number): BodyResult {
  const { region } = ctx;
  const labels = headerLabelSet([spec.codeHeader, spec.nameHeader, spec.amountHeader, ...spec.blocks.map((b) => b.group)]);
  const headerBottom = findHeaderBottom(region, bodyTop, labels);
  const tokens = headerTokens(region, bodyTop, headerBottom);
  const last = (c: number) => {
    const tk = tokens.get(c) ?? [];
    return tk[tk.length - 1] ?? '';
  };
  const blocks: Block[] = [];
  for (let c = region.left; c <= region.right; c++) {
    if (!last(c).includes('编码')) continue;
    let name = -1;
    let amount = -1;
    for (let d = c + 1; d <= Math.min(region.right, c + 4); d++) {
      if (name < 0 && last(d).includes('名称')) name = d;
      else if (amount < 0 && [spec.amountHeader, ...spec.amountAliases].some((h) => last(d) === norm(h))) {
        amount = d;
        break;
      }
    }
    if (name >= 0 && amount >= 0) blocks.push({ code: c, name, amount });
  }
  if (blocks.length === 0) blocks.push(...inferBlocks(ctx, headerBottom + 1));

  const rows: TableRow[] = [];
  const seen = new Map<string, CellRef>();
  const { start: notesFrom, notes, lastRow: lastNoteRow } = readNotes(ctx, headerBottom + 1);
  let lastRow = headerBottom;
  for (let r = headerBottom + 1; r < notesFrom; r++) {
    if (rowIsBlank(region, r)) continue;
    lastRow = r;
    // A block's 合计 row (the spec's block totals): the figure is the first non-empty cell right of the label.
    for (let c = region.left; c <= region.right; c++) {
      const v = valueAt(region, r, c);
      if (!isText(v)) continue;
      const label = normLabel(v);
      const key = spec.blocks.find((b) => label === norm(b.total.label))?.total.key;
      if (!key) continue;
      // The segment of this label runs to the next text label (one block total | … | the next | …).
      let end = region.right;
      let figure = -1;
      for (let d = c + 1; d <= region.right; d++) {
        const x = valueAt(region, r, d);
        if (x === null || (typeof x === 'string' && x.trim() === '')) continue;
        // Text in a block's amount column is a bad figure (#REF!, TRUE, 无), reported at its cell, not the next label.
        if (isText(x) && !/\d/.test(x) && x.trim() !== '—' && x.trim() !== '-' && !blocks.some((b) => b.amount === d)) {
          end = d - 1;
          break;
        }
        figure = d;
        break;
      }
      // A blank total (zeros printed blank): its cell is the last amount column of the segment.
      if (figure < 0) figure = Math.max(-1, ...blocks.map((b) => b.amount).filter((a) => a > c && a <= end));
      if (figure >= 0) {
        rows.push({ key, label: String(v).trim(), labelRef: ref(region, r, c), cells: { amount: readAmount(ctx, r, figure, String(v).trim()) } });
      }
    }
    for (const b of blocks) {
      const code = readCode(valueAt(region, r, b.code));
      if (!code) continue;
      const codeRef = ref(region, r, b.code);
      if (!ECON_CODE.test(code)) {
        addFinding(ctx, {
          rule: 'R-CODE',
          severity: 'error',
          message: `${ctx.label}的经济分类科目编码“${code}”格式不对（单元格 ${refText(codeRef)}），应为 3 位类或 5 位款，以 3 开头。`,
          cells: [codeRef],
        });
        continue;
      }
      const first = seen.get(code);
      if (first) {
        addFinding(ctx, {
          rule: 'R-DUP',
          severity: 'error',
          message: `${ctx.label}经济分类科目“${code}”出现了两次（单元格 ${refText(first)} 和 ${refText(codeRef)}）。`,
          cells: [first, codeRef],
        });
        continue;
      }
      seen.set(code, codeRef);
      const nameV = valueAt(region, r, b.name);
      const name = isText(nameV) ? String(nameV).trim() : (economicItem(code)?.name ?? '');
      rows.push({
        key: econRow(code),
        label: name,
        code,
        labelRef: ref(region, r, b.name),
        codeRef,
        cells: { amount: readAmount(ctx, r, b.amount, `${code} ${name}`) },
      });
    }
  }
  for (const { key, label } of spec.blocks.map((b) => b.total)) {
    if (!rows.some((r) => r.key === key)) {
      addFinding(ctx, {
        rule: 'R-MISSINGROW',
        severity: 'error',
        message: `${ctx.label}缺少“${label}”，相关核对无法进行。`,
        cells: [ref(region, region.top, region.left)],
      });
    }
  }
  return { rows, notes, lastRow: notes.length ? lastNoteRow : lastRow };
}

/** Without a header: each column holding economic codes starts a block (code, name, amount). */
function inferBlocks(ctx: TableReadContext, from: number): Block[] {
  const counts = new Map<number, number>();
  for (let r = from; r <= ctx.region.bottom; r++) {
    for (let c = ctx.region.left; c <= ctx.region.right; c++) {
      const code = readCode(valueAt(ctx.region, r, c));
      if (code && ECON_CODE.test(code)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return [...counts.entries()].filter(([, n]) => n >= 2).map(([c]) => ({ code: c, name: c + 1, amount: c + 2 }));
}
