// Reads the working sheets (底稿): header-driven like the table reader, every amount with its cell,
// every bad input a finding naming sheet and cell (never a guess).
import { amountCellCause } from '../../kinds/read/amount-cell';
import { clipText } from '../../core/quote';
import { LINE } from '../../core/catalogs/labels';
import { codeShapeProblem } from '../../core/catalogs/functional';
import { refText, type CellRef } from '../../core/cells';
import type { Finding } from '../../core/findings';
import { isCheckableMinor, parseAmount, unitValueToMinor, type MoneyUnit } from '../../core/money';
import type { AmountCell } from '../../core/model';
import type { WorkingData, WorkingRow, WorkingSheet } from '../../core/workings/model';
import { lastYearColumns, SETTING_LABELS, WORKING_SHEETS, type WorkingSheetSpec } from '../../core/workings/spec';
import { cellAt, lastCol, lastRow, type SheetSnapshot, type WorkbookSnapshot } from '../../port/snapshot';
import { compact } from '../../kinds/read/text';

export type { WorkingData, WorkingRow, WorkingSheet } from '../../core/workings/model';

export interface WorkingReadResult {
  data: WorkingData;
  findings: Finding[];
}

/** Whether a cell holds anything (what `compact(v) !== ''` says, without normalising the text). */
function isFilled(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  return typeof v !== 'string' || v.trim() !== '';
}

/**
 * The header block rows top … bottom as text, one array per row (index = column − originCol).
 *
 * Merged cells read as their master (merges are indexed once, for the header rows only). Group headers
 * whose merge is not known are carried to the right: an empty cell that has a sub-header below it takes
 * the nearest group label to its left in the same row, up to the next label or the end of the header.
 * Why here and not in the Office adapter: below ExcelApi 1.13 the host has no API that tells merged areas
 * (getMergedAreas is 1.13; 1.7 offers neither merge flags nor cell properties), so any merges the adapter
 * "derived" on 1.7 would be guesses from the same values this reader sees. The header layout, however, is
 * unambiguous: a group label sits over its sub-columns, which is also how a sheet reads when the user
 * centred the group "across selection" instead of merging. A column header merged down (科目编码) has
 * nothing below it, so no label is ever carried into it, and sub-headers are never carried at all.
 */
function headerRows(sheet: SheetSnapshot, top: number, bottom: number): string[][] {
  const width = lastCol(sheet) - sheet.originCol + 1;
  const rows: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: string[] = [];
    for (let i = 0; i < width; i++) line.push(compact(cellAt(sheet, r, sheet.originCol + i)));
    rows.push(line);
  }
  for (const m of sheet.merges) {
    if (m.bottom < top || m.top > bottom) continue;
    const master = compact(cellAt(sheet, m.top, m.left));
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++) {
      for (let c = Math.max(m.left, sheet.originCol); c <= Math.min(m.right, sheet.originCol + width - 1); c++)
        rows[r - top][c - sheet.originCol] = master;
    }
  }
  for (let d = 0; d < rows.length - 1; d++) {
    let carried = '';
    for (let i = 0; i < width; i++) {
      if (rows[d][i]) {
        carried = rows[d][i];
        continue;
      }
      const hasSubHeader = rows.slice(d + 1).some((line) => line[i] !== '');
      if (carried && hasSubHeader) rows[d][i] = carried;
      else carried = '';
    }
  }
  return rows;
}

function titleOf(sheet: SheetSnapshot): string {
  for (let c = 0; c <= Math.min(lastCol(sheet), 5); c++) {
    const t = compact(cellAt(sheet, 0, c));
    if (t) return t;
  }
  return '';
}

/** The sheet of a working-sheet spec: by name, else by its title in the first row. */
export function findWorkingSheet(snapshot: WorkbookSnapshot, spec: WorkingSheetSpec): SheetSnapshot | undefined {
  return (
    snapshot.sheets.find((s) => s.name === spec.name) ??
    snapshot.sheets.find((s) => titleOf(s) === compact(spec.title)) ??
    snapshot.sheets.find((s) => s.name.startsWith(spec.name.split(' ')[0]) && titleOf(s).startsWith(compact(spec.title).slice(0, 3)))
  );
}

export function hasWorkingSheets(snapshot: WorkbookSnapshot): boolean {
  return WORKING_SHEETS.some((spec) => !spec.optional && findWorkingSheet(snapshot, spec) !== undefined);
}

function ref(sheet: SheetSnapshot, row: number, col: number): CellRef {
  return { sheet: sheet.name, row, col };
}

/**
 * A labelled setting above the header: `金额单位` then the value in a cell to the right, or `金额单位：万元`.
 * `value` is normalised (for matching: 元/万元, the year); `typed` is the text as the user typed it (trimmed),
 * for what we print back, such as the unit name (（本级） stays full-width).
 */
function setting(sheet: SheetSnapshot, label: string, above: number): { value: string; typed: string; ref: CellRef } | null {
  for (let r = 0; r < above; r++) {
    for (let c = 0; c <= lastCol(sheet); c++) {
      const t = compact(cellAt(sheet, r, c));
      if (!t.startsWith(label)) continue;
      const rest = t.slice(label.length).replace(/^[:：]/, '');
      if (rest) return { value: rest, typed: afterLabel(String(cellAt(sheet, r, c)), label), ref: ref(sheet, r, c) };
      // The value is the cell right of the label (never the next label of the row).
      const raw = cellAt(sheet, r, c + 1);
      const v = compact(raw);
      const isLabel = Object.values(SETTING_LABELS).some((l) => v.startsWith(l));
      return { value: isLabel ? '' : v, typed: isLabel || raw === null ? '' : String(raw).trim(), ref: ref(sheet, r, c + 1) };
    }
  }
  return null;
}

/** The text after `label` and its colon in a cell that holds both (`单位名称：某局（本级）`), as typed. */
function afterLabel(text: string, label: string): string {
  let i = 0;
  // The label's characters, whatever whitespace the user put between them (compact() matched it without).
  for (const ch of label) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text[i] === ch) i++;
  }
  return text
    .slice(i)
    .replace(/^\s*[:：]?\s*/, '')
    .trim();
}

function finding(message: string, cells: CellRef[], severity: Finding['severity'] = 'error'): Finding {
  return { rule: 'W-INPUT', severity, table: '底稿', message, cells };
}

/** A finding about one cell, its message led by the cell's Sheet!A1. */
function cellFinding(cell: CellRef, message: string): Finding {
  return finding(`${refText(cell)} ${message}`, [cell]);
}

function readSheet(sheet: SheetSnapshot, spec: WorkingSheetSpec, findings: Finding[]): WorkingSheet | null {
  // Header: the row holding the key header; its depth is the spec's.
  let headerTop = -1;
  for (let r = 0; r <= Math.min(lastRow(sheet), 15) && headerTop < 0; r++) {
    for (let c = 0; c <= lastCol(sheet); c++) if (compact(cellAt(sheet, r, c)) === compact(spec.keyHeader)) headerTop = r;
  }
  if (headerTop < 0) {
    findings.push(finding(`底稿“${sheet.name}”中找不到表头“${spec.keyHeader}”，无法读取该底稿。请使用模板的表头。`, [ref(sheet, 0, 0)]));
    return null;
  }
  const depth = Math.max(1, ...spec.columns.map((c) => c.path.length));
  const allColumns = [...spec.columns, ...lastYearColumns(spec)];
  const headerBottom = headerTop + depth - 1;
  let keyCol = -1;
  let nameCol = -1;
  const columnOf = new Map<string, number>();
  const header = headerRows(sheet, headerTop, headerBottom);
  for (let c = sheet.originCol; c <= lastCol(sheet); c++) {
    const tokens: string[] = [];
    for (const line of header) {
      const t = line[c - sheet.originCol];
      if (t && tokens[tokens.length - 1] !== t) tokens.push(t);
    }
    const leaf = tokens[tokens.length - 1];
    if (leaf === compact(spec.keyHeader) && keyCol < 0) keyCol = c;
    else if (spec.nameHeader && leaf === compact(spec.nameHeader) && nameCol < 0) nameCol = c;
    else {
      const match = allColumns.find((col) => {
        const path = col.path.map(compact);
        return path[path.length - 1] === leaf && path.slice(0, -1).every((p) => tokens.includes(p));
      });
      if (match && !columnOf.has(match.key)) columnOf.set(match.key, c);
    }
  }
  for (const col of spec.columns) {
    if (!columnOf.has(col.key)) {
      findings.push(
        finding(`底稿“${sheet.name}”缺少“${col.path.join('—')}”列（表头在第 ${headerTop + 1} 行）。请按模板补齐该列。`, [ref(sheet, headerTop, 0)]),
      );
    }
  }

  let unit: MoneyUnit | null = null;
  if (spec.money) {
    const u = setting(sheet, SETTING_LABELS.unit, headerTop);
    if (!u || !u.value) {
      findings.push(finding(`底稿“${sheet.name}”没有声明金额单位。请在表头上方“金额单位”后填写“元”或“万元”。`, [u?.ref ?? ref(sheet, 1, 0)]));
    } else if (u.value === '元' || u.value === '万元') {
      unit = u.value;
    } else {
      findings.push(cellFinding(u.ref, `的金额单位“${u.value}”无法识别，只能填写“元”或“万元”。`));
    }
  }

  const rows: WorkingRow[] = [];
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  const columnIndexes = allColumns.map((c) => columnOf.get(c.key));
  let lastYearGiven = false;
  for (let r = headerBottom + 1; r <= lastRow(sheet); r++) {
    const rawKey = cellAt(sheet, r, keyCol);
    const key = compact(rawKey);
    const name = nameCol >= 0 ? String(cellAt(sheet, r, nameCol) ?? '').trim() : '';
    const rawValues = columnIndexes.map((col) => (col === undefined ? null : cellAt(sheet, r, col)));
    const hasValues = rawValues.some(isFilled);
    if (!key && !name && !hasValues) continue;
    if (key === LINE.total || key === LINE.subtotal || key === LINE.grand) continue;

    let rowKey: string;
    if (spec.rows === 'fixed') {
      const fixed = spec.fixedRows?.find((f) => compact(f.label) === key);
      if (!fixed) {
        findings.push(cellFinding(ref(sheet, r, keyCol), `的项目“${key}”不是本底稿的行，已忽略该行。请使用模板中的项目名称。`));
        continue;
      }
      rowKey = fixed.key;
    } else {
      const code = key.replace(/^'/, '');
      if (!code) {
        findings.push(cellFinding(ref(sheet, r, keyCol), `缺少科目编码（该行有名称或金额）。请补填编码。`));
        continue;
      }
      const full = spec.rows === 'code' ? 7 : 5;
      const shapeOk = spec.rows === 'code' ? codeShapeProblem(code) === null : /^3\d{2}(\d{2})?$/.test(code);
      if (!shapeOk) {
        findings.push(cellFinding(ref(sheet, r, keyCol), `的编码“${code}”不是有效的${spec.rows === 'code' ? '支出功能分类' : '经济分类'}科目编码。`));
        continue;
      }
      if (code.length !== full) {
        if (hasValues) {
          findings.push(
            cellFinding(
              ref(sheet, r, keyCol),
              `的编码“${code}”不是${spec.rows === 'code' ? '项级（7 位）' : '款级（5 位）'}科目，却填了金额。上级合计由程序计算，请只在明细科目行填金额。`,
            ),
          );
        } else if (name) names.set(code, name);
        continue;
      }
      rowKey = code;
    }
    if (seen.has(rowKey)) {
      findings.push(cellFinding(ref(sheet, r, keyCol), `的“${key}”与第 ${seen.get(rowKey)! + 1} 行重复。请合并为一行。`));
      continue;
    }
    seen.set(rowKey, r);

    const own: Record<string, AmountCell> = {};
    const lastYear: Record<string, AmountCell> = {};
    for (let i = 0; i < allColumns.length; i++) {
      const col = columnIndexes[i];
      if (col === undefined) continue;
      const c = allColumns[i];
      // A 上年数 cell goes beside the row's own, under the key of the column it stands beside.
      const cells = c.lastYearOf ? lastYear : own;
      const key = c.lastYearOf ?? c.key;
      const raw = rawValues[i];
      const cellRef = ref(sheet, r, col);
      const amountUnit = c.count ? '元' : (unit ?? '元');
      // A date, a logical or error value, a formula never calculated, digits apart by spaces: said as such.
      const cause = amountCellCause(sheet, r, col, raw, typeof raw === 'string' ? parseAmount(raw, amountUnit) : undefined);
      if (cause) {
        findings.push(cellFinding(cellRef, `${cause}。`));
        cells[key] = { minor: 0, ref: cellRef, invalid: true, raw };
        continue;
      }
      // The common cases first, without the parser's result object: a plain number, an empty cell.
      if (typeof raw === 'number' && !c.count && isCheckableMinor(unitValueToMinor(raw, amountUnit))) {
        cells[key] = { minor: unitValueToMinor(raw, amountUnit), ref: cellRef };
        continue;
      }
      if (raw === null) {
        // A blank 上年数 is not kept: last year's data fills it as blank only for a sheet with some 上年数.
        if (!c.lastYearOf) cells[key] = { minor: 0, ref: cellRef, blank: true };
        continue;
      }
      const parsed = parseAmount(raw, amountUnit);
      if (parsed.kind === 'invalid') {
        findings.push(
          cellFinding(
            cellRef,
            parsed.tooLarge
              ? `的${c.count ? '数量' : '金额'}“${clipText(parsed.text)}”太大，超出可以精确核对的范围，未参与计算。请检查是否多输了位数或选错了金额单位。`
              : `的“${clipText(parsed.text)}”不是${c.count ? '数量' : '金额'}。请填写数字。`,
          ),
        );
        cells[key] = { minor: 0, ref: cellRef, invalid: true, raw };
      } else if (parsed.kind === 'number') {
        if (c.count && parsed.minor % 100 !== 0) {
          findings.push(cellFinding(cellRef, `的数量“${String(raw)}”不是整数。`));
        }
        cells[key] = { minor: c.count ? parsed.minor / 100 : parsed.minor, ref: cellRef };
      } else {
        cells[key] = { minor: 0, ref: cellRef, blank: true };
      }
    }
    for (const k in lastYear) if (!lastYear[k].blank) lastYearGiven = true;
    rows.push({ key: rowKey, name, nameRef: nameCol >= 0 ? ref(sheet, r, nameCol) : null, cells: own, lastYear });
  }
  return { spec, sheet: sheet.name, unit, rows, names, lastYearGiven };
}

/** Reads every working sheet present; the required ones missing are findings. */
export function readWorkings(snapshot: WorkbookSnapshot): WorkingReadResult {
  const findings: Finding[] = [];
  const data: WorkingData = { unitName: null, year: null, sheets: {} };
  for (const spec of WORKING_SHEETS) {
    const sheet = findWorkingSheet(snapshot, spec);
    if (!sheet) {
      if (!spec.optional) findings.push(finding(`工作簿中没有底稿“${spec.name}”。请从模板插入该底稿并填写。`, []));
      continue;
    }
    const read = readSheet(sheet, spec, findings);
    if (read) data.sheets[spec.id] = read;
    if (spec.id === 'detail') {
      const name = setting(sheet, SETTING_LABELS.unitName, 6);
      const year = setting(sheet, SETTING_LABELS.year, 6);
      // Printed back on every table: the text as typed, never the normalised form used for matching.
      data.unitName = name?.typed || null;
      if (!data.unitName) findings.push(finding(`底稿“${sheet.name}”没有填写单位名称。`, [name?.ref ?? ref(sheet, 1, 0)]));
      const y = year ? Number(year.value.replace(/年度?$/, '')) : NaN;
      if (Number.isInteger(y) && y > 1990 && y < 2100) data.year = y;
      else
        findings.push(
          finding(`底稿“${sheet.name}”的年度${year?.value ? `“${year.value}”` : ''}无法识别，请填写四位年份。`, [year?.ref ?? ref(sheet, 1, 0)]),
        );
    }
  }
  return { data, findings };
}

/**
 * Last year's working data from the 上年数 columns, shaped like this year's so it derives the same way:
 * only the sheets with some 上年数 (the others are not known); null when no 上年数 is filled anywhere.
 */
export function lastYearWorkingData(data: WorkingData): WorkingData | null {
  const sheets: WorkingData['sheets'] = {};
  for (const sheet of Object.values(data.sheets)) {
    if (!sheet?.lastYearGiven) continue;
    const rows = sheet.rows.map((row) => {
      const cells: Record<string, AmountCell> = {};
      // A column without a 上年数 twin (底稿4's 预算数) is blank, as in a last-year workbook that leaves it empty.
      for (const c of sheet.spec.columns) cells[c.key] = row.lastYear?.[c.key] ?? { minor: 0, ref: null, blank: true };
      return { key: row.key, name: row.name, nameRef: row.nameRef, cells };
    });
    sheets[sheet.spec.id] = { spec: sheet.spec, sheet: sheet.sheet, unit: sheet.unit, rows, names: sheet.names };
  }
  if (Object.keys(sheets).length === 0) return null;
  return { unitName: data.unitName, year: data.year === null ? null : data.year - 1, sheets };
}
