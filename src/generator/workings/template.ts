// The working-sheet template: empty (for `final-accounts template` and the add-in) or filled (examples).
import type { CellStyle, SheetLayout } from '../../port/layout';
import { withFont } from '../layout';
import { Grid } from '../../kinds/layout/grid';
import { writeHeader, type HeaderColumn } from '../../kinds/layout/headers';
import { AMOUNT, CODE, EMPTY, LABEL, NOTE, textWidth } from '../../kinds/layout/styles';
import { fitRowHeights } from '../../kinds/layout/frame';
import { breakAtWords, linesWidth } from '../../kinds/layout/header-break';
import { lastYearColumns, SETTING_LABELS, WORKING_SHEETS, type WorkingSheetSpec } from '../../core/workings/spec';

export interface WorkingSettings {
  unitName?: string;
  year?: number;
  unit?: '元' | '万元';
}

export interface WorkingRowFill {
  /** Code (code/econ sheets) or fixed-row key. */
  key: string;
  name?: string;
  values: Record<string, number | null>;
}

const TITLE: CellStyle = { bold: true, fontSize: 14, hAlign: 'left', vAlign: 'middle' };
const SETTING_LABEL: CellStyle = { bold: true, hAlign: 'right', vAlign: 'middle' };
const SETTING_VALUE: CellStyle = { hAlign: 'left', vAlign: 'middle', border: true, fill: 'FFFFF2CC' };
const COUNT: CellStyle = { ...AMOUNT, numberFormat: '0' };
const BLANK_ROWS = 30;
/** Width (characters) kept for the unit name typed on 底稿1: a full name such as 福州市工业和信息化局（本级）. */
const UNIT_NAME_WIDTH = 30;
/** A header leaf wider than this takes two lines, broken between words. */
const HEADER_ONE_LINE = 12;

/** A column's header leaf as printed: on one line, or on two broken between words. */
function headerLeaf(text: string): string {
  return textWidth(text) > HEADER_ONE_LINE ? breakAtWords(text) : text;
}
const FONT = '宋体';

/** Column count of a working sheet: key, name (if any), data columns. */
function firstDataCol(spec: WorkingSheetSpec): number {
  return spec.rows === 'fixed' ? 1 : 2;
}

export function workingSheetLayout(spec: WorkingSheetSpec, settings: WorkingSettings = {}, rows?: WorkingRowFill[]): SheetLayout {
  const grid = new Grid();
  const first = firstDataCol(spec);
  // This year's columns, then the 上年数 beside them (blank: last year not known).
  const columns = [...spec.columns, ...lastYearColumns(spec)];
  const width = Math.max(first + columns.length, 4);
  grid.area(0, 0, 0, width - 1, spec.title, TITLE);
  grid.rowHeights[0] = 24;

  // Row 1: settings (单位名称 and 年度 on the first sheet; 金额单位 on every sheet with money).
  const settingCells: Array<[string, string | number | null]> = [];
  if (spec.id === 'detail') settingCells.push([SETTING_LABELS.unitName, settings.unitName ?? null], [SETTING_LABELS.year, settings.year ?? null]);
  if (spec.money) settingCells.push([SETTING_LABELS.unit, settings.unit ?? '万元']);
  settingCells.forEach(([label, value], i) => {
    grid.put(1, i * 2, label, SETTING_LABEL);
    grid.put(1, i * 2 + 1, value, SETTING_VALUE);
  });

  let row = 2;
  for (const line of spec.instructions) {
    grid.area(row, 0, row, width - 1, `说明：${line}`, NOTE);
    row++;
  }

  const header: HeaderColumn[] = [
    { col: 0, path: [spec.keyHeader] },
    ...(spec.nameHeader ? [{ col: 1, path: [spec.nameHeader] }] : []),
    ...columns.map((c, i) => ({ col: first + i, path: [...c.path.slice(0, -1), headerLeaf(c.path[c.path.length - 1])] })),
  ];
  const headerTop = row;
  const headerBottom = writeHeader(grid, headerTop, header);
  row = headerBottom + 1;

  const valueStyle = (count?: boolean) => (count ? COUNT : AMOUNT);
  if (spec.rows === 'fixed') {
    for (const fixed of spec.fixedRows ?? []) {
      const fill = rows?.find((r) => r.key === fixed.key);
      grid.put(row, 0, fixed.label, LABEL);
      columns.forEach((c, i) => grid.put(row, first + i, fill?.values[c.key] ?? null, valueStyle(c.count)));
      row++;
    }
  } else {
    const fills = rows ?? [];
    const count = rows ? fills.length : BLANK_ROWS;
    for (let i = 0; i < count; i++) {
      const fill = fills[i];
      grid.put(row, 0, fill?.key ?? null, CODE);
      grid.put(row, 1, fill?.name ?? null, fill ? LABEL : EMPTY);
      columns.forEach((c, j) => grid.put(row, first + j, fill?.values[c.key] ?? null, valueStyle(c.count)));
      row++;
    }
  }

  const widths = new Array<number>(width).fill(12);
  widths[0] = spec.rows === 'fixed' ? 34 : 16;
  if (spec.nameHeader) {
    const longest = Math.max(10, ...(rows ?? []).map((r) => textWidth(r.name ?? '')));
    widths[1] = Math.min(44, longest + 2);
  }
  // The unit name is typed right of its label: room for a full name, so it never runs into 年度.
  if (spec.id === 'detail') widths[1] = Math.max(widths[1], UNIT_NAME_WIDTH, textWidth(settings.unitName ?? '') + 2);
  columns.forEach((c, i) => (widths[first + i] = Math.max(12, linesWidth(headerLeaf(c.path[c.path.length - 1])) + 2)));
  // The title (14 pt, one line) fits across the sheet: the name column (else the first) takes what is missing.
  const titleWidth = Math.ceil((textWidth(spec.title) * (TITLE.fontSize ?? 10)) / 10) + 2;
  const missing = titleWidth - widths.reduce((a, w) => a + w, 0);
  if (missing > 0) widths[spec.nameHeader ? 1 : 0] += missing;
  // Header labels and 说明 lines wrap: each row as high as its text needs when printed.
  fitRowHeights(grid, widths);

  return {
    name: spec.name,
    cells: withFont(grid.cells(), FONT),
    merges: grid.merges,
    columnWidths: widths,
    rowHeights: grid.rowHeights,
    frozenRows: headerBottom + 1,
    pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printTitleRows: [headerTop, headerBottom] },
  };
}

const INSTRUCTIONS_WIDTH = 96;

/** The instructions sheet placed first in the template. */
export function instructionsLayout(): SheetLayout {
  const lines = [
    '决算公开助手 · 底稿填写说明',
    '1. 在“底稿1”至“底稿6”中填写本年度决算数据；底稿5、底稿6 没有数据时可以留空。',
    '2. 每张底稿第 2 行声明金额单位（元 或 万元）；底稿1 还需填写单位名称和年度。',
    '3. 金额只填数字；编码按文本填写（如 2011101），不要带空格或名称。',
    '4. 填好后运行“生成公开表”（命令行：final-accounts generate 本文件.xlsx -o 输出.xlsx），程序会新增九张公开表，不改动本工作簿中已有的任何工作表。',
    '5. 类、款合计，各表合计、总计均由程序按项级明细精确计算，每个打印金额只四舍五入一次。',
    '6. 各底稿右侧以“上年”开头的列（上年收入、上年支出、上年金额、上年决算数等）可填写上年决算数，用于情况说明“较上年”的比较和核对；不知道上年数时，整张底稿的上年列留空即可（视为未知，不按 0 计算）。',
  ];
  const grid = new Grid();
  lines.forEach((l, i) => grid.put(i, 0, l, i === 0 ? TITLE : NOTE));
  // A column that prints on an A4 portrait page; long lines wrap onto rows as high as they need.
  const widths = [INSTRUCTIONS_WIDTH];
  fitRowHeights(grid, widths);
  grid.rowHeights[0] = 24;
  return {
    name: '底稿说明',
    cells: withFont(grid.cells(), FONT),
    merges: [],
    columnWidths: widths,
    rowHeights: grid.rowHeights,
    pageSetup: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
  };
}

/** Rows to fill in, per working sheet. */
export type WorkingFills = Partial<Record<WorkingSheetSpec['id'], WorkingRowFill[]>>;

/** Every sheet of the template, instructions first: empty, or filled with `fills` (examples, synthetic units). */
export function templateSheets(settings: WorkingSettings = {}, fills?: WorkingFills): SheetLayout[] {
  return [instructionsLayout(), ...WORKING_SHEETS.map((s) => workingSheetLayout(s, settings, fills?.[s.id]))];
}
