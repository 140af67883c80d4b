// FakeExcel: a strict in-memory fake of the Excel JavaScript API surface the Office adapter uses.
// It is a fake, not Excel: it holds sheets, values, number formats, cell formats, merges, conditional formats,
// settings, notes and comments, and enforces what real Excel enforces and office-addin-mock does not:
//  - reading a property that was not loaded and synced throws PropertyNotLoaded;
//  - writes are queued and applied only at sync(), in order; an op that fails stops the batch (earlier ops stay);
//  - sync() counts calls, request bytes and response bytes, and refuses a request or response over 5 MB
//    (RichApi.Error RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, as Excel on the web);
//    a request's bytes follow the documented make-up of the RichApi body (see FAKE_ACTION_BYTES);
//  - a read of more than 5,000,000 cells returns null values (as Excel does);
//  - addresses longer than 8,192 characters and APIs above the configured ExcelApi version throw;
//  - work queued but never synced at the end of run() throws.
// reopen() simulates save, close and reopen: everything saved with the file stays, ids of conditional
// formats change, the selection is lost.
import type { ExcelContextSurface, ExcelRunner } from '../../src/adapters/office/excel-surface';
import { a1, columnIndex } from '../../src/core/cells';
import type { CellRange } from '../../src/port/snapshot';

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB" (Microsoft, Resource limits and
 * performance optimization for Office Add-ins, section Excel add-ins).
 */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * How a request is measured. The body Office sends is the RichApi JSON `{"Actions":[…],"ObjectPaths":{…}}`; its
 * size is documented as "a combination of the number of API calls, the number of objects, such as a Range
 * object, [and] the length of value to be set" (Microsoft, Performance optimization using the Excel JavaScript
 * API, Payload size). The fake counts exactly those, in UTF-8: every call or property write is one action
 * (FAKE_ACTION_BYTES, about the length of `{"Id":1057,"ActionType":4,"Name":"values","ObjectPathId":1056,
 * "ArgumentInfo":{"Arguments":[…]}},`) plus its arguments as JSON; every object the adapter creates (a range, a
 * format, a rule, a sheet by name…) one object path (FAKE_OBJECT_BYTES, `"1056":{"Id":1056,"ObjectPathType":3,
 * "Name":"getRangeByIndexes","ParentObjectPathId":12,…}`) plus the arguments it was made with. Objects the fake
 * caches (a range's conditional formats, the workbook's notes) are counted once per request context.
 */
export const FAKE_ACTION_BYTES = 100;
export const FAKE_OBJECT_BYTES = 160;
export const FAKE_READ_CELL_LIMIT = 5_000_000;
export const FAKE_ADDRESS_LIMIT = 8192;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface FakeBorder {
  style?: string;
  weight?: string;
  color?: string;
}
export type FakeEdge = 'top' | 'bottom' | 'left' | 'right';
export interface FakeCellFormat {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  borders?: Partial<Record<FakeEdge, FakeBorder>>;
}
export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  format?: FakeCellFormat;
}
export interface FakeConditionalFormat {
  id: string;
  type: string;
  ranges: CellRange[];
  formula: string | null;
  fill: string | null;
  /** Anything else a user rule carries (operator, bounds…), kept as is. */
  extra?: Record<string, unknown>;
}
export interface FakeSheet {
  id: string;
  name: string;
  cells: Record<string, FakeCell>;
  merges: CellRange[];
  conditionalFormats: FakeConditionalFormat[];
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  frozenRows: number;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string };
  /** Absent: Visible. */
  visibility?: string;
}
export interface FakeAnnotation {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
}
export interface FakeWorkbookState {
  sheets: FakeSheet[];
  settings: Record<string, string>;
  notes: FakeAnnotation[];
  comments: FakeAnnotation[];
  activeSheetId: string | null;
  selection: { sheetId: string; address: string } | null;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeSyncStats {
  runs: number;
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
}

const cellKeyOf = (row: number, col: number) => `${row}:${col}`;

function versionAtLeast(have: string, want: string): boolean {
  const [a1v, a2v] = have.split('.').map(Number);
  const [b1v, b2v] = want.split('.').map(Number);
  return a1v > b1v || (a1v === b1v && a2v >= b2v);
}

export function parseLocal(address: string): CellRange {
  const a = address.replace(/\$/g, '').trim();
  const whole = /^([A-Za-z]+):([A-Za-z]+)$/.exec(a);
  if (whole) return { top: 0, bottom: MAX_ROWS - 1, left: columnIndex(whole[1]), right: columnIndex(whole[2]) };
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(a);
  if (!m) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: address ${address}`);
  const r1 = Number(m[2]) - 1;
  const c1 = columnIndex(m[1]);
  const r2 = m[3] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

function splitQualified(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function localAddress(r: CellRange): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

const within = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/**
 * Lookups by key in the fake's lists (rules by id, notes/comments by id and by cell) without a scan each: the mark
 * tests add, find and delete tens of thousands of them, which a scan per call made quadratic (minutes on a busy
 * machine). Per key, the items with that key in list order; find gives the first, as Array.find did. An index
 * belongs to a list object and its length: a list that a test replaced, or grew or shrank directly, is indexed anew
 * at the next lookup; the fake's own changes go through add and remove, which keep it current. No item's key
 * changes in place.
 */
class ListIndex<T> {
  private readonly cache = new WeakMap<T[], { length: number; maps: Map<string, T[]>[] }>();
  constructor(private readonly keys: ((item: T) => string)[]) {}

  find(list: T[], key: number, value: string): T | undefined {
    return this.current(list).maps[key].get(value)?.[0];
  }

  /** Adds `item` at the start or the end of `list`. */
  add(list: T[], item: T, at: 'start' | 'end'): void {
    const entry = this.current(list);
    if (at === 'start') list.unshift(item);
    else list.push(item);
    entry.length = list.length;
    this.keys.forEach((keyOf, i) => {
      const same = entry.maps[i].get(keyOf(item));
      if (!same) entry.maps[i].set(keyOf(item), [item]);
      else if (at === 'start') same.unshift(item);
      else same.push(item);
    });
  }

  /** Removes `item` from `list`, in place. */
  remove(list: T[], item: T): void {
    const entry = this.current(list);
    const at = list.indexOf(item);
    if (at < 0) return;
    list.splice(at, 1);
    entry.length = list.length;
    this.keys.forEach((keyOf, i) => {
      const same = entry.maps[i].get(keyOf(item))!;
      same.splice(same.indexOf(item), 1);
      if (!same.length) entry.maps[i].delete(keyOf(item));
    });
  }

  private current(list: T[]): { length: number; maps: Map<string, T[]>[] } {
    let entry = this.cache.get(list);
    if (!entry || entry.length !== list.length) {
      entry = { length: list.length, maps: this.keys.map(() => new Map<string, T[]>()) };
      for (const item of list) {
        this.keys.forEach((keyOf, i) => {
          const same = entry!.maps[i].get(keyOf(item));
          if (same) same.push(item);
          else entry!.maps[i].set(keyOf(item), [item]);
        });
      }
      this.cache.set(list, entry);
    }
    return entry;
  }
}

const RULES = new ListIndex<FakeConditionalFormat>([(cf) => cf.id]);
const RULE_BY_ID = 0;
const ANNOTATIONS = new ListIndex<FakeAnnotation>([(a) => a.id, (a) => `${a.sheetId}!${a.row}:${a.col}`]);
const ANNOTATION_BY_ID = 0;
const ANNOTATION_BY_CELL = 1;

/** What Excel stores for a value written through Range.values. */
function parseInput(v: unknown): { value: FakeCell['value']; formula?: string } | 'skip' {
  if (v === null || v === undefined) return 'skip';
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s === '') return { value: null };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { value: null, formula: s };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(s)) return { value: Number(s) };
  if (/^\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(s)) return { value: Number(s.replace(/,/g, '')) };
  if (/^\s*[-+]?(\d+\.?\d*)%\s*$/.test(s)) return { value: Number(s.replace('%', '')) / 100 };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toLowerCase() === 'true' };
  if (/^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*$/.test(s)) return { value: 45000 }; // a date serial; the exact day does not matter here
  return { value: s };
}

/** UTF-8 bytes of a value as JSON (what the request body carries). */
export function fakeJsonBytes(value: unknown): number {
  let json: string;
  try {
    json = JSON.stringify(value ?? null);
  } catch {
    return 100;
  }
  return Buffer.byteLength(json, 'utf8');
}

interface QueuedOp {
  bytes: number;
  /** Runs at sync; may return a commit (for loads) and the response bytes it produced. */
  apply: () => void | { bytes: number; commit: () => void };
}

// ---------------------------------------------------------------------------------------------------------
// The fake application: state, requirement sets, statistics, run().

export class FakeExcel {
  state: FakeWorkbookState = { sheets: [], settings: {}, notes: [], comments: [], activeSheetId: null, selection: null };
  stats: FakeSyncStats = { runs: 0, syncs: 0, requestBytes: [], responseBytes: [] };
  /** Set to make the next sync fail with this code (e.g. to simulate a payload refusal once). */
  failNextSyncWith: { code: string; when?: (ops: number) => boolean } | null = null;
  private idCounter = 0;

  constructor(readonly apiVersion = '1.7') {}

  isSupported = (version: string): boolean => versionAtLeast(this.apiVersion, version);

  requireApi(version: string, what: string): void {
    if (!this.isSupported(version))
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this fake host has ${this.apiVersion}`);
  }

  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${this.idCounter}`;
  }

  run: ExcelRunner = async <T>(batch: (context: ExcelContextSurface) => Promise<T>): Promise<T> => {
    this.stats.runs += 1;
    const ctx = new FakeRequestContext(this);
    const out = await batch(ctx);
    if (ctx.pending() > 0) throw new Error(`FakeExcel: ${ctx.pending()} queued operation(s) were never synced`);
    return out;
  };

  resetStats(): void {
    this.stats = { runs: 0, syncs: 0, requestBytes: [], responseBytes: [] };
  }

  // --- helpers for tests (direct state access, no sync) ---

  addSheet(name: string, rows: unknown[][] = [], origin = { row: 0, col: 0 }): FakeSheet {
    if (this.sheetByName(name)) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
    const sheet: FakeSheet = {
      id: this.nextId('ws'),
      name,
      cells: {},
      merges: [],
      conditionalFormats: [],
      columnWidths: {},
      rowHeights: {},
      frozenRows: 0,
      pageLayout: {},
    };
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        sheet.cells[cellKeyOf(origin.row + r, origin.col + c)] = { value: v as FakeCell['value'] };
      }),
    );
    this.state.sheets.push(sheet);
    if (!this.state.activeSheetId) this.state.activeSheetId = sheet.id;
    return sheet;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  cell(sheet: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
    const k = cellKeyOf(row, col);
    if (!sheet.cells[k] && create) sheet.cells[k] = { value: null };
    return sheet.cells[k];
  }

  /** Simulates save, close and reopen of the file. */
  reopen(): void {
    const saved = JSON.parse(JSON.stringify(this.state)) as FakeWorkbookState;
    for (const s of saved.sheets) for (const cf of s.conditionalFormats) cf.id = this.nextId('cf-reopened-');
    saved.selection = null;
    this.state = saved;
  }

  /** Every cell's number format and format, every merge and every conditional format (ids left out), per sheet. */
  formatsSnapshot(): string {
    const sheets = this.state.sheets.map((s) => ({
      name: s.name,
      cells: Object.keys(s.cells)
        .sort()
        .map((k) => [k, s.cells[k].numberFormat ?? null, s.cells[k].format ?? null]),
      merges: s.merges,
      conditionalFormats: s.conditionalFormats.map(({ id: _id, ...rest }) => rest),
      columnWidths: s.columnWidths,
      rowHeights: s.rowHeights,
    }));
    return JSON.stringify({
      sheets,
      notes: this.state.notes.map(({ id: _id, ...n }) => n),
      comments: this.state.comments.map(({ id: _id, ...c }) => c),
    });
  }

  valuesSnapshot(): string {
    return JSON.stringify(
      this.state.sheets.map((s) => [
        s.name,
        Object.keys(s.cells)
          .sort()
          .map((k) => [k, s.cells[k].value, s.cells[k].formula ?? null]),
      ]),
    );
  }

  usedRect(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
    let r: CellRange | null = null;
    for (const [k, c] of Object.entries(sheet.cells)) {
      if (valuesOnly ? c.value === null && !c.formula : c.value === null && !c.formula && !c.format && !c.numberFormat) continue;
      const [row, col] = k.split(':').map(Number);
      r = r
        ? { top: Math.min(r.top, row), bottom: Math.max(r.bottom, row), left: Math.min(r.left, col), right: Math.max(r.right, col) }
        : { top: row, bottom: row, left: col, right: col };
    }
    return r;
  }

  qualifiedAddress(sheet: FakeSheet, r: CellRange): string {
    return `${sheetRef(sheet.name)}!${localAddress(r)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Request context and proxies.

class FakeRequestContext implements ExcelContextSurface {
  private queue: QueuedOp[] = [];
  /** Object paths created since the last sync: they travel in the next request. */
  private objectBytes = 0;
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(args: unknown, apply: QueuedOp['apply']): void {
    this.queue.push({ bytes: FAKE_ACTION_BYTES + fakeJsonBytes(args), apply });
  }

  /** An object reached through a property (a format, a collection): one object path. */
  navigated(): void {
    this.objectBytes += FAKE_OBJECT_BYTES;
  }

  /** An object made by a method call (getRange, getItem…): the call and the object path, with its arguments. */
  called(args: unknown[]): void {
    this.objectBytes += FAKE_ACTION_BYTES + FAKE_OBJECT_BYTES + fakeJsonBytes(args);
  }

  async sync(): Promise<unknown> {
    const ops = this.queue;
    this.queue = [];
    const fx = this.excel;
    fx.stats.syncs += 1;
    const request = ops.reduce((n, o) => n + o.bytes, this.objectBytes);
    this.objectBytes = 0;
    fx.stats.requestBytes.push(request);
    await Promise.resolve();
    if (fx.failNextSyncWith && (!fx.failNextSyncWith.when || fx.failNextSyncWith.when(ops.length))) {
      const code = fx.failNextSyncWith.code;
      fx.failNextSyncWith = null;
      fx.stats.responseBytes.push(0);
      throw new FakeOfficeError(code, `simulated ${code}`);
    }
    if (request > FAKE_PAYLOAD_LIMIT) {
      fx.stats.responseBytes.push(0);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes exceeds 5 MB`);
    }
    const commits: (() => void)[] = [];
    let response = 0;
    try {
      for (const op of ops) {
        const r = op.apply();
        if (r) {
          response += r.bytes;
          commits.push(r.commit);
        }
      }
    } finally {
      fx.stats.responseBytes.push(response);
    }
    if (response > FAKE_PAYLOAD_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes exceeds 5 MB`);
    for (const c of commits) c();
    return undefined;
  }
}

type LoadTree = { [name: string]: LoadTree | true };

function parseLoad(props?: string | string[]): LoadTree {
  if (props === undefined) throw new Error('FakeExcel: load() without property names loads everything; name the properties');
  const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
  const tree: LoadTree = {};
  for (const p of list) {
    const parts = p.split('/');
    let node = tree;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (node[part] === undefined) node[part] = true;
      } else {
        if (node[part] === undefined || node[part] === true) node[part] = {};
        node = node[part] as LoadTree;
      }
    });
  }
  return tree;
}

abstract class FakeProxy {
  private loaded = new Map<string, unknown>();
  private synced = false;
  private nullObject = false;

  constructor(protected readonly ctx: FakeRequestContext) {}

  protected get fx(): FakeExcel {
    return this.ctx.excel;
  }

  /** The model object, or null for a null object; throws ItemNotFound for a missing required object. */
  protected abstract target(): unknown;
  protected readScalar(_name: string, _target: unknown): unknown {
    throw new Error(`FakeExcel: ${this.constructor.name} has no loadable property ${_name}`);
  }
  protected navigation(_name: string): FakeProxy | undefined {
    return undefined;
  }
  protected readItems(_target: unknown, _tree: LoadTree): { bytes: number; commit: () => void } | undefined {
    return undefined;
  }

  load(props?: string | string[]): this {
    const tree = parseLoad(props);
    this.ctx.enqueue({ load: props }, () => this.read(tree));
    return this;
  }

  /** Computes the loaded data at sync time; commit() makes it readable. */
  read(tree: LoadTree): { bytes: number; commit: () => void } {
    const t = this.target();
    if (t === null) {
      return { bytes: 20, commit: () => ((this.nullObject = true), (this.synced = true), this.loaded.clear()) };
    }
    const values = new Map<string, unknown>();
    const commits: (() => void)[] = [];
    let bytes = 0;
    for (const [name, sub] of Object.entries(tree)) {
      if (name === 'items') {
        const r = this.readItems(t, sub === true ? {} : sub);
        if (!r) throw new Error(`FakeExcel: ${this.constructor.name} is not a collection`);
        bytes += r.bytes;
        commits.push(r.commit);
      } else if (sub === true) {
        const v = this.readScalar(name, t);
        values.set(name, v);
        bytes += JSON.stringify(v ?? null).length + name.length + 4;
      } else {
        const child = this.navigation(name);
        if (!child) throw new Error(`FakeExcel: ${this.constructor.name} has no navigation property ${name}`);
        const r = child.read(sub);
        bytes += r.bytes;
        commits.push(r.commit);
      }
    }
    return {
      bytes,
      commit: () => {
        this.synced = true;
        this.nullObject = false;
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (!this.synced)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'isNullObject' is not available before a load and context.sync().");
    return this.nullObject;
  }

  /** Queues a write; `apply` runs at sync against the resolved target. */
  protected write(args: unknown, apply: () => void): void {
    this.ctx.enqueue(args, apply);
  }
}

class FakeWorkbookProxy extends FakeProxy {
  private worksheetsProxy: FakeWorksheetCollection | null = null;
  private settingsProxy: FakeSettingCollection | null = null;
  get worksheets(): FakeWorksheetCollection {
    if (!this.worksheetsProxy) this.ctx.navigated();
    return (this.worksheetsProxy ??= new FakeWorksheetCollection(this.ctx));
  }
  get settings(): FakeSettingCollection {
    if (!this.settingsProxy) this.ctx.navigated();
    return (this.settingsProxy ??= new FakeSettingCollection(this.ctx));
  }
  protected target(): unknown {
    return this.fx.state;
  }
  get application(): FakeApplication {
    this.ctx.navigated();
    return new FakeApplication(this.ctx);
  }
  private notesProxy: FakeAnnotationCollection | null = null;
  private commentsProxy: FakeAnnotationCollection | null = null;
  get notes(): FakeAnnotationCollection {
    this.fx.requireApi('1.18', 'workbook.notes');
    if (!this.notesProxy) this.ctx.navigated();
    return (this.notesProxy ??= new FakeAnnotationCollection(this.ctx, 'notes'));
  }
  get comments(): FakeAnnotationCollection {
    this.fx.requireApi('1.10', 'workbook.comments');
    if (!this.commentsProxy) this.ctx.navigated();
    return (this.commentsProxy ??= new FakeAnnotationCollection(this.ctx, 'comments'));
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.excel.requireApi('1.9', 'suspendScreenUpdatingUntilNextSync');
    this.ctx.enqueue({ suspendScreenUpdating: true }, () => undefined);
  }
}

class FakeWorksheetCollection extends FakeProxy {
  private loadedItems: FakeWorksheetProxy[] | null = null;
  protected target(): unknown {
    return this.fx.state.sheets;
  }
  protected override readItems(_t: unknown, tree: LoadTree) {
    const proxies = this.fx.state.sheets.map((s) => new FakeWorksheetProxy(this.ctx, () => s.id));
    const reads = proxies.map((p) => p.read(tree));
    return { bytes: reads.reduce((n, r) => n + r.bytes, 0), commit: () => ((this.loadedItems = proxies), reads.forEach((r) => r.commit())) };
  }
  get items(): FakeWorksheetProxy[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems;
  }
  getItem(key: string): FakeWorksheetProxy {
    this.ctx.called([key]);
    return new FakeWorksheetProxy(this.ctx, () => {
      const s = this.fx.sheetByName(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet ${key}`);
      return s.id;
    });
  }
  add(name?: string): FakeWorksheetProxy {
    let id: string | null = null;
    this.write({ add: name }, () => {
      const wanted = name ?? `Sheet${this.fx.state.sheets.length + 1}`;
      if (this.fx.sheetByName(wanted)) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named ${wanted} already exists`);
      if (wanted.length > 31 || /[\\/?*[\]:]/.test(wanted)) throw new FakeOfficeError('InvalidArgument', `invalid sheet name ${wanted}`);
      id = this.fx.addSheet(wanted).id;
    });
    this.ctx.navigated();
    return new FakeWorksheetProxy(this.ctx, () => {
      if (!id) throw new Error('FakeExcel: a sheet added in this batch was used before the add ran');
      return id;
    });
  }
}

class FakeWorksheetProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly sheetId: () => string,
  ) {
    super(ctx);
  }
  sheet(): FakeSheet {
    const id = this.sheetId();
    const s = this.fx.sheetById(id);
    if (!s) throw new FakeOfficeError('ItemNotFound', `worksheet ${id} was deleted`);
    return s;
  }
  protected target(): unknown {
    return this.sheet();
  }
  protected override readScalar(name: string, t: unknown): unknown {
    const s = t as FakeSheet;
    if (name === 'name') return s.name;
    if (name === 'id') return s.id;
    if (name === 'visibility') return s.visibility ?? 'Visible';
    return super.readScalar(name, t);
  }
  get name(): string {
    return this.loadedValue('name');
  }
  get visibility(): string {
    return this.loadedValue('visibility');
  }
  set visibility(value: string) {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw new FakeOfficeError('InvalidArgument', `visibility ${value}`);
    this.write({ visibility: value }, () => {
      this.sheet().visibility = value;
    });
  }
  get freezePanes() {
    this.ctx.navigated();
    return {
      freezeRows: (count = 1) => {
        this.write({ freezeRows: count }, () => {
          this.sheet().frozenRows = count;
        });
      },
    };
  }
  get pageLayout(): FakePageLayout {
    this.fx.requireApi('1.9', 'worksheet.pageLayout');
    this.ctx.navigated();
    return new FakePageLayout(this.ctx, this);
  }
  getRange(address?: string): FakeRangeProxy {
    if (address !== undefined && address.length > FAKE_ADDRESS_LIMIT)
      throw new FakeOfficeError('InvalidArgument', 'address longer than 8192 characters');
    const rect = address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseLocal(splitQualified(address).local);
    this.ctx.called(address === undefined ? [] : [address]);
    return new FakeRangeProxy(this.ctx, this, () => rect);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRangeProxy {
    if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'empty range');
    this.ctx.called([startRow, startColumn, rowCount, columnCount]);
    return new FakeRangeProxy(this.ctx, this, () => ({
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRangeProxy {
    this.ctx.called([valuesOnly]);
    return new FakeRangeProxy(this.ctx, this, () => this.fx.usedRect(this.sheet(), valuesOnly), true);
  }
  getRanges(address?: string): FakeRangeAreasProxy {
    this.fx.requireApi('1.9', 'worksheet.getRanges');
    if (!address) throw new FakeOfficeError('InvalidArgument', 'getRanges needs an address');
    if (address.length > FAKE_ADDRESS_LIMIT) throw new FakeOfficeError('InvalidArgument', 'address longer than 8192 characters');
    const rects = address.split(',').map((a) => parseLocal(splitQualified(a).local));
    this.ctx.called([address]);
    return new FakeRangeAreasProxy(this.ctx, this, () => rects);
  }
  activate(): void {
    this.write({ activate: true }, () => {
      this.fx.state.activeSheetId = this.sheet().id;
    });
  }
}

class FakeRangeProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: FakeWorksheetProxy,
    readonly rect: () => CellRange | null,
    readonly nullable = false,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    const r = this.rect();
    if (r === null && !this.nullable) throw new FakeOfficeError('ItemNotFound', 'range not found');
    return r;
  }
  private resolved(): { sheet: FakeSheet; r: CellRange } {
    const r = this.target() as CellRange | null;
    if (!r) throw new FakeOfficeError('InvalidOperation', 'operation on a null object');
    return { sheet: this.worksheet.sheet(), r };
  }
  protected override readScalar(name: string, t: unknown): unknown {
    const r = t as CellRange;
    const sheet = this.worksheet.sheet();
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    switch (name) {
      case 'address':
        return this.fx.qualifiedAddress(sheet, r);
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'values':
      case 'numberFormat': {
        if (rows * cols > FAKE_READ_CELL_LIMIT) return null;
        const out: unknown[][] = [];
        for (let i = r.top; i <= r.bottom; i++) {
          const line: unknown[] = [];
          for (let j = r.left; j <= r.right; j++) {
            const c = sheet.cells[cellKeyOf(i, j)];
            line.push(name === 'values' ? (c?.value ?? '') : (c?.numberFormat ?? 'General'));
          }
          out.push(line);
        }
        return out;
      }
    }
    return super.readScalar(name, t);
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get values(): unknown[][] {
    return this.loadedValue('values');
  }
  set values(v: unknown[][]) {
    this.write({ values: v }, () => {
      const { sheet, r } = this.resolved();
      this.checkShape(v, r);
      v.forEach((line, i) =>
        line.forEach((x, j) => {
          const parsed = parseInput(x);
          if (parsed === 'skip') return;
          const cell = this.fx.cell(sheet, r.top + i, r.left + j, true)!;
          cell.value = parsed.value;
          if (parsed.formula) cell.formula = parsed.formula;
          else delete cell.formula;
        }),
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write({ numberFormat: v }, () => {
      const { sheet, r } = this.resolved();
      this.checkShape(v, r);
      v.forEach((line, i) =>
        line.forEach((x, j) => {
          if (x === null || x === undefined) return;
          const cell = this.fx.cell(sheet, r.top + i, r.left + j, true)!;
          if (x === 'General') delete cell.numberFormat;
          else cell.numberFormat = String(x);
        }),
      );
    });
  }
  private checkShape(v: unknown[][], r: CellRange): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((l) => !Array.isArray(l) || l.length !== cols)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
      );
    }
  }
  get format(): FakeRangeFormat {
    this.ctx.navigated();
    return new FakeRangeFormat(this.ctx, () => {
      const { sheet, r } = this.resolved();
      return { sheet, rects: [r] };
    });
  }
  private cfProxy: FakeConditionalFormatCollection | null = null;
  get conditionalFormats(): FakeConditionalFormatCollection {
    if (!this.cfProxy) this.ctx.navigated();
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.ctx, this.worksheet, () => [this.resolved().r]));
  }
  merge(across = false): void {
    this.write({ merge: across }, () => {
      const { sheet, r } = this.resolved();
      if (across) throw new Error('FakeExcel: merge(across) is not modelled');
      if (sheet.merges.some((m) => overlaps(m, r))) throw new FakeOfficeError('MergedRangeConflict', 'overlaps an existing merge');
      for (const [k, c] of Object.entries(sheet.cells)) {
        const [row, col] = k.split(':').map(Number);
        if (within(r, row, col) && !(row === r.top && col === r.left)) c.value = null;
      }
      sheet.merges.push({ ...r });
    });
  }
  select(): void {
    this.write({ select: true }, () => {
      const { sheet, r } = this.resolved();
      if (this.fx.state.activeSheetId !== sheet.id) throw new FakeOfficeError('InvalidSelection', 'select() on a sheet that is not active');
      this.fx.state.selection = { sheetId: sheet.id, address: localAddress(r) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreasProxy {
    this.fx.requireApi('1.13', 'getMergedAreasOrNullObject');
    this.ctx.called([]);
    return new FakeRangeAreasProxy(this.ctx, this.worksheet, () => {
      const r = this.resolved().r;
      const found = this.worksheet.sheet().merges.filter((m) => overlaps(m, r));
      return found.length ? found : null;
    });
  }
}

class FakeRangeAreasProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: FakeWorksheetProxy,
    readonly rects: () => CellRange[] | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.rects();
  }
  protected override readScalar(name: string, t: unknown): unknown {
    if (name === 'address') return (t as CellRange[]).map((r) => this.fx.qualifiedAddress(this.worksheet.sheet(), r)).join(',');
    return super.readScalar(name, t);
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get format(): FakeRangeFormat {
    this.ctx.navigated();
    return new FakeRangeFormat(this.ctx, () => {
      const rects = this.rects();
      if (!rects) throw new FakeOfficeError('InvalidOperation', 'null object');
      return { sheet: this.worksheet.sheet(), rects };
    });
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.navigated();
    return new FakeConditionalFormatCollection(this.ctx, this.worksheet, () => {
      const r = this.rects();
      if (!r) throw new FakeOfficeError('InvalidOperation', 'null object');
      return r;
    });
  }
}

/** The sheet and the areas a format applies to (one for a Range, several for RangeAreas). */
type Resolved = () => { sheet: FakeSheet; rects: CellRange[] };

function forEachCell(fx: FakeExcel, res: Resolved, f: (cell: FakeCell, row: number, col: number, r: CellRange) => void): void {
  const { sheet, rects } = res();
  for (const r of rects) {
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 1_000_000)
      throw new Error('FakeExcel: formatting more than a million cells is not modelled');
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) f(fx.cell(sheet, i, j, true)!, i, j, r);
  }
}

/** A cell's own format object, made when missing (each cell owns its format: changed in place, never shared). */
function ownFormat(c: FakeCell): FakeCellFormat {
  return (c.format ??= {});
}

function setFormat<K extends keyof FakeCellFormat>(fx: FakeExcel, res: Resolved, key: K, value: FakeCellFormat[K]): void {
  forEachCell(fx, res, (c) => {
    ownFormat(c)[key] = value;
  });
}

const WRITE_ONLY = (name: string) => new Error(`FakeExcel: the adapter should not read ${name}; it is write-only in this fake`);

class FakeRangeFormat {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly res: Resolved,
  ) {}
  private set<K extends keyof FakeCellFormat>(key: K, value: FakeCellFormat[K]): void {
    this.ctx.enqueue({ [key]: value }, () => setFormat(this.ctx.excel, this.res, key, value));
  }
  /** Navigation properties already counted for this format object (the host caches them). */
  private readonly reached = new Set<string>();
  private reach(name: string): void {
    if (!this.reached.has(name)) this.ctx.navigated();
    this.reached.add(name);
  }
  get font() {
    const self = this;
    this.reach('font');
    return {
      get bold(): boolean {
        throw WRITE_ONLY('font.bold');
      },
      set bold(v: boolean) {
        self.set('bold', v);
      },
      get size(): number {
        throw WRITE_ONLY('font.size');
      },
      set size(v: number) {
        self.set('fontSize', v);
      },
      get name(): string {
        throw WRITE_ONLY('font.name');
      },
      set name(v: string) {
        self.set('fontName', v);
      },
    };
  }
  get fill() {
    const self = this;
    this.reach('fill');
    return {
      get color(): string {
        throw WRITE_ONLY('fill.color');
      },
      set color(v: string) {
        self.set('fill', v.toUpperCase());
      },
    };
  }
  get borders() {
    this.reach('borders');
    return {
      getItem: (index: string) => (this.ctx.called([index]), new FakeBorderProxy(this.ctx, this.res, index)),
    };
  }
  get horizontalAlignment(): string {
    throw WRITE_ONLY('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.set('hAlign', v);
  }
  get verticalAlignment(): string {
    throw WRITE_ONLY('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.set('vAlign', v);
  }
  get wrapText(): boolean {
    throw WRITE_ONLY('wrapText');
  }
  set wrapText(v: boolean) {
    this.set('wrap', v);
  }
  get indentLevel(): number {
    throw WRITE_ONLY('indentLevel');
  }
  set indentLevel(v: number) {
    this.ctx.excel.requireApi('1.9', 'format.indentLevel');
    this.set('indent', v);
  }
  get columnWidth(): number {
    throw WRITE_ONLY('columnWidth');
  }
  set columnWidth(v: number) {
    this.ctx.enqueue({ columnWidth: v }, () => {
      const { sheet, rects } = this.res();
      for (const r of rects) for (let c = r.left; c <= r.right; c++) sheet.columnWidths[c] = v;
    });
  }
  get rowHeight(): number {
    throw WRITE_ONLY('rowHeight');
  }
  set rowHeight(v: number) {
    this.ctx.enqueue({ rowHeight: v }, () => {
      const { sheet, rects } = this.res();
      for (const r of rects) for (let i = r.top; i <= r.bottom; i++) sheet.rowHeights[i] = v;
    });
  }
}

class FakeBorderProxy {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly res: Resolved,
    private readonly index: string,
  ) {}
  private set(attr: keyof FakeBorder, value: string): void {
    this.ctx.enqueue({ border: this.index, [attr]: value }, () => {
      // An outer edge touches one row or column of each area: visit only those cells.
      const { sheet, rects } = this.res();
      const edge = (r: CellRange): CellRange | null =>
        this.index === 'EdgeTop'
          ? { ...r, bottom: r.top }
          : this.index === 'EdgeBottom'
            ? { ...r, top: r.bottom }
            : this.index === 'EdgeLeft'
              ? { ...r, right: r.left }
              : this.index === 'EdgeRight'
                ? { ...r, left: r.right }
                : null;
      const parts = rects.map((r) => edge(r) ?? r);
      const whole = new Map(parts.map((part, i) => [part, rects[i]]));
      const res: Resolved = () => ({ sheet, rects: parts });
      forEachCell(this.ctx.excel, res, (c, row, col, part) => {
        const r = whole.get(part)!;
        const edges: FakeEdge[] = [];
        if (this.index === 'EdgeTop' && row === r.top) edges.push('top');
        if (this.index === 'EdgeBottom' && row === r.bottom) edges.push('bottom');
        if (this.index === 'EdgeLeft' && col === r.left) edges.push('left');
        if (this.index === 'EdgeRight' && col === r.right) edges.push('right');
        if (this.index === 'InsideHorizontal') {
          if (row > r.top) edges.push('top');
          if (row < r.bottom) edges.push('bottom');
        }
        if (this.index === 'InsideVertical') {
          if (col > r.left) edges.push('left');
          if (col < r.right) edges.push('right');
        }
        if (!edges.length) return;
        const borders = (ownFormat(c).borders ??= {});
        for (const e of edges) (borders[e] ??= {})[attr] = value;
      });
    });
  }
  get style(): string {
    throw WRITE_ONLY('border.style');
  }
  set style(v: string) {
    this.set('style', v);
  }
  get weight(): string {
    throw WRITE_ONLY('border.weight');
  }
  set weight(v: string) {
    this.set('weight', v);
  }
  get color(): string {
    throw WRITE_ONLY('border.color');
  }
  set color(v: string) {
    this.set('color', v.toUpperCase());
  }
}

class FakePageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheetProxy,
  ) {}
  private put(key: keyof FakeSheet['pageLayout'], v: unknown): void {
    this.ctx.enqueue({ [key]: v }, () => {
      (this.ws.sheet().pageLayout as Record<string, unknown>)[key] = v;
    });
  }
  get orientation(): string {
    throw WRITE_ONLY('orientation');
  }
  set orientation(v: string) {
    this.put('orientation', v);
  }
  get paperSize(): string {
    throw WRITE_ONLY('paperSize');
  }
  set paperSize(v: string) {
    this.put('paperSize', v);
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number } {
    throw WRITE_ONLY('zoom');
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.put('zoom', v);
  }
  setPrintTitleRows(rows: string): void {
    this.put('printTitleRows', rows);
  }
}

class FakeConditionalFormatCollection extends FakeProxy {
  private loadedItems: FakeConditionalFormatProxy[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: FakeWorksheetProxy,
    /** The ranges new rules apply to; null for a worksheet's collection (listing only). */
    readonly ranges: (() => CellRange[]) | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.worksheet.sheet().conditionalFormats;
  }
  protected override readItems(t: unknown, tree: LoadTree) {
    const all = t as FakeConditionalFormat[];
    const inScope = this.ranges ? all.filter((cf) => cf.ranges.some((r) => this.ranges!().some((s) => overlaps(r, s)))) : all;
    const proxies = inScope.map((cf) => new FakeConditionalFormatProxy(this.ctx, this.worksheet, () => cf.id, true));
    const reads = proxies.map((p) => p.read(tree));
    return { bytes: reads.reduce((n, r) => n + r.bytes, 0), commit: () => ((this.loadedItems = proxies), reads.forEach((r) => r.commit())) };
  }
  get items(): FakeConditionalFormatProxy[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems;
  }
  add(type: 'Custom'): FakeConditionalFormatProxy {
    if (!this.ranges) throw new Error('FakeExcel: add a rule through a range, not the worksheet collection');
    let id: string | null = null;
    this.write({ addConditionalFormat: type }, () => {
      const sheet = this.worksheet.sheet();
      id = this.fx.nextId('cf');
      // A new rule goes on top of the priority list.
      RULES.add(sheet.conditionalFormats, { id, type, ranges: this.ranges!().map((r) => ({ ...r })), formula: null, fill: null }, 'start');
    });
    this.ctx.navigated();
    return new FakeConditionalFormatProxy(this.ctx, this.worksheet, () => {
      if (!id) throw new Error('FakeExcel: a rule added in this batch was used before the add ran');
      return id;
    });
  }
  getItem(id: string): FakeConditionalFormatProxy {
    this.ctx.called([id]);
    return new FakeConditionalFormatProxy(this.ctx, this.worksheet, () => id);
  }
}

class FakeConditionalFormatProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: FakeWorksheetProxy,
    readonly cfId: () => string,
    /** An item of a loaded collection: its loaded parts are read from the response, not asked for again. */
    readonly fromLoad = false,
  ) {
    super(ctx);
  }
  rule(): FakeConditionalFormat {
    const id = this.cfId();
    const cf = RULES.find(this.worksheet.sheet().conditionalFormats, RULE_BY_ID, id);
    if (!cf) throw new FakeOfficeError('ItemNotFound', `conditional format ${id} not found`);
    return cf;
  }
  protected target(): unknown {
    return this.rule();
  }
  protected override readScalar(name: string, t: unknown): unknown {
    const cf = t as FakeConditionalFormat;
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    return super.readScalar(name, t);
  }
  protected override navigation(name: string): FakeProxy | undefined {
    if (name === 'customOrNullObject') return this.customOrNullObject;
    if (name === 'custom') return this.custom;
    return undefined;
  }
  get id(): string {
    return this.loadedValue('id');
  }
  get type(): string {
    return this.loadedValue('type');
  }
  private customProxy: FakeCustomRuleProxy | null = null;
  private customNullableProxy: FakeCustomRuleProxy | null = null;
  get custom(): FakeCustomRuleProxy {
    if (!this.customProxy && !this.fromLoad) this.ctx.navigated();
    return (this.customProxy ??= new FakeCustomRuleProxy(this.ctx, this, false));
  }
  get customOrNullObject(): FakeCustomRuleProxy {
    if (!this.customNullableProxy && !this.fromLoad) this.ctx.navigated();
    return (this.customNullableProxy ??= new FakeCustomRuleProxy(this.ctx, this, true));
  }
  delete(): void {
    this.write({ deleteConditionalFormat: true }, () => {
      const cf = this.rule();
      RULES.remove(this.worksheet.sheet().conditionalFormats, cf);
    });
  }
}

class FakeCustomRuleProxy extends FakeProxy {
  private ruleProxy: FakeRuleProxy | null = null;
  constructor(
    ctx: FakeRequestContext,
    readonly owner: FakeConditionalFormatProxy,
    readonly nullable: boolean,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    const cf = this.owner.rule();
    if (cf.type !== 'Custom') {
      if (this.nullable) return null;
      throw new FakeOfficeError('InvalidOperation', 'not a custom conditional format');
    }
    return cf;
  }
  protected override navigation(name: string): FakeProxy | undefined {
    return name === 'rule' ? this.rule : undefined;
  }
  get rule(): FakeRuleProxy {
    if (!this.ruleProxy && !this.owner.fromLoad) this.ctx.navigated();
    return (this.ruleProxy ??= new FakeRuleProxy(this.ctx, () => this.target() as FakeConditionalFormat | null));
  }
  get format() {
    const ctx = this.ctx;
    const owner = this;
    // The rule's format, then its fill.
    ctx.navigated();
    ctx.navigated();
    return {
      fill: {
        get color(): string {
          throw WRITE_ONLY('custom.format.fill.color');
        },
        set color(v: string) {
          ctx.enqueue({ cfFill: v }, () => {
            (owner.target() as FakeConditionalFormat).fill = v.toUpperCase();
          });
        },
      },
    };
  }
}

class FakeRuleProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly cf: () => FakeConditionalFormat | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.cf();
  }
  protected override readScalar(name: string, t: unknown): unknown {
    if (name === 'formula') return (t as FakeConditionalFormat).formula;
    return super.readScalar(name, t);
  }
  get formula(): string {
    return this.loadedValue('formula');
  }
  set formula(v: string) {
    this.write({ formula: v }, () => {
      const cf = this.cf();
      if (!cf) throw new FakeOfficeError('InvalidOperation', 'null object');
      cf.formula = v;
    });
  }
}

class FakeSettingCollection {
  constructor(private readonly ctx: FakeRequestContext) {}
  add(key: string, value: unknown): FakeSettingProxy {
    this.ctx.enqueue({ key, value }, () => {
      this.ctx.excel.state.settings[key] = JSON.stringify(value);
    });
    return new FakeSettingProxy(this.ctx, key, false);
  }
  getItemOrNullObject(key: string): FakeSettingProxy {
    this.ctx.called([key]);
    return new FakeSettingProxy(this.ctx, key, true);
  }
}

class FakeSettingProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly key: string,
    readonly nullable: boolean,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    const raw = this.fx.state.settings[this.key];
    if (raw === undefined) {
      if (this.nullable) return null;
      throw new FakeOfficeError('ItemNotFound', `setting ${this.key} not found`);
    }
    return raw;
  }
  protected override readScalar(name: string, t: unknown): unknown {
    if (name === 'value') return JSON.parse(t as string);
    return super.readScalar(name, t);
  }
  get value(): unknown {
    return this.loadedValue('value');
  }
  set value(v: unknown) {
    this.write({ value: v }, () => {
      this.fx.state.settings[this.key] = JSON.stringify(v);
    });
  }
  delete(): void {
    this.write({ deleteSetting: this.key }, () => {
      if (this.target() === null) throw new FakeOfficeError('InvalidOperation', 'delete on a null object');
      delete this.fx.state.settings[this.key];
    });
  }
}

class FakeAnnotationCollection extends FakeProxy {
  private loadedItems: FakeAnnotationProxy[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    readonly kind: 'notes' | 'comments',
  ) {
    super(ctx);
  }
  private list(): FakeAnnotation[] {
    return this.fx.state[this.kind];
  }
  protected target(): unknown {
    return this.list();
  }
  protected override readItems(_t: unknown, tree: LoadTree) {
    const proxies = this.list().map((a) => new FakeAnnotationProxy(this.ctx, this.kind, () => a.id));
    const reads = proxies.map((p) => p.read(tree));
    return { bytes: reads.reduce((n, r) => n + r.bytes, 0), commit: () => ((this.loadedItems = proxies), reads.forEach((r) => r.commit())) };
  }
  get items(): FakeAnnotationProxy[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems;
  }
  private locate(address: string): { sheet: FakeSheet; row: number; col: number } {
    const { sheet: name, local } = splitQualified(address);
    const sheet = name ? this.fx.sheetByName(name) : undefined;
    if (!sheet) throw new FakeOfficeError('InvalidArgument', `annotation address needs an existing sheet: ${address}`);
    const r = parseLocal(local);
    if (r.top !== r.bottom || r.left !== r.right) throw new FakeOfficeError('InvalidArgument', 'annotations go on one cell');
    return { sheet, row: r.top, col: r.left };
  }
  private byCell(address: string): () => string {
    return () => {
      const { sheet, row, col } = this.locate(address);
      const a = ANNOTATIONS.find(this.list(), ANNOTATION_BY_CELL, `${sheet.id}!${row}:${col}`);
      if (!a) throw new FakeOfficeError('ItemNotFound', `no ${this.kind} at ${address}`);
      return a.id;
    };
  }
  add(cellAddress: string, content: string): void {
    this.write({ add: cellAddress, content }, () => {
      const { sheet, row, col } = this.locate(cellAddress);
      const clash = ANNOTATIONS.find(this.list(), ANNOTATION_BY_CELL, `${sheet.id}!${row}:${col}`);
      if (clash) throw new FakeOfficeError('InvalidArgument', `the cell ${cellAddress} already has a ${this.kind === 'notes' ? 'note' : 'comment'}`);
      ANNOTATIONS.add(this.list(), { id: this.fx.nextId(this.kind), sheetId: sheet.id, row, col, content }, 'end');
    });
  }
  /** ClientResult<number>: readable after the sync. */
  getCount(): { readonly value: number } {
    let count: number | null = null;
    this.ctx.enqueue({ getCount: this.kind }, () => ({ bytes: 8, commit: () => void (count = this.list().length) }));
    return {
      get value(): number {
        if (count === null) throw new FakeOfficeError('PropertyNotLoaded', 'The value of a ClientResult is not available before context.sync().');
        return count;
      },
    };
  }
  getItemAt(index: number): FakeAnnotationProxy {
    this.ctx.called([index]);
    return new FakeAnnotationProxy(this.ctx, this.kind, () => {
      const a = this.list()[index];
      if (!a) throw new FakeOfficeError('ItemNotFound', `no ${this.kind} at index ${index}`);
      return a.id;
    });
  }
  getItem(key: string): FakeAnnotationProxy {
    if (this.kind !== 'notes') throw new Error('FakeExcel: comments are found with getItemByCell');
    this.ctx.called([key]);
    return new FakeAnnotationProxy(this.ctx, this.kind, this.byCell(key));
  }
  getItemByCell(cellAddress: string): FakeAnnotationProxy {
    if (this.kind !== 'comments') throw new Error('FakeExcel: notes are found with getItem');
    this.ctx.called([cellAddress]);
    return new FakeAnnotationProxy(this.ctx, this.kind, this.byCell(cellAddress));
  }
}

class FakeAnnotationProxy extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly kind: 'notes' | 'comments',
    readonly annotationId: () => string,
  ) {
    super(ctx);
  }
  private annotation(): FakeAnnotation {
    const id = this.annotationId();
    const a = ANNOTATIONS.find(this.fx.state[this.kind], ANNOTATION_BY_ID, id);
    if (!a) throw new FakeOfficeError('ItemNotFound', `${this.kind} ${id} not found`);
    return a;
  }
  protected target(): unknown {
    return this.annotation();
  }
  protected override readScalar(name: string, t: unknown): unknown {
    if (name === 'content') return (t as FakeAnnotation).content;
    return super.readScalar(name, t);
  }
  get content(): string {
    return this.loadedValue('content');
  }
  getLocation(): FakeRangeProxy {
    this.ctx.called([]);
    const ws = new FakeWorksheetProxy(this.ctx, () => this.annotation().sheetId);
    return new FakeRangeProxy(this.ctx, ws, () => {
      const a = this.annotation();
      return { top: a.row, bottom: a.row, left: a.col, right: a.col };
    });
  }
  delete(): void {
    this.write({ deleteAnnotation: true }, () => {
      const a = this.annotation();
      ANNOTATIONS.remove(this.fx.state[this.kind], a);
    });
  }
}
