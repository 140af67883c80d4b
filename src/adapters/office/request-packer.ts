// Request packing by payload bytes: every write to the workbook (marks, notes/comments, their removal, the
// mark record, generated sheets, and any other writer's data) is queued as RequestOps, each measured in the
// bytes it adds to the request body, and sent in as few context.sync() calls as those bytes allow.
//
// The limit: "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will
// be thrown if that limit is exceeded." (Microsoft, "Resource limits and performance optimization for Office
// Add-ins", section Excel add-ins: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
// the error code is RequestPayloadSizeLimitExceeded, https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
// We pack to REQUEST_BUDGET = 4 MiB, leaving a fifth of the limit for what our measure cannot see.
//
// The measure: the request body is the RichApi JSON of the batch, `{"Actions":[…],"ObjectPaths":{…}}`
// (OfficeExtension.RequestMessageBody). The documented components of its size are "the number of API calls,
// the number of objects, such as a Range object, [and] the length of value to be set" (the performance page
// above). WriteMeter dry-runs a write against a recording stand-in of the Excel API and counts exactly
// those: per call ACTION_BYTES plus its name and its arguments as UTF-8 JSON, per object used OBJECT_BYTES
// (its object path) once, per property set ACTION_BYTES plus its name and the value as UTF-8 JSON. So any
// code that queues Excel calls is measured the same way, without a hand-kept estimate per call.
//
// Use (any writer: marks, the review record, WPS):
//   const packer = new RequestPacker(ctx.workbook);
//   packer.add((wb) => wb.settings.add(KEY, value));  // measured now, queued at its request
//   await packer.sync(ctx, hooks);                     // one context.sync() per request, in order
// Ops keep their order (a removal before the note written at the same cell). packRequests is the plan alone.
import type { ExcelContextSurface, WorkbookSurface } from './excel-surface';

/** Excel on the web refuses a request body over 5 MB (see the top of this file). */
export const HOST_REQUEST_LIMIT = 5 * 1024 * 1024;
/** We flush before a request would pass this many measured bytes. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/**
 * One action in the body besides its arguments: `{"Id":1057,"ActionType":4,"Name":"values","ObjectPathId":1056,
 * "ArgumentInfo":{"Arguments":[…]}},` is about 95 characters.
 */
export const ACTION_BYTES = 100;
/**
 * One object path besides its arguments: `"1056":{"Id":1056,"ObjectPathType":3,"Name":"getRangeByIndexes",
 * "ParentObjectPathId":12,"ArgumentInfo":{"Arguments":[…]}},` is about 120 characters; rounded up for the
 * action that instantiates it.
 */
export const OBJECT_BYTES = 160;

/** One unit of work: `queue` adds its calls to the current batch; `bytes` is what they add to the request. */
export interface RequestOp {
  bytes: number;
  queue(): void;
}

/** UTF-8 length of a string (what travels in the request body), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/**
 * A recording stand-in for any part of the Excel API: property reads give child stand-ins, calls and
 * property writes are counted. An object is charged once, when something is done with it (a call on it,
 * a property of it read or written); a method's result is an object like any other.
 */
class Meter {
  bytes = 0;

  /** A stand-in for an object that costs nothing to reach (the workbook, or a sheet made earlier in the run). */
  root<T>(): T {
    return this.node(true, '') as T;
  }

  /** `name`: the property this object was read as (a method's name when it is called). */
  private node(free: boolean, name: string): unknown {
    let charged = free;
    const children = new Map<PropertyKey, unknown>();
    const use = () => {
      if (!charged) {
        charged = true;
        this.bytes += OBJECT_BYTES;
      }
    };
    // A function target, so that a property read off it can be called as a method.
    return new Proxy(function stand() {}, {
      get: (_t, prop) => {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        use();
        let child = children.get(prop);
        if (!child) {
          child = this.node(false, String(prop));
          children.set(prop, child);
        }
        return child;
      },
      set: (_t, prop, value) => {
        use();
        this.bytes += ACTION_BYTES + utf8Length(String(prop)) + jsonBytes(value);
        return true;
      },
      apply: (_t, _this, args: unknown[]) => {
        // The method itself is an action of its parent, already charged as used; its result is a new object.
        charged = true;
        this.bytes += ACTION_BYTES + utf8Length(name) + jsonBytes(args);
        return this.node(false, name);
      },
    });
  }
}

/**
 * Measures writes on one workbook. Objects reached from the workbook through properties (its worksheets,
 * notes, settings) are charged once per meter, as the host caches them; everything else per write.
 */
export class WriteMeter {
  private readonly meter = new Meter();
  private readonly workbook = this.meter.root<WorkbookSurface>();

  /** The bytes `write` adds to a request: it is run once against the recording stand-in. */
  measure(write: (workbook: WorkbookSurface) => void): number {
    const before = this.meter.bytes;
    write(this.workbook);
    return this.meter.bytes - before;
  }

  /**
   * The same for a write on a target of the caller's own shape: `standIn` builds it from the stand-in
   * workbook and `made()`, a stand-in for an object already made earlier in the run (a new sheet).
   */
  measureWith<T>(standIn: (workbook: WorkbookSurface, made: () => unknown) => T, write: (target: T) => void): number {
    const before = this.meter.bytes;
    write(standIn(this.workbook, () => this.meter.root()));
    return this.meter.bytes - before;
  }
}

/** An op from a write on the workbook: measured now, queued against `workbook` when its request is made. */
export function workbookOp(workbook: WorkbookSurface, write: (workbook: WorkbookSurface) => void, meter = new WriteMeter()): RequestOp {
  return { bytes: meter.measure(write), queue: () => write(workbook) };
}

/**
 * Packs ops, in order, into requests. Each request is closed before the next op would take it past `budget`
 * (an op larger than the budget gets a request of its own). When that gives more requests than
 * ⌈total / budget⌉ (the ops do not fill each request to the byte), the ops are dealt by their offset into
 * ⌈total / budget⌉ equal shares instead: no extra request, and a request passes the budget by less than one
 * op (values are written in blocks of at most VALUE_BLOCK_BYTES; an op may take at most half the 1 MB between
 * the budget and the host limit, else the greedy packing stands). Never empty: no ops give one empty request.
 */
export function packRequests<T extends { bytes: number }>(ops: T[], budget = REQUEST_BUDGET): T[][] {
  const greedy = packGreedy(ops, budget);
  const total = ops.reduce((n, op) => n + op.bytes, 0);
  const fewest = Math.max(1, Math.ceil(total / budget));
  if (greedy.length <= fewest) return greedy;
  // Only while one op more stays well within the host limit (half the margin, scaled to the budget: 512 KB at 4 MB).
  const largest = ops.reduce((n, op) => Math.max(n, op.bytes), 0);
  if (largest > (budget * (HOST_REQUEST_LIMIT / REQUEST_BUDGET - 1)) / 2) return greedy;
  const share = total / fewest;
  const out: T[][] = Array.from({ length: fewest }, () => []);
  let offset = 0;
  for (const op of ops) {
    out[Math.min(fewest - 1, Math.floor(offset / share))].push(op);
    offset += op.bytes;
  }
  return out.filter((r, i) => r.length > 0 || i === 0);
}

function packGreedy<T extends { bytes: number }>(ops: T[], budget: number): T[][] {
  const requests: T[][] = [[]];
  let bytes = 0;
  for (const op of ops) {
    const cur = requests[requests.length - 1];
    if (cur.length > 0 && bytes + op.bytes > budget) {
      requests.push([op]);
      bytes = op.bytes;
    } else {
      cur.push(op);
      bytes += op.bytes;
    }
  }
  return requests;
}

export interface SyncHooks {
  /** Queued at the start of every request (e.g. suspending screen updating); not counted against the budget. */
  everyRequest?: () => void;
  /** Queued at the end of the last request (e.g. activating the first new sheet). */
  lastRequest?: () => void;
  /** After each request's sync: (done, total). */
  onRequest?: (done: number, total: number) => void;
  /** Between requests: lets the UI breathe (desktop Excel restarts an add-in that blocks for 5 s). */
  between?: () => Promise<void>;
}

/** Queues the requests one by one, one context.sync() each (always at least one). */
export async function syncRequests(ctx: ExcelContextSurface, requests: RequestOp[][], hooks: SyncHooks = {}): Promise<void> {
  for (let k = 0; k < requests.length; k++) {
    hooks.everyRequest?.();
    for (const op of requests[k]) op.queue();
    if (k === requests.length - 1) hooks.lastRequest?.();
    await ctx.sync();
    hooks.onRequest?.(k + 1, requests.length);
    if (k < requests.length - 1) await hooks.between?.();
  }
}

/** A queue of measured writes on one workbook, sent in requests within the budget (see the top of this file). */
export class RequestPacker {
  private readonly ops: RequestOp[] = [];
  /** Measures the writes added here; also for ops built elsewhere on this packer's writes (shared objects count once). */
  readonly meter = new WriteMeter();

  constructor(
    readonly workbook: WorkbookSurface,
    readonly budget = REQUEST_BUDGET,
  ) {}

  /** Queues a write; it is measured now and run against the workbook when its request is made. */
  add(write: (workbook: WorkbookSurface) => void): void {
    this.ops.push(workbookOp(this.workbook, write, this.meter));
  }

  /** Queues ops measured elsewhere (e.g. a whole mark plan). */
  addOps(ops: RequestOp[]): void {
    this.ops.push(...ops);
  }

  /** Measured bytes of everything queued. */
  get payloadBytes(): number {
    return this.ops.reduce((n, op) => n + op.bytes, 0);
  }

  /** The requests the queue will take, as packed now. */
  plan(): RequestOp[][] {
    return packRequests(this.ops, this.budget);
  }

  /** Sends everything queued, one context.sync() per request, and empties the queue. */
  async sync(ctx: ExcelContextSurface, hooks: SyncHooks = {}): Promise<number> {
    const requests = this.plan();
    this.ops.length = 0;
    await syncRequests(ctx, requests, hooks);
    return requests.length;
  }
}
