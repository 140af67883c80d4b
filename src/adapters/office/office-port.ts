// The Office.js adapter: the workbook port inside Excel. The core never sees Excel.*; this class sees only
// the ExcelContextSurface, so the strict fake in the tests and the real host run the same code.
//
// Syncs (the budget the tests count): readSnapshot 2 (names; every used range at once), applyMarks 1 right
// after a read (it reuses what the read learnt about existing marks) else 3, clearMarks 3, select 1,
// addSheets 1 + ⌈payload / 4 MB⌉. Every write is packed by its measured bytes (request-packer.ts): mark
// writes and removals take one request while they fit REQUEST_BUDGET, then one more per extra 4 MB.
// Reads are split in blocks only when the host refuses the single read. A mark write past the budget first
// leaves out the notes of 尾差-only cells when that saves a request (planMarkWrite).
import type { CellRef } from '../../core/cells';
import { a1 } from '../../core/cells';
import type { SheetLayout } from '../../port/layout';
import type { ReviewRecord } from '../../core/review/record';
import { groupMarksByCell, type ApplyMarksOptions, type ClearResult, type Mark, type MarkResult, type WorkbookPort } from '../../port/port';
import { splitReviewStore, type ReviewStore } from '../../port/review-store';
import { queueReviewStore, readReviewStore } from './review-store';
import type { WorkbookSnapshot } from '../../port/snapshot';
import { BELOW_FLOOR_MESSAGE, detectFeatures, EXCEL_API_FLOOR, type ExcelApiCheck, type ExcelFeatures } from './api-support';
import type { ExcelContextSurface, ExcelRunner, WorksheetSurface } from './excel-surface';
import { planMarkWrite, removalOps } from './marks';
import { newRunId } from './mark-record';
import { describeOfficeError, WorkbookAccessError } from './office-errors';
import { inspectMarks, PayloadTooLargeError, readWorkbookAtOnce, readWorkbookChunked, type MarkInspection } from './read-workbook';
import { packRequests, RequestPacker, syncRequests, type RequestOp, type SyncHooks } from './request-packer';
import { layoutSteps, measuredSteps, newSheetNames, type SheetTarget } from './write-sheets';

export interface OfficePortOptions {
  run: ExcelRunner;
  isSupported: ExcelApiCheck;
  /** Called after each write request of addSheets: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called after each request of applyMarks/clearMarks: (done, total); total > 1 only past the request budget. */
  onMarkProgress?: (done: number, total: number) => void;
  /** Lets the UI breathe between chunks (desktop Excel restarts an add-in that blocks for 5 s). */
  yieldBetweenChunks?: () => Promise<void>;
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly features: ExcelFeatures;
  /** What the last readSnapshot learnt about existing marks; used once by the next applyMarks. */
  private freshInspection: MarkInspection | null = null;
  /** The review store the last readSnapshot found (split off the snapshot); null once something was written. */
  private freshStore: ReviewStore | null = null;

  constructor(private readonly options: OfficePortOptions) {
    if (!options.isSupported(EXCEL_API_FLOOR)) throw new WorkbookAccessError(BELOW_FLOOR_MESSAGE, 'below-floor');
    this.features = detectFeatures(options.isSupported);
  }

  /** Chinese notes on what this host cannot do (shown once in the pane). */
  limitations(): string[] {
    const out: string[] = [];
    if (!this.features.pageLayout) out.push('此版本 Excel 不支持由加载项设置打印格式：生成的公开表请在“页面布局”中设为 A4 横向、调整为一页宽。');
    if (this.features.annotations === 'none') out.push('此版本 Excel 不支持由加载项添加批注：问题说明只显示在助手窗格中。');
    return out;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.freshInspection = null;
    const result = await this.guard(async () => {
      try {
        return await this.options.run((ctx) => readWorkbookAtOnce(ctx, this.features));
      } catch (e) {
        if (!(e instanceof PayloadTooLargeError)) throw e;
        return this.options.run((ctx) => readWorkbookChunked(ctx, this.features));
      }
    });
    this.freshInspection = result.inspection;
    const split = splitReviewStore(result.snapshot);
    this.freshStore = split.store;
    return split.snapshot;
  }

  async readReview(): Promise<ReviewStore> {
    return this.freshStore ?? this.guard(() => this.options.run((ctx) => readReviewStore(ctx)));
  }

  /** Rewrites the review store alone (a status set in the pane): one request after a read. */
  async writeReview(records: ReviewRecord[]): Promise<void> {
    const store = await this.readReview();
    this.freshStore = null;
    await this.guard(() =>
      this.options.run(async (ctx) => {
        ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        const names = ctx.workbook.worksheets.items.map((w) => w.name);
        const packer = new RequestPacker(ctx.workbook);
        queueReviewStore(packer, store, records, names);
        await packer.sync(ctx, this.syncHooks());
      }),
    );
  }

  /**
   * Removes the previous marks and writes the new ones in one request when they fit. On a large workbook the
   * notes of 尾差-only cells are left out first (planMarkWrite); the result says how many.
   * `options.review`: the review record, queued into the same packer after the marks (queueReviewStore); it
   * shares their requests and budget, and is written in the same run.
   */
  async applyMarks(marks: Mark[], options: ApplyMarksOptions = {}): Promise<MarkResult> {
    // The review record goes out with the marks, in the same requests (issue #16).
    const store = options.review ? await this.readReview() : null;
    this.freshStore = null;
    const cells = groupMarksByCell(marks);
    const cached = this.freshInspection;
    this.freshInspection = null;
    const run = newRunId();
    return this.guard(async () => {
      const attempt = (inspection: MarkInspection | null) =>
        this.options.run(async (ctx): Promise<MarkResult> => {
          const found = inspection ?? (await inspectMarks(ctx, this.features, [run]));
          const plan = planMarkWrite(ctx.workbook, this.features, found, cells, run);
          await syncRequests(ctx, withReview(ctx, plan.requests, store, options.review, found.sheets), this.syncHooks());
          return { tailNotesOmitted: plan.tailNotesOmitted, invalidRecords: found.invalidRecords };
        });
      try {
        return await attempt(cached);
      } catch (e) {
        // The workbook changed since the read (a rule or note removed or added meanwhile): look again, once.
        // Rules an earlier chunk already wrote carry this run's id, so the fresh look removes them too.
        if (!cached) throw e;
        return attempt(null);
      }
    });
  }

  /** Removes what the record names (see mark-record.ts); without a valid record nothing is ours. */
  async clearMarks(): Promise<ClearResult> {
    this.freshInspection = null;
    return this.guard(() =>
      this.options.run(async (ctx): Promise<ClearResult> => {
        const found = await inspectMarks(ctx, this.features);
        await syncRequests(ctx, packRequests(removalOps(ctx.workbook, found, this.features)), this.syncHooks());
        const ours = found.ownRules.length + found.ownAnnotations.length > 0;
        return { cleared: found.record && ours ? found.record.cells : 0, invalidRecords: found.invalidRecords };
      }),
    );
  }

  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    this.freshInspection = null;
    return this.guard(() =>
      this.options.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        const names = newSheetNames(
          layouts,
          sheets.items.map((s) => s.name),
        );
        const created = new Map<number, WorksheetSurface>();
        const target: SheetTarget = {
          add: (i, name) => {
            const ws = sheets.add(name);
            created.set(i, ws);
            return ws;
          },
          sheet: (i) => created.get(i)!,
        };
        const packer = new RequestPacker(ctx.workbook);
        const steps = layouts.flatMap((layout, i) => layoutSteps(layout, names[i], i, this.features));
        packer.addOps(measuredSteps(steps, target, packer.meter));
        await packer.sync(ctx, {
          everyRequest: () => {
            if (this.features.suspendScreenUpdating) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
          },
          lastRequest: () => created.get(0)?.activate(),
          onRequest: this.options.onProgress,
          between: this.options.yieldBetweenChunks,
        });
        return names;
      }),
    );
  }

  async select(cell: CellRef): Promise<void> {
    await this.guard(() =>
      this.options.run(async (ctx: ExcelContextSurface) => {
        const ws = ctx.workbook.worksheets.getItem(cell.sheet);
        ws.activate();
        ws.getRange(a1(cell.row, cell.col)).select();
        await ctx.sync();
      }),
    );
  }

  /** Progress after each request of a mark write, and a pause between requests (the pane stays responsive). */
  private syncHooks(): SyncHooks {
    return { onRequest: this.options.onMarkProgress, between: this.options.yieldBetweenChunks };
  }

  /** Every host error leaves as a WorkbookAccessError with a Chinese message. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw describeOfficeError(e);
    }
  }
}

/** The mark requests with the review record after them, packed again only when there is a record to write. */
function withReview(
  ctx: ExcelContextSurface,
  requests: RequestOp[][],
  store: ReviewStore | null,
  review: ReviewRecord[] | undefined,
  sheets: string[],
): RequestOp[][] {
  if (!store || !review) return requests;
  const packer = new RequestPacker(ctx.workbook);
  packer.addOps(requests.flat());
  queueReviewStore(packer, store, review, sheets);
  return packer.plan();
}
