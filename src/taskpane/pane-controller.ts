// The task pane's logic without React or Office: it takes a WorkbookPort (Office.js in Excel, ExcelJS on
// the browser page) and runs check / generate / clear / jump, holding the state the components render.
import type { CellRef } from '../core/cells';
import { checkWorkbook, type CheckOptions } from '../app/check';
import type { CheckReport } from '../core/report';
import { invalidRecordsNotice, type WorkbookPort } from '../port/port';
import type { WorkbookSnapshot } from '../port/snapshot';
import { groupFindings, type FindingGroup } from './findings-view';
import { layoutsFromSnapshot, type GeneratedLayouts } from './generate-layouts';
import { toPaneError, type PaneError } from './pane-errors';
import { explain, reviewCheck, reviewedMarks, reviewReportLayout, type ReviewedCheck } from '../app/review';
import { EMPTY_STORE } from '../port/review-store';
import type { Reviewer } from '../core/review/status';
import type { FinalAccounts } from '../core/model';
import { readLastYear } from '../app/last-year';

export type PaneTask = 'check' | 'generate' | 'clear' | 'jump' | 'review';

export interface PaneProgress {
  label: string;
  /** 0…1 when known. */
  fraction?: number;
}

export interface PaneState {
  running: PaneTask | null;
  progress: PaneProgress | null;
  report: CheckReport | null;
  groups: FindingGroup[];
  error: PaneError | null;
  /** A short Chinese result line (已标记…, 已生成…, 已清除…). */
  notice: string | null;
  /** Notes that stay (host limitations, layout problems). */
  hints: string[];
  /** About the marks of the last check, while its findings are shown: e.g. 尾差 cells coloured but left without a note. */
  markNotice: string | null;
  profile: string | undefined;
  rubric: string | undefined;
  /** The last check joined with the workbook's review record (issue #16): statuses and readiness. */
  review: ReviewedCheck | null;
  /** Whether the port keeps a review record (the WPS adapter does not yet): the status controls show only then. */
  canReview: boolean;
  /** Last year's tables picked for the comparisons (issue #16), and their file name. */
  lastYear: { accounts: FinalAccounts; file: string } | null;
}

export interface PaneDependencies {
  port: WorkbookPort;
  check?: (snapshot: WorkbookSnapshot, options: CheckOptions) => CheckReport;
  layouts?: (snapshot: WorkbookSnapshot, profile?: string) => GeneratedLayouts;
  /** What the host cannot do, shown once (e.g. OfficeWorkbookPort.limitations()). */
  limitations?: string[];
  /** Who sets a status, where the host tells (Excel gives add-ins no user name). */
  userName?: string;
}

/** The pane's notice when the port left the notes of 尾差-only cells out (null when none were). */
export function tailNotesNotice(omitted: number): string | null {
  if (omitted <= 0) return null;
  return `尾差较多：${omitted} 个只有尾差的单元格已着色，但未加批注（全部加批注会超出 Excel 单次请求上限，需要多次往返）。各处说明见问题列表。`;
}

const TASK_LABEL: Record<PaneTask, string> = { check: '检查', generate: '生成公开表', clear: '清除标记', jump: '定位单元格', review: '保存审核说明' };

export class PaneController {
  private state: PaneState;
  private listeners = new Set<() => void>();

  constructor(private readonly deps: PaneDependencies) {
    this.state = {
      running: null,
      progress: null,
      report: null,
      groups: [],
      error: null,
      notice: null,
      hints: deps.limitations ?? [],
      markNotice: null,
      profile: undefined,
      rubric: undefined,
      review: null,
      canReview: !!deps.port.writeReview,
      lastYear: null,
    };
  }

  /**
   * Last year's workbook (its nine tables or working sheets) for the next checks; null forgets it. Read by
   * app/last-year.ts; when nothing can be read, the pane says why and keeps the previous choice.
   */
  setLastYear(snapshot: WorkbookSnapshot | null, file = ''): void {
    if (!snapshot) {
      this.update({ lastYear: null });
      return;
    }
    const read = readLastYear(snapshot, file);
    if (!read.accounts) {
      this.update({ error: { title: '无法使用上年数', detail: read.findings.map((f) => f.message).join('\n') } });
      return;
    }
    this.update({ lastYear: { accounts: read.accounts, file }, error: null, notice: `已选择上年数：${file}。再次检查时将与上年比较。` });
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
      const lastYear = this.state.lastYear;
      const report = check(snapshot, {
        profile: this.state.profile,
        performance: { rubric: this.state.rubric },
        ...(lastYear ? { lastYear: lastYear.accounts, lastYearFile: lastYear.file } : {}),
      });
      const review = reviewCheck(report, (await this.deps.port.readReview?.()) ?? EMPTY_STORE, this.who());
      this.update({ progress: { label: '正在标记有问题的单元格…', fraction: 0.7 } });
      // The review record goes with the marks (one write): statuses, and 已改正 for findings now gone.
      const marked = await this.deps.port.applyMarks(reviewedMarks(review), this.deps.port.writeReview ? { review: review.state.records } : {});
      const n = report.findings.length;
      const notice = n === 0 ? '检查完成：没有发现问题。' : `检查完成：发现 ${n} 个问题，已在工作簿中标出。点击下面的条目可跳到对应单元格。`;
      const markNotice = [tailNotesNotice(marked.tailNotesOmitted), invalidRecordsNotice(marked.invalidRecords), review.invalidNotice]
        .filter(Boolean)
        .join('');
      this.update({ report, review, groups: groupFindings(report, review), notice, markNotice: markNotice || null });
    });
  }

  async generate(): Promise<void> {
    await this.task('generate', async () => {
      this.update({ progress: { label: '正在读取工作簿…', fraction: 0.05 } });
      const snapshot = await this.deps.port.readSnapshot();
      const layouts = (this.deps.layouts ?? layoutsFromSnapshot)(snapshot, this.state.profile);
      this.update({ progress: { label: `正在写入 ${layouts.sheets.length} 张工作表…`, fraction: 0.2 } });
      const names = await this.deps.port.addSheets(layouts.sheets);
      this.update({
        notice: `已生成 ${names.length} 张工作表：${names.join('、')}。原有工作表均未改动。`,
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
        review: null,
        groups: [],
        markNotice: invalidRecordsNotice(invalidRecords),
      });
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
      this.update({ review, groups: groupFindings(this.state.report!, review), notice: review.readiness.text });
    });
  }

  /** Adds the 审核说明 sheet (every error and 提示 with status, reason and cells) to the workbook. */
  async addReviewReport(): Promise<void> {
    const review = this.state.review;
    if (!review) return;
    await this.task('review', async () => {
      const [name] = await this.deps.port.addSheets([reviewReportLayout(review)]);
      this.update({ notice: `已添加工作表“${name}”：列出每个错误和提示的状态、原因和单元格。${review.readiness.text}` });
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
