// Shared pieces of reading one table: its unit line, its amounts, its notes, its findings.
import { refText, type CellRef } from '../../core/cells';
import type { Finding } from '../../core/findings';
import { parseAmount, type MoneyUnit } from '../../core/money';
import { clipText } from '../../core/quote';
import { amountCellCause } from './amount-cell';
import type { AmountCell, TableId, TableRow, UnmatchedRow } from '../../core/model';
import type { CellValue } from '../../port/snapshot';
import { ref, rowIsBlank, valueAt, type Region } from './region';
import { findYear, isNoteText, isText, norm } from './text';

export interface TableReadContext {
  id: TableId;
  /** `公开02表 收入决算表`, for messages. */
  label: string;
  region: Region;
  unit: MoneyUnit;
  findings: Finding[];
}

export interface RegionMeta {
  unit: MoneyUnit | null;
  unitRef: CellRef | null;
  unitName: string | null;
  year: number | null;
  /** First row after the title block (title, marker, unit lines). */
  bodyTop: number;
}

const UNIT_LINE = /^(?:金额)?单位[:：](.*)$/;
const ORG_LINE = /^(?:编制单位|编制部门|部门|单位名称)[:：](.*)$/;

/** Reads the lines between the title and the header: 单位：万元 / 单位：<unit name> / 编制单位 / year. */
export function readMeta(region: Region, titleRow: number, titleText: string | null): RegionMeta {
  const meta: RegionMeta = { unit: null, unitRef: null, unitName: null, year: titleText ? findYear(titleText) : null, bodyTop: titleRow + 1 };
  const scanTo = Math.min(region.bottom, titleRow + 6);
  for (let r = region.top; r <= scanTo; r++) {
    let sawMeta = false;
    for (let c = region.left; c <= region.right; c++) {
      const v = valueAt(region, r, c);
      if (!isText(v)) continue;
      const t = norm(v);
      // Several fields may share a cell: "编制单位：XX局    单位：万元".
      for (const rawPart of String(v)
        .split(/\s{2,}|\t/)
        .filter((p) => p.trim())) {
        const part = norm(rawPart);
        const u = UNIT_LINE.exec(part);
        if (u) {
          sawMeta = true;
          const what = u[1];
          if (what === '万元' || what === '元') {
            meta.unit = what;
            meta.unitRef = ref(region, r, c);
          } else if (what === '千元' || what === '亿元') {
            meta.unitRef = ref(region, r, c);
          } else if (what) {
            meta.unitName = meta.unitName ?? rawPart.trim().replace(/^(?:金额)?单位\s*[:：]\s*/, '');
          }
          continue;
        }
        const o = ORG_LINE.exec(part);
        if (o && o[1]) {
          sawMeta = true;
          meta.unitName = meta.unitName ?? rawPart.trim().replace(/^[^:：]*[:：]\s*/, '');
        }
      }
      if (meta.year === null && /^20\d{2}年度?$/.test(t)) meta.year = findYear(t);
    }
    if (sawMeta) meta.bodyTop = Math.max(meta.bodyTop, r + 1);
  }
  return meta;
}

export function addFinding(ctx: TableReadContext, f: Omit<Finding, 'table'>): void {
  ctx.findings.push({ table: ctx.id, ...f });
}

/** Reads an amount cell; unreadable text becomes an error finding naming the row (`what`), column and cell. */
export function readAmount(ctx: TableReadContext, row: number, col: number, what: string, column?: string): AmountCell {
  const raw: CellValue = valueAt(ctx.region, row, col);
  const cell = ref(ctx.region, row, col);
  const where = `${ctx.label}“${what}”${column ? `“${column}”列` : ''}`;
  const p = parseAmount(raw, ctx.unit);
  // A date, a logical or error value, a formula never calculated, digits apart by spaces: said as such.
  const cause = p.kind === 'invalid' || raw === null || typeof raw === 'number' ? amountCellCause(ctx.region.sheet, row, col, raw, p) : null;
  if (cause) {
    addFinding(ctx, { rule: 'R-AMOUNT', severity: 'error', message: `${where}的金额单元格 ${refText(cell)} ${cause}。`, cells: [cell] });
    return { minor: 0, ref: cell, invalid: true, raw };
  }
  switch (p.kind) {
    case 'number':
      return { minor: p.minor, ref: cell };
    case 'blank':
    case 'dash':
      return { minor: 0, ref: cell, blank: true };
    case 'invalid':
      addFinding(ctx, {
        rule: 'R-AMOUNT',
        severity: 'error',
        message: p.tooLarge
          ? `${where}的金额“${clipText(p.text)}”太大，超出可以精确核对的范围（单元格 ${refText(cell)}），未参与核对。请检查是否多输了位数或选错了金额单位。`
          : `${where}的金额“${clipText(p.text)}”无法识别为数字（单元格 ${refText(cell)}）。请填写数字，如 1234.56；无数据请留空或填 0。`,
        cells: [cell],
      });
      return { minor: 0, ref: cell, invalid: true, raw };
  }
}

/** The first cell of a row when it holds text; null when the row starts with a figure or is empty. */
function firstTextInRow(ctx: TableReadContext, r: number): string | null {
  for (let c = ctx.region.left; c <= ctx.region.right; c++) {
    const v = valueAt(ctx.region, r, c);
    if (isText(v)) return v;
    if (v !== null) return null;
  }
  return null;
}

export interface TableNotes {
  /** The first note row (注：…, 说明：…); region.bottom + 1 when the table has none. */
  start: number;
  /** The first text of each non-blank row from `start` down. */
  notes: string[];
  /** The last non-blank row from `start` down; start - 1 when there are no notes. */
  lastRow: number;
}

/** The notes under a table: everything from the first note line down is a note. */
export function readNotes(ctx: TableReadContext, from: number): TableNotes {
  const { region } = ctx;
  let start = region.bottom + 1;
  for (let r = from; r <= region.bottom; r++) {
    const t = firstTextInRow(ctx, r);
    if (t !== null && isNoteText(t)) {
      start = r;
      break;
    }
  }
  const notes: string[] = [];
  let lastRow = start - 1;
  for (let r = start; r <= region.bottom; r++) {
    if (rowIsBlank(region, r)) continue;
    const t = firstTextInRow(ctx, r);
    if (t) notes.push(t.trim());
    lastRow = r;
  }
  return { start, notes, lastRow };
}

/** What a kind's body reader returns: the rows, the notes under the table, the table's last row. */
export interface BodyResult {
  rows: TableRow[];
  notes: string[];
  lastRow: number;
  /** Rows among the 类 that match none (ledger tables). */
  unmatched?: UnmatchedRow[];
}
