// Cell helpers shared by the Fujian 2018 form readers: labels found anywhere in a row range, numbers that
// may be printed as percentages or as `/` (no value), the ticked grade box, and reading problems as findings.
import { refText, type CellRef } from '../../../core/cells';
import type { Finding } from '../../../core/findings';
import type { FujianFormRead } from '../../../core/performance/model';
import { cellAt, lastCol, lastRow, type SheetSnapshot } from '../../../port/snapshot';
import { labelOf, readNumber } from '../cells';

export interface At {
  row: number;
  col: number;
}

export function refOf(sheet: SheetSnapshot, at: At): CellRef {
  return { sheet: sheet.name, row: at.row, col: at.col };
}

/** First cell (row by row) in [from, to] whose label passes `test`. */
export function findLabel(sheet: SheetSnapshot, from: number, to: number, test: (label: string) => boolean): At | null {
  const cols = lastCol(sheet);
  for (let row = from; row <= Math.min(to, lastRow(sheet)); row++) {
    for (let col = 0; col <= cols; col++) if (test(labelOf(cellAt(sheet, row, col)))) return { row, col };
  }
  return null;
}

/** Column of the first cell of `row` whose label passes `test`, or null. */
export function findCol(sheet: SheetSnapshot, row: number, test: (label: string) => boolean, from = 0): number | null {
  for (let col = from; col <= lastCol(sheet); col++) if (test(labelOf(cellAt(sheet, row, col)))) return col;
  return null;
}

export function textAt(sheet: SheetSnapshot, row: number, col: number | null): string {
  if (col === null) return '';
  const v = cellAt(sheet, row, col);
  return v === null ? '' : String(v).trim();
}

/** Collects reading problems of one form; messages name the sheet and cell (refText gives 表名!A1). */
export class FormSink {
  readonly findings: Finding[] = [];
  constructor(readonly table: string) {}
  error(message: string, ref: CellRef | null): void {
    this.findings.push({
      rule: 'F0',
      severity: 'error',
      table: this.table,
      message: ref ? `${refText(ref)}：${message}` : message,
      cells: ref ? [ref] : [],
    });
  }
  warn(message: string, ref: CellRef): void {
    this.findings.push({ rule: 'F0', severity: 'warning', table: this.table, message: `${refText(ref)}：${message}`, cells: [ref] });
  }
}

/**
 * The empty read of a form titled at `start`, its sink (findings under the project name), and `need`: the first
 * cell from the title down whose label passes `test`, reported as missing (`<form>缺少“<what>”。` at the title) when absent.
 */
export function openForm(
  sheet: SheetSnapshot,
  start: At,
  formId: FujianFormRead['formId'],
  project: string,
  formName: string,
): { form: FujianFormRead; sink: FormSink; titleRef: CellRef; need: (what: string, test: (label: string) => boolean) => At | null } {
  const sink = new FormSink(project);
  const titleRef = refOf(sheet, start);
  const form: FujianFormRead = { formId, sheet: sheet.name, titleRef, evaluation: { project, rows: [], total: null, grade: null } };
  const end = lastRow(sheet);
  const need = (what: string, test: (label: string) => boolean): At | null => {
    const at = findLabel(sheet, start.row, end, test);
    if (!at) sink.error(`${formName}缺少“${what}”。`, titleRef);
    return at;
  };
  return { form, sink, titleRef, need };
}

/**
 * A number cell of a form as printed: blank, `/` or `\` mean no value; a `%` is dropped (weights print 6% for
 * 6 points); text that is no number is reported, not guessed.
 */
export function formNumber(sheet: SheetSnapshot, row: number, col: number | null, what: string, sink: FormSink): number | null {
  if (col === null) return null;
  const raw = cellAt(sheet, row, col);
  if (typeof raw === 'string' && /^[\s/\\／＼]*$/.test(raw)) return null;
  const n = readNumber(sheet, row, col);
  if (n.invalid) {
    sink.error(`${what}“${String(n.raw)}”不是数字。`, { sheet: sheet.name, row, col });
    return null;
  }
  return n.value;
}

/** A ratio printed as 0.95, 95% or 95 (a plain number above 2 is read as a percentage: no ratio here reaches 200%). */
export function formRatio(sheet: SheetSnapshot, row: number, col: number | null, what: string, sink: FormSink): number | null {
  const raw = col === null ? null : cellAt(sheet, row, col);
  const v = formNumber(sheet, row, col, what, sink);
  if (v === null) return null;
  return (typeof raw === 'string' && /[%％]/.test(raw)) || v > 2 ? v / 100 : v;
}

const TICK = /[■√☑✓✔▇]\s*(不合格|优秀|良好|合格)/g;

/** The ticked grade of the 评价等级 row (■/√ ticked, □ not); null when none is ticked, reported when several are. */
export function readGrade(sheet: SheetSnapshot, row: number, sink: FormSink): { grade: string | null; ref: CellRef } {
  const ticked: { grade: string; ref: CellRef }[] = [];
  let first: CellRef = { sheet: sheet.name, row, col: 0 };
  for (let col = 0; col <= lastCol(sheet); col++) {
    const v = cellAt(sheet, row, col);
    if (v === null || typeof v !== 'string') continue;
    if (/优秀|良好|合格/.test(v) && first.col === 0) first = { sheet: sheet.name, row, col };
    for (const m of v.matchAll(TICK)) ticked.push({ grade: m[1], ref: { sheet: sheet.name, row, col } });
  }
  if (ticked.length > 1) sink.error(`评价等级勾选了${ticked.length}项（${ticked.map((t) => t.grade).join('、')}），只能勾选一项。`, ticked[0].ref);
  if (ticked.length === 0) sink.warn('评价等级未勾选（■ 或 √），等级未复核。', first);
  return ticked.length === 1 ? ticked[0] : { grade: null, ref: first };
}

/** The first `n` non-blank cells right of `col` in `row`, read as numbers (for rows such as 总分值、评价总分 (S) 101 87.6). */
export function numbersAfter(
  sheet: SheetSnapshot,
  row: number,
  col: number,
  n: number,
  what: string[],
  sink: FormSink,
): { value: number | null; ref: CellRef }[] {
  const out: { value: number | null; ref: CellRef }[] = [];
  for (let c = col + 1; c <= lastCol(sheet) && out.length < n; c++) {
    const v = cellAt(sheet, row, c);
    if (v === null || String(v).trim() === '') continue;
    out.push({ value: formNumber(sheet, row, c, what[out.length], sink), ref: { sheet: sheet.name, row, col: c } });
  }
  return out;
}

/** The number right of the label `test` in `row` (`设置绩效目标数量(个) | 7 | 完成目标数量(个) | 6`). */
export function numberRightOf(sheet: SheetSnapshot, row: number, test: (label: string) => boolean, what: string, sink: FormSink): number | null {
  const col = findCol(sheet, row, test);
  return col === null ? null : formNumber(sheet, row, col + 1, what, sink);
}
