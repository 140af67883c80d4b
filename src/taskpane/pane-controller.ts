// The task pane's logic without React or Office: it takes a WorkbookPort (Office.js in Excel, ExcelJS on
// the browser page) and runs check / generate / clear / jump, holding the state the components render.
import type { CellRef } from '../core/cells';
import { checkWorkbook, type CheckOptions } from '../app/check';
import { readLastYear, type LastYearResult } from '../app/last-year';
import type { FinalAccounts } from '../core/model';
import { workingTemplate } from '../app/template';
import { summarize } from '../core/findings';
import type { CheckReport } from '../core/report';
import { invalidRecordsNotice, type WorkbookPort } from '../port/port';
import type { SheetLayout } from '../port/layout';
import type { WorkbookSnapshot } from '../port/snapshot';
import { layoutsFromSnapshot, type GeneratedLayouts } from './generate-layouts';
import { toPaneError, type PaneError } from './pane-errors';
import { explain, reviewCheck, reviewedMarks, reviewReportLayout, type ReviewedCheck } from '../app/review';
import { EMPTY_STORE } from '../port/review-store';
import type { Reviewer } from '../core/review/status';

export type PaneTask = 'check' | 'generate' | 'clear' | 'jump' | 'template' | 'review';

export interface PaneProgress {
  label: string;
  /** 0…1 when known. */
  fraction?: number;
}

export interface PaneState {
  running: PaneTask | null;
  progress: PaneProgress | null;
  /** The last check's report; the findings list presents it (src/app/findings-presentation.ts). */
  report: CheckReport | null;
  error: PaneError | null;
  /** A short Chinese result line (检查完成…, 已生成…, 已清除…). */
  notice: string | null;
  /** How the notice is shown: a check with errors or 提示 is a warning; 尾差 alone are not problems. */
  noticeIntent: 'success' | 'warning';
  /** Notes that stay (host limitations, layout problems). */
  hints: string[];
  /** About the marks of the last check, while its findings are shown: e.g. 尾差 cells coloured but left without a note. */
  markNotice: string | null;
  profile: string | undefined;
  rubric: string | undefined;
  /**
   * Last year's figures the officer picked (上年数 file), read once by app/last-year.ts: the one place every use
   * takes them from (the narrative check's 较上年, the draft, the last-year checks L1–L3).
   */
  lastYear: LoadedLastYear | null;
  /** The file being read as last year's, while it is. */
  lastYearLoading: string | null;
  /** Why the picked file gives no last year (Chinese), until another is picked. */
  lastYearProblem: string | null;
  /** The last check joined with the workbook's review record (docs/review.md): statuses and readiness. */
  review: ReviewedCheck | null;
  /** Whether the port keeps a review record (the WPS adapter does not yet): the status controls show only then. */
  canReview: boolean;
}

export interface LoadedLastYear {
  /** The file's name as picked. */
  file: string;
  /** The workbook as read (the draft reads it again through the same reader, as `--last-year` does). */
  snapshot: WorkbookSnapshot;
  /** Last year's nine tables. */
  accounts: FinalAccounts;
  source: LastYearResult['source'];
}

export interface PaneDependencies {
  port: WorkbookPort;
  check?: (snapshot: WorkbookSnapshot, options: CheckOptions) => CheckReport;
  layouts?: (snapshot: WorkbookSnapshot, profile?: string, lastYear?: LoadedLastYear | null) => GeneratedLayouts;
  /** What the host cannot do, shown once (e.g. OfficeWorkbookPort.limitations()). */
  limitations?: string[];
  /** Last year already picked (the page keeps it when another file is opened). */
  lastYear?: LoadedLastYear | null;
  /**
   * Where a check's marks are, after 检查完成: in Excel the workbook itself; the page says its preview (it
   * changes no workbook).
   */
  marksWhere?: string;
  /** The working-sheet template (`final-accounts template`'s sheets). */
  template?: () => SheetLayout[];
  /** Who sets a status, where the host tells (Excel gives add-ins no user name). */
  userName?: string;
}

const MARKS_IN_WORKBOOK = '有问题的单元格已在工作簿中标出；点击下面的条目（或用方向键选中后按 Enter）可跳到该单元格。';

/** The pane's notice when the port left the notes of 尾差-only cells out (null when none were). */
export function tailNotesNotice(omitted: number): string | null {
  if (omitted <= 0) return null;
  return `尾差较多：${omitted} 个只有尾差的单元格已着色，但未加批注（全部加批注会超出 Excel 单次请求上限，需要多次往返）。各处说明见问题列表。`;
}

const TASK_LABEL: Record<PaneTask, string> = {
  check: '检查',
  generate: '生成公开表',
  clear: '清除标记',
  jump: '定位单元格',
  template: '插入底稿模板',
  review: '保存审核说明',
};

export class PaneController {
  private state: PaneState;
  private listeners = new Set<() => void>();

  constructor(private readonly deps: PaneDependencies) {
    this.state = {
      running: null,
      progress: null,
      report: null,
      error: null,
      notice: null,
      noticeIntent: 'success',
      hints: deps.limitations ?? [],
      markNotice: null,
      profile: undefined,
      rubric: undefined,
      lastYear: deps.lastYear ?? null,
      lastYearLoading: null,
      lastYearProblem: null,
      review: null,
      canReview: !!deps.port.writeReview,
    };
  }

  private who(): Reviewer {
    return { now: new Date().toISOString(), user: this.deps.userName ?? '' };
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setProfile(profile: string | undefined): void {
    this.update({ profile });
  }

  setRubric(rubric: string | undefined): void {
    this.update({ rubric });
  }

  /**
   * Reads last year's workbook (nine tables or working sheets) picked by the officer; `read` gives its snapshot
   * (the host's file adapter). A file that gives none leaves the previous choice off and says why.
   */
  async loadLastYear(file: string, read: () => Promise<WorkbookSnapshot>): Promise<void> {
    if (this.state.running || this.state.lastYearLoading) return;
    this.update({ lastYearLoading: file, lastYearProblem: null });
    try {
      const snapshot = await read();
      const result = readLastYear(snapshot, file);
      if (result.accounts) {
        this.update({ lastYear: { file, snapshot, accounts: result.accounts, source: result.source } });
      } else {
        // Nothing recognisable at all says so in one message; otherwise the first problems met reading it.
        const errors = result.findings.filter((f) => f.severity === 'error');
        const why =
          errors.find((f) => f.rule === 'L-NOINPUT')?.message ??
          errors
            .slice(0, 3)
            .map((f) => f.message)
            .join('；');
        this.update({ lastYear: null, lastYearProblem: why || `“${file}”中没有可用的上年数。` });
      }
    } catch (e) {
      this.update({ lastYear: null, lastYearProblem: toPaneError(e, '读取上年数').detail });
    } finally {
      this.update({ lastYearLoading: null });
    }
  }

  clearLastYear(): void {
    this.update({ lastYear: null, lastYearProblem: null });
  }

  /** For adapters that report chunked progress (generate). */
  reportProgress(done: number, total: number): void {
    if (!this.state.running || !this.state.progress) return;
    this.update({ progress: { label: this.state.progress.label, fraction: total > 0 ? done / total : undefined } });
  }

  async check(): Promise<void> {
    await this.task('check', async () => {
      this.update({ progress: { label: '正在读取工作簿…', fraction: 0.1 }, markNotice: null });
      const snapshot = await this.deps.port.readSnapshot();
      this.update({ progress: { label: '正在核对各表…', fraction: 0.4 } });
      const check = this.deps.check ?? checkWorkbook;
      const { lastYear } = this.state;
      const report = check(snapshot, {
        profile: this.state.profile,
        performance: { rubric: this.state.rubric },
        ...(lastYear ? { lastYear: lastYear.accounts, lastYearFile: lastYear.file } : {}),
      });
      const review = reviewCheck(report, (await this.deps.port.readReview?.()) ?? EMPTY_STORE, this.who());
      this.update({ progress: { label: '正在标记有问题的单元格…', fraction: 0.7 } });
      // The review record goes with the marks (one write): statuses, and 已改正 for findings now gone.
      const marked = await this.deps.port.applyMarks(reviewedMarks(review), this.deps.port.writeReview ? { review: review.state.records } : {});
      const s = summarize(report.findings);
      const notice = report.findings.length === 0 ? '检查完成：没有发现问题。' : `检查完成。${this.deps.marksWhere ?? MARKS_IN_WORKBOOK}`;
      const markNotice = [tailNotesNotice(marked.tailNotesOmitted), invalidRecordsNotice(marked.invalidRecords), review.invalidNotice]
        .filter(Boolean)
        .join('');
      this.update({ report, review, notice, noticeIntent: s.error + s.warning > 0 ? 'warning' : 'success', markNotice: markNotice || null });
    });
  }

  async generate(): Promise<void> {
    await this.task('generate', async () => {
      this.update({ progress: { label: '正在读取工作簿…', fraction: 0.05 } });
      const snapshot = await this.deps.port.readSnapshot();
      const layouts = (this.deps.layouts ?? layoutsFromSnapshot)(snapshot, this.state.profile, this.state.lastYear);
      this.update({ progress: { label: `正在写入 ${layouts.sheets.length} 张工作表…`, fraction: 0.2 } });
      const names = await this.deps.port.addSheets(layouts.sheets);
      // A compact success line: the new sheets are in the workbook's tabs (the page's grid lists them).
      this.update({
        notice: `已生成 ${names.length} 张工作表，原有工作表均未改动。`,
        noticeIntent: 'success',
        hints: [...(this.deps.limitations ?? []), ...layouts.problems],
      });
    });
  }

  async clear(): Promise<void> {
    await this.task('clear', async () => {
      this.update({ progress: { label: '正在清除标记…' } });
      const { cleared, invalidRecords } = await this.deps.port.clearMarks();
      this.update({
        notice: cleared > 0 ? `已清除 ${cleared} 处标记，您自己的格式保持原样。` : '工作簿中没有本助手的标记。',
        report: null,
        noticeIntent: 'success',
        review: null,
        markNotice: invalidRecordsNotice(invalidRecords),
      });
    });
  }

  /** 插入底稿模板: the template's sheets added beside the user's, never replacing one (a taken name gets a suffix). */
  async insertTemplate(): Promise<void> {
    await this.task('template', async () => {
      this.update({ progress: { label: '正在插入底稿模板…' } });
      const names = await this.deps.port.addSheets((this.deps.template ?? workingTemplate)());
      const guide = names[0] ? `请按“${names[0]}”工作表填写。` : '';
      this.update({ notice: `已插入底稿模板（${names.length} 张工作表），原有工作表均未改动。${guide}`, noticeIntent: 'success' });
    });
  }

  /**
   * Sets a finding's status (已说明 / 误报 with a reason, or back to 待处理) and keeps it in the workbook.
   * A missing reason or an unknown id is shown as the pane's error; nothing is written then.
   */
  async setStatus(id: string, status: 'explained' | 'dismissed' | 'open', reason: string): Promise<void> {
    const current = this.state.review;
    if (!current || !this.state.report) return;
    await this.task('review', async () => {
      const review = explain(current, [{ id, status, reason }], this.who());
      if (!this.deps.port.writeReview) throw new Error('此工作簿不支持保存审核说明。');
      await this.deps.port.writeReview(review.state.records);
      this.update({ review, notice: review.readiness.text, noticeIntent: review.readiness.ready ? 'success' : 'warning' });
    });
  }

  /** Adds the 审核说明 sheet (every error and 提示 with status, reason and cells) to the workbook. */
  async addReviewReport(): Promise<void> {
    const review = this.state.review;
    if (!review) return;
    await this.task('review', async () => {
      const [name] = await this.deps.port.addSheets([reviewReportLayout(review)]);
      this.update({
        notice: `已添加工作表“${name}”：列出每个错误和提示的状态、原因和单元格。${review.readiness.text}`,
        noticeIntent: review.readiness.ready ? 'success' : 'warning',
      });
    });
  }

  async jump(cell: CellRef): Promise<void> {
    if (this.state.running && this.state.running !== 'jump') return;
    try {
      await this.deps.port.select(cell);
    } catch (e) {
      this.update({ error: toPaneError(e, TASK_LABEL.jump) });
    }
  }

  private async task(task: PaneTask, work: () => Promise<void>): Promise<void> {
    if (this.state.running) return;
    this.update({ running: task, error: null, notice: null, progress: { label: '准备中…' } });
    try {
      await work();
    } catch (e) {
      this.update({ error: toPaneError(e, TASK_LABEL[task]) });
    } finally {
      this.update({ running: null, progress: null });
    }
  }

  private update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
