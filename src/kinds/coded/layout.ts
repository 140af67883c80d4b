// Coded tables (02, 03, 05, 08, 09; central 07/08): 类/款/项 rows in code order under a multi-row
// header, the 合计 row where the profile puts it, the empty-table 说明 when there is no data.
import { codeOfRowKey, rowKind } from '../../core/keys';
import { knownName } from '../../core/catalogs/functional';
import type { MoneyUnit } from '../../core/money';
import type { TableData, TableRow } from '../../core/model';
import type { CodedSpec } from '../../core/profiles';
import { finishTable, hasNoData, writeNotes, writeTitleLines, type TableLayout } from '../layout/frame';
import { Grid } from '../layout/grid';
import { writeHeader, type HeaderColumn } from '../layout/headers';
import type { LayoutContext } from '../layout/options';
import { AMOUNT, CODE, HEADER, LABEL, TOTAL_LABEL, amountValue } from '../layout/styles';

const SPLIT_LEVELS = ['类', '款', '项'];

/** The code printed in each code column: `2011101`, or `201` `11` `01` when split. */
export function codeParts(code: string, split: boolean): string[] {
  if (!split) return [code];
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
}

export function codedRows(table: TableData | undefined): TableRow[] {
  return (table?.rows ?? [])
    .filter((r) => rowKind(r.key) === 'code')
    .sort((a, b) => (a.code ?? codeOfRowKey(a.key)!).localeCompare(b.code ?? codeOfRowKey(b.key)!));
}

export function layoutCoded(table: TableData | undefined, spec: CodedSpec, unit: MoneyUnit, ctx: LayoutContext): TableLayout {
  const split = ctx.codeStyle === 'split';
  // The official 类/款/项 row (split codes have their own 类/款/项 headers already).
  const levels = spec.levelsRow === true && !split;
  const codeCols = split || levels ? 3 : 1;
  const nameCol = codeCols;
  const firstAmount = nameCol + 1;
  const width = firstAmount + spec.columns.length;
  const problems: string[] = [];

  const grid = new Grid();
  const headerTop = writeTitleLines(grid, spec, width, unit, ctx);
  const headerColumns: HeaderColumn[] = [
    ...(levels
      ? [{ col: 0, span: 3, path: [...spec.itemHeader, spec.codeHeader] }]
      : SPLIT_LEVELS.slice(0, codeCols).map((level, i) => ({
          col: i,
          path: split ? [...spec.itemHeader, spec.codeHeader, level] : [...spec.itemHeader, spec.codeHeader],
        }))),
    { col: nameCol, path: [...spec.itemHeader, spec.nameHeader] },
    ...spec.columns.map((c, i) => ({ col: firstAmount + i, path: c.path })),
  ];
  let row = writeHeader(grid, headerTop, headerColumns) + 1;
  const writeLevels = (r: number) => SPLIT_LEVELS.forEach((level, i) => grid.put(r, i, level, HEADER));
  if (spec.columnNumbers && levels) {
    // 类 款 项 | 栏次 | 1 2 3 … as the published 08 prints it.
    writeLevels(row);
    grid.put(row, nameCol, '栏次', HEADER);
    spec.columns.forEach((c, i) => grid.put(row, firstAmount + i, String(c.columnNo ?? i + 1), HEADER));
    row++;
  } else if (spec.columnNumbers) {
    grid.area(row, 0, row, nameCol, '栏次', HEADER);
    spec.columns.forEach((c, i) => grid.put(row, firstAmount + i, String(c.columnNo ?? i + 1), HEADER));
    row++;
  }
  // Without a 栏次 row, the 类 款 项 labels share the 合计 row on top, as the published 02 and 03 print them.
  const levelsOnTotal = levels && !spec.columnNumbers && spec.totalPosition === 'top';
  if (levels && !spec.columnNumbers && !levelsOnTotal) {
    writeLevels(row);
    grid.put(row, nameCol, null, HEADER);
    row++;
  }
  const headerBottom = row - 1;

  const empty = spec.emptyNote !== undefined && hasNoData(table);
  const writeAmounts = (r: number, source: TableRow | undefined) => {
    spec.columns.forEach((c, i) => grid.put(r, firstAmount + i, amountValue(source?.cells[c.key], unit, ctx.zeroStyle), AMOUNT));
  };
  const writeTotal = () => {
    if (levelsOnTotal) writeLevels(row);
    else for (let c = 0; c < nameCol; c++) grid.put(row, c, null, CODE);
    grid.put(row, nameCol, spec.totalLabel, TOTAL_LABEL);
    writeAmounts(
      row,
      table?.rows.find((r) => r.key === 'total'),
    );
    row++;
  };

  if (spec.totalPosition === 'top') writeTotal();
  if (!empty) {
    for (const r of codedRows(table)) {
      const code = r.code ?? codeOfRowKey(r.key)!;
      if (levels) grid.area(row, 0, row, 2, code, CODE);
      else codeParts(code, split).forEach((part, i) => grid.put(row, i, part === '' ? null : part, CODE));
      grid.put(row, nameCol, r.label || knownName(code) || '', LABEL);
      writeAmounts(row, r);
      row++;
    }
  }
  if (spec.totalPosition === 'bottom') writeTotal();

  for (const r of table?.rows ?? []) {
    if (r.key !== 'total' && rowKind(r.key) !== 'code') {
      problems.push(`${spec.marker ?? spec.title}：行“${r.label}”不是科目行，生成时未列出。`);
    }
  }
  const notes = [...spec.notes, ...(empty && spec.emptyNote ? [spec.emptyNote] : [])];
  writeNotes(grid, row, width, notes, ctx);
  return finishTable(grid, spec.id, spec, width, headerBottom, problems);
}
