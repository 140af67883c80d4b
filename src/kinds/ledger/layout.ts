// Ledger tables (01, 04): an income block and an expenditure block side by side, their rows aligned
// section by section (the 类 rows against the income sources, the income total against the spending total, …).
import { classRow, codeOfRowKey, rowKind } from '../../core/keys';
import { CLASS_LISTS, CLASS_NAMES, type ClassListId } from '../../core/catalogs/functional';
import type { MoneyUnit } from '../../core/money';
import type { TableData } from '../../core/model';
import { isClassRows, type LedgerBlockSpec, type LedgerSpec, type Profile } from '../../core/profiles';
import { finishTable, writeNotes, writeTitleLines, type TableLayout } from '../layout/frame';
import { Grid } from '../layout/grid';
import { writeHeader, type HeaderColumn } from '../layout/headers';
import type { LayoutContext } from '../layout/options';
import { AMOUNT, EMPTY, LABEL, LABEL_INDENT, NUMBER_TEXT, amountValue } from '../layout/styles';

interface LedgerLine {
  key: string;
  label: string;
  section: number;
  indent?: boolean;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function ordinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1];
  if (n < 20) return `十${ORDINALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${ORDINALS[tens - 1]}十${units ? ORDINALS[units - 1] : ''}`;
}

/** The 类 list of a ledger table: the option, else the table's variant, else the profile's first. */
export function classListOf(table: TableData | undefined, profile: Profile, wanted?: ClassListId): ClassListId {
  if (wanted) return wanted;
  const variant = table?.variant;
  if (variant === '24' || variant === '26') return variant;
  return profile.classLists[0];
}

/** The rows of one block, the 类 placeholder expanded; 类 the model holds beyond the list follow it. */
function blockLines(block: LedgerBlockSpec, table: TableData | undefined, list: ClassListId, problems: string[], id: string): LedgerLine[] {
  const lines: LedgerLine[] = [];
  for (const r of block.rows) {
    if (!isClassRows(r)) {
      lines.push({ key: r.key, label: r.label, section: r.section, indent: r.indent });
      continue;
    }
    const classes = CLASS_LISTS[list];
    classes.forEach((c) => lines.push({ key: classRow(c.code), label: `${c.ordinal}、${c.name}`, section: r.section }));
    const listed = new Set(classes.map((c) => c.code));
    const extra = (table?.rows ?? [])
      .filter((row) => rowKind(row.key) === 'class' && !listed.has(codeOfRowKey(row.key)!))
      .filter((row) => Object.values(row.cells).some((c) => c.minor !== 0))
      .sort((a, b) => a.key.localeCompare(b.key));
    extra.forEach((row, i) => {
      const code = codeOfRowKey(row.key)!;
      const name = CLASS_NAMES.get(code) ?? row.label;
      problems.push(`公开${id}表：类“${code} ${name}”不在本格式的类级科目清单中，已列在清单之后，请核对。`);
      lines.push({ key: row.key, label: `${ordinal(classes.length + i + 1)}、${name}`, section: r.section });
    });
  }
  return lines;
}

export function layoutLedger(table: TableData | undefined, spec: LedgerSpec, unit: MoneyUnit, ctx: LayoutContext): TableLayout {
  const problems: string[] = [];
  const list = classListOf(table, ctx.profile, ctx.options.classList);
  const numbered = spec.rowNumbers === true;

  // Column plan: per block, item column, 行次 column, amount columns.
  const plans = spec.blocks.map((block) => ({ block, lines: blockLines(block, table, list, problems, spec.id), itemCol: 0, firstAmount: 0 }));
  let col = 0;
  for (const p of plans) {
    p.itemCol = col;
    p.firstAmount = col + 1 + (numbered ? 1 : 0);
    col = p.firstAmount + p.block.columns.length;
  }
  const width = col;

  const grid = new Grid();
  const headerTop = writeTitleLines(grid, spec, width, unit, ctx);
  const headerColumns: HeaderColumn[] = plans.flatMap((p) => [
    { col: p.itemCol, path: p.block.itemHeader, block: p.block.side },
    ...(numbered ? [{ col: p.itemCol + 1, path: [...p.block.itemHeader.slice(0, -1), '行次'], block: p.block.side }] : []),
    ...p.block.columns.map((c, i) => ({ col: p.firstAmount + i, path: c.path, block: p.block.side })),
  ]);
  const headerBottom = writeHeader(grid, headerTop, headerColumns);

  const sections = [...new Set(plans.flatMap((p) => p.lines.map((l) => l.section)))].sort((a, b) => a - b);
  let row = headerBottom + 1;
  let lineNo = 0;
  const numbers = new Map<string, number>();
  for (const p of plans) for (const l of p.lines) numbers.set(`${p.block.side}:${l.key}`, ++lineNo);
  for (const s of sections) {
    const height = Math.max(...plans.map((p) => p.lines.filter((l) => l.section === s).length));
    for (const p of plans) {
      const lines = p.lines.filter((l) => l.section === s);
      for (let i = 0; i < height; i++) {
        const r = row + i;
        const line = lines[i];
        if (!line) {
          grid.put(r, p.itemCol, null, EMPTY);
          if (numbered) grid.put(r, p.itemCol + 1, null, EMPTY);
          p.block.columns.forEach((_, j) => grid.put(r, p.firstAmount + j, null, EMPTY));
          continue;
        }
        grid.put(r, p.itemCol, line.label, line.indent ? LABEL_INDENT : LABEL);
        if (numbered) grid.put(r, p.itemCol + 1, String(numbers.get(`${p.block.side}:${line.key}`)), NUMBER_TEXT);
        const source = table?.rows.find((x) => x.key === line.key);
        p.block.columns.forEach((c, j) => grid.put(r, p.firstAmount + j, amountValue(source?.cells[c.key], unit, ctx.zeroStyle), AMOUNT));
      }
    }
    row += height;
  }
  writeNotes(grid, row, width, spec.notes, ctx);
  return finishTable(grid, spec.id, spec, width, headerBottom, problems);
}
