// The review use cases (issue #16): a check joined with the workbook's review record, setting statuses
// (one, or in bulk from a CSV), readiness (可以公开), and the 审核说明 sheet an officer attaches for the
// 财政 reviewer. No I/O: the front ends read and write the files, the port reads and writes the record.
import { refText } from '../core/cells';
import { SEVERITY_LABEL, type Finding } from '../core/findings';
import { formatAmount } from '../core/money';
import type { CheckReport } from '../core/report';
import { invalidReviewNotice, REVIEW_STATUS_LABEL, type InvalidRecord } from '../core/review/record';
import { readiness, reviewFindings, ReviewInputError, setStatus, type Readiness, type Reviewer, type ReviewState } from '../core/review/status';
import type { LayoutCell, SheetLayout } from '../port/layout';
import { marksOf, type Mark, type MarkResult, type WorkbookPort } from '../port/port';
import { EMPTY_STORE, type ReviewStore } from '../port/review-store';
import { checkWorkbook, type CheckOptions } from './check';
import type { FindingStatus } from './findings-presentation';

export interface ReviewedCheck {
  report: CheckReport;
  state: ReviewState;
  readiness: Readiness;
  /** Records of the workbook that failed validation (ignored). */
  invalid: InvalidRecord[];
  /** The notice for them (names the store sheet and rows), or null. */
  invalidNotice: string | null;
}

export function reviewCheck(report: CheckReport, store: ReviewStore, who: Reviewer): ReviewedCheck {
  const state = reviewFindings(report.findings, store.records, who);
  return withState(report, state, store.invalid, store.sheet);
}

function withState(report: CheckReport, state: ReviewState, invalid: InvalidRecord[], sheet: string | null): ReviewedCheck {
  return { report, state, readiness: readiness(state), invalid, invalidNotice: invalidReviewNotice(invalid, sheet ?? '') };
}

export type ExplainStatus = 'explained' | 'dismissed' | 'open';

export interface Explanation {
  id: string;
  status: ExplainStatus;
  reason: string;
}

/** Sets each explanation in turn; throws ReviewInputError (Chinese) at the first that cannot be set. */
export function explain(reviewed: ReviewedCheck, items: Explanation[], who: Reviewer): ReviewedCheck {
  let state = reviewed.state;
  for (const e of items) state = setStatus(state, e.id, e.status, e.reason, who);
  return { ...reviewed, state, readiness: readiness(state) };
}

const STATUS_WORDS: Record<string, ExplainStatus> = {
  explained: 'explained',
  已说明: 'explained',
  dismissed: 'dismissed',
  误报: 'dismissed',
  open: 'open',
  待处理: 'open',
};

/** `explained`, `dismissed` (or 已说明, 误报, 待处理) → the status; null for anything else. */
export function explainStatus(text: string): ExplainStatus | null {
  return STATUS_WORDS[text.trim()] ?? null;
}

/**
 * A CSV of `id,status,reason` (a header row `id,status,reason` is skipped; quoted fields with commas,
 * doubled quotes and line breaks as Excel writes them; a BOM is dropped). The reason is kept exactly as typed.
 * Throws ReviewInputError naming the file and line of the first bad row.
 */
export function parseExplanationsCsv(text: string, file: string): Explanation[] {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  const out: Explanation[] = [];
  rows.forEach(({ fields, line }, i) => {
    if (fields.every((f) => f.trim() === '')) return;
    if (i === 0 && fields[0].trim().toLowerCase() === 'id') return;
    if (fields.length < 3) throw new ReviewInputError(`“${file}”第 ${line} 行应有三列（id,status,reason），只有 ${fields.length} 列。`);
    const status = explainStatus(fields[1]);
    if (!status)
      throw new ReviewInputError(`“${file}”第 ${line} 行的状态“${fields[1]}”无效，应为 explained（已说明）、dismissed（误报）或 open（待处理）。`);
    out.push({ id: fields[0].trim(), status, reason: fields.slice(2).join(',') });
  });
  return out;
}

function csvRows(text: string): Array<{ fields: string[]; line: number }> {
  const rows: Array<{ fields: string[]; line: number }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ fields, line: start });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ fields, line: start });
  }
  return rows;
}

export const REVIEW_REPORT_SHEET = '审核说明';

const HEADERS = ['序号', '问题编号', '表', '类别', '规则', '状态', '原因或说明', '单元格', '问题', '上年数', '说明时间', '填写人'];
const WIDTHS = [6, 18, 10, 6, 8, 8, 40, 28, 60, 12, 20, 10];

/**
 * The 审核说明 sheet: the unit and year, whether the set is ready (可以公开 or why not), then every error and
 * 提示 with its status, reason and cells, then the findings corrected since (已改正). Text as typed.
 */
export function reviewReportLayout(reviewed: ReviewedCheck): SheetLayout {
  const { report, state } = reviewed;
  const cells: LayoutCell[] = [];
  const title = `${report.unit ?? '（未识别单位名称）'}${report.year ? ` ${report.year}年度` : ''}决算公开 审核说明`;
  cells.push({ row: 0, col: 0, value: title, style: { bold: true, fontSize: 14 } });
  cells.push({ row: 1, col: 0, value: reviewed.readiness.text, style: { bold: true } });
  HEADERS.forEach((h, col) => cells.push({ row: 3, col, value: h, style: { bold: true, border: true, fill: 'FFF2F2F2', hAlign: 'center' } }));
  let row = 4;
  const put = (values: Array<string | number | null>) => {
    values.forEach((value, col) => cells.push({ row, col, value, style: { border: true, wrap: col === 6 || col === 8, vAlign: 'top' } }));
    row++;
  };
  state.findings.forEach((r, i) => {
    const f = r.finding;
    const reason = r.status === 'open' ? (r.changed ? `（数字已变动，原说明不再适用：${r.record?.reason ?? ''}）` : '') : (r.record?.reason ?? '');
    put([
      i + 1,
      f.id ?? '',
      f.table,
      SEVERITY_LABEL[f.severity],
      f.rule,
      REVIEW_STATUS_LABEL[r.status],
      reason,
      f.cells.map(refText).join('，'),
      f.message,
      f.lastYearMinor !== undefined && f.unit ? formatAmount(f.lastYearMinor, f.unit) : '',
      r.status === 'open' ? '' : (r.record?.time ?? ''),
      r.status === 'open' ? '' : (r.record?.user ?? ''),
    ]);
  });
  state.fixed.forEach((r, i) =>
    put([state.findings.length + i + 1, r.id, r.table, '', r.rule, REVIEW_STATUS_LABEL.fixed, '复查时已不再出现', '', r.message, '', r.time, r.user]),
  );
  return {
    name: REVIEW_REPORT_SHEET,
    cells,
    merges: [],
    columnWidths: WIDTHS,
    frozenRows: 4,
    pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
  };
}

/** The readiness line for summaries and the warning of generate and the narrative draft. */
export function readinessWarning(reviewed: ReviewedCheck): string | null {
  return reviewed.readiness.ready ? null : `注意：${reviewed.readiness.text}（生成不受影响，公开前请逐一处理。）`;
}

/**
 * Each finding's review status for the presentation (findings-presentation.ts): 已说明 / 误报 with the reason,
 * 待处理 with the old reason when its figures changed since. `withOpen`: the other 待处理 findings too (the
 * pane's controls need them); without it they have none (the CLI's text).
 */
export function reviewStatusOf(reviewed: ReviewedCheck | null, withOpen = false): (f: Finding) => FindingStatus | undefined {
  const byId = new Map((reviewed?.state.findings ?? []).map((r) => [r.finding.id, r]));
  return (f) => {
    const r = f.id ? byId.get(f.id) : undefined;
    if (!r || !f.id) return undefined;
    if (r.status === 'open' && !r.changed && !withOpen) return undefined;
    const reason = r.status !== 'open' ? r.record?.reason : r.changed ? `数字已变动，原说明不再适用：${r.record?.reason ?? ''}` : undefined;
    return {
      label: REVIEW_STATUS_LABEL[r.status],
      ...(reason ? { reason } : {}),
      review: { id: f.id, status: r.status, changed: !!r.changed },
    };
  };
}

/** The marks of a check, the note of an explained or dismissed finding ending with its status and reason. */
export function reviewedMarks(reviewed: ReviewedCheck): Mark[] {
  const settled = new Map(reviewed.state.findings.filter((r) => r.status !== 'open').map((r) => [r.finding.id, r]));
  return marksOf(
    reviewed.report.findings.map((f) => {
      const r = settled.get(f.id);
      return r ? { ...f, message: `${f.message}【${REVIEW_STATUS_LABEL[r.status]}：${r.record?.reason ?? ''}】` } : f;
    }),
  );
}

/** Checks the port's workbook and joins the findings with the review record it keeps. */
export async function reviewWorkbook(port: WorkbookPort, options: CheckOptions, who: Reviewer): Promise<ReviewedCheck> {
  const snapshot = await port.readSnapshot();
  const store = (await port.readReview?.()) ?? EMPTY_STORE;
  return reviewCheck(checkWorkbook(snapshot, options), store, who);
}

/**
 * Keeps the review record in the workbook: with the marks of the check when `mark` (one write, the same
 * request budget), else alone. Returns what applyMarks reports, or null.
 */
export async function saveReview(port: WorkbookPort, reviewed: ReviewedCheck, mark: boolean): Promise<MarkResult | null> {
  const records = reviewed.state.records;
  if (mark) return port.applyMarks(reviewedMarks(reviewed), { review: records });
  if (!port.writeReview) throw new ReviewInputError('此工作簿不支持保存审核记录。');
  await port.writeReview(records);
  return null;
}
