// Reading the open workbook: every used range of every sheet (values, number formats, merges) and,
// in the same syncs, what the mark code must know (our rules and annotations, cells with the user's notes).
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../port/snapshot';
import { parseAddress, parseAreas } from './addresses';
import type { ExcelFeatures } from './api-support';
import type { AnnotationSurface, ExcelContextSurface, RangeSurface, WorkbookSurface, WorksheetSurface } from './excel-surface';
import { REQUEST_BUDGET, WriteMeter } from './request-packer';
import { isRecordedAnnotation, isRunFormula, MARK_RECORD_KEY, validateRecord, type ValidRecord } from './mark-record';

/** Reads are capped at 5,000,000 cells per range; the chunked path reads this many cells per sync. */
export const READ_CELLS_PER_SYNC = 100_000;
/**
 * Notes/comments per sync when their list (every text) is refused as one response: 2,000 texts of a few
 * hundred CJK characters stay near 1.5 MB even counted in UTF-8.
 */
export const ANNOTATIONS_PER_SYNC = 2_000;

/** What the mark code needs to know about the workbook; plain data, valid across request contexts. */
export interface MarkInspection {
  sheets: string[];
  /** Our conditional-format rules (formula exactly the recorded run's), by sheet. */
  ownRules: { sheet: string; id: string }[];
  /** Our notes/comments (our prefix, at a cell the record lists), by sheet-qualified address. */
  ownAnnotations: string[];
  /** `sheet!row:col` of cells that carry a note or comment that is not ours: never written. */
  userAnnotatedCells: Set<string>;
  /** The validated record; null when there is none (then nothing is ours). */
  record: ValidRecord | null;
  /** Record entries that failed validation and were ignored. */
  invalidRecords: number;
}

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}!${row}:${col}`;

interface PendingInspection {
  record: { isNullObject: boolean; value: unknown };
  annotations: AnnotationSurface[];
  /** The annotations as plain data when they were read page by page (then `annotations` is empty). */
  paged: AnnotationFacts[] | null;
}

/** What the inspection needs of a note/comment: its text and its sheet-qualified address. */
interface AnnotationFacts {
  content: unknown;
  address: string;
}

/** Sync 1 of every read: sheet names, the mark record, the list of notes/comments. */
export function queueFirstPass(workbook: WorkbookSurface, features: ExcelFeatures) {
  workbook.worksheets.load('items/name');
  const record = workbook.settings.getItemOrNullObject(MARK_RECORD_KEY);
  record.load('value');
  const collection = annotationCollection(workbook, features);
  collection?.load('items/content');
  return { record, collection };
}

export function annotationCollection(workbook: WorkbookSurface, features: ExcelFeatures) {
  return features.annotations === 'notes' ? workbook.notes : features.annotations === 'comments' ? workbook.comments : null;
}

/** Request bytes of asking one note/comment for its cell (getLocation + load), as the request packer measures it. */
const LOCATION_BYTES = new WriteMeter().measureWith(
  (_wb, made) => made() as AnnotationSurface,
  (a) => a.getLocation().load('address'),
);
/** Cells of notes/comments asked in the inspection's own request; the rest in requests of their own (loadRemainingLocations). */
export const LOCATIONS_PER_REQUEST = Math.floor(REQUEST_BUDGET / 2 / LOCATION_BYTES);

/**
 * Sync 2 part: per sheet its conditional formats (with custom formulas), and each annotation's cell: the first
 * LOCATIONS_PER_REQUEST with this request (half the budget: the rest of the request is the read), the others
 * after it, by loadRemainingLocations.
 */
export function queueInspection(sheets: WorksheetSurface[], annotations: AnnotationSurface[]) {
  const rules = sheets.map((ws) => {
    // A worksheet has no rule list of its own: the whole-sheet range lists every rule on the sheet.
    const collection = ws.getRange().conditionalFormats;
    collection.load('items/id,items/type,items/customOrNullObject/rule/formula');
    return collection;
  });
  const locations = annotations.slice(0, LOCATIONS_PER_REQUEST).map(queueLocation);
  return { rules, locations, annotations };
}

function queueLocation(a: AnnotationSurface): RangeSurface {
  const loc = a.getLocation();
  loc.load('address');
  return loc;
}

/** Cells of notes/comments asked per request after the inspection's own. */
export const LOCATIONS_PER_PAGE = Math.floor(REQUEST_BUDGET / LOCATION_BYTES);

/** After the inspection's sync: the cells of the notes/comments that did not fit its request, one request per page. */
export async function loadRemainingLocations(context: ExcelContextSurface, queued: ReturnType<typeof queueInspection>): Promise<void> {
  while (queued.locations.length < queued.annotations.length) {
    const start = queued.locations.length;
    const page = queued.annotations.slice(start, start + LOCATIONS_PER_PAGE).map(queueLocation);
    await context.sync();
    queued.locations.push(...page);
  }
}

/**
 * Sorts rules and annotations into ours and the user's. `extraRuns`: a run being written right now (its rules
 * may exist before its record does, when an earlier request of the same write succeeded).
 */
export function collectInspection(
  names: string[],
  pending: PendingInspection,
  queued: ReturnType<typeof queueInspection>,
  extraRuns: string[] = [],
): MarkInspection {
  const { record, invalid } = pending.record.isNullObject ? { record: null, invalid: 0 } : validateRecord(pending.record.value, names);
  const runs = record ? [record.run, ...extraRuns] : extraRuns;
  const ownRules: MarkInspection['ownRules'] = [];
  queued.rules.forEach((collection, i) => {
    for (const cf of collection.items) {
      if (cf.type !== 'Custom') continue;
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      if (isRunFormula(custom.rule.formula, runs)) ownRules.push({ sheet: names[i], id: cf.id });
    }
  });
  const ownAnnotations: string[] = [];
  const userAnnotatedCells = new Set<string>();
  const facts = pending.paged ?? pending.annotations.map((a, i) => ({ content: a.content, address: queued.locations[i].address }));
  for (const { content, address } of facts) {
    const { sheet, range } = parseAddress(address);
    const key = cellKey(sheet, range.top, range.left);
    if (isRecordedAnnotation(content, record?.annotatedCells.get(key))) ownAnnotations.push(address);
    else userAnnotatedCells.add(key);
  }
  return { sheets: names, ownRules, ownAnnotations, userAnnotatedCells, record, invalidRecords: invalid };
}

/**
 * Syncs the first pass. When the host refuses it for its size (tens of thousands of notes/comments, each
 * with its text), the names and the record are loaded again and the notes/comments read in pages of
 * ANNOTATIONS_PER_SYNC, text and address together; returns them as plain data then, else null.
 */
async function syncFirstPass(
  context: ExcelContextSurface,
  features: ExcelFeatures,
  first: ReturnType<typeof queueFirstPass>,
): Promise<AnnotationFacts[] | null> {
  try {
    await context.sync();
    return null;
  } catch (e) {
    if (!isPayloadError(e) || !first.collection) throw e;
  }
  const wb = context.workbook;
  wb.worksheets.load('items/name');
  first.record.load('value');
  const collection = annotationCollection(wb, features)!;
  const count = collection.getCount();
  await context.sync();
  const out: AnnotationFacts[] = [];
  for (let start = 0; start < count.value; start += ANNOTATIONS_PER_SYNC) {
    const page: { note: AnnotationSurface; location: RangeSurface }[] = [];
    for (let i = start; i < Math.min(count.value, start + ANNOTATIONS_PER_SYNC); i++) {
      const note = collection.getItemAt(i);
      note.load('content');
      const location = note.getLocation();
      location.load('address');
      page.push({ note, location });
    }
    await context.sync();
    for (const { note, location } of page) out.push({ content: note.content, address: location.address });
  }
  return out;
}

/** The first sync of every read and inspection: sheet names, the mark record and the annotations to inspect. */
async function firstPass(context: ExcelContextSurface, features: ExcelFeatures) {
  const first = queueFirstPass(context.workbook, features);
  const paged = await syncFirstPass(context, features, first);
  const sheets = context.workbook.worksheets.items;
  const names = sheets.map((s) => s.name);
  const annotations = first.collection && !paged ? first.collection.items : [];
  return { first, paged, sheets, names, annotations };
}

/** Two syncs: the inspection alone (for clearMarks, or applyMarks without a fresh read). */
export async function inspectMarks(context: ExcelContextSurface, features: ExcelFeatures, extraRuns: string[] = []): Promise<MarkInspection> {
  const { first, paged, sheets, names, annotations } = await firstPass(context, features);
  const queued = queueInspection(sheets, annotations);
  await context.sync();
  await loadRemainingLocations(context, queued);
  return collectInspection(names, { record: first.record, annotations, paged }, queued, extraRuns);
}

export class PayloadTooLargeError extends Error {
  constructor() {
    super('payload too large for one read');
  }
}

/**
 * The whole workbook in two syncs: names first, then every used range in one batch.
 * Throws PayloadTooLargeError when the host refuses or truncates (5 MB web payload, 5M-cell read):
 * then readWorkbookChunked reads the same in blocks.
 */
export async function readWorkbookAtOnce(
  context: ExcelContextSurface,
  features: ExcelFeatures,
): Promise<{ snapshot: WorkbookSnapshot; inspection: MarkInspection }> {
  const { first, paged, sheets, names, annotations } = await firstPass(context, features);
  const reads = queueUsedRanges(sheets, features, 'address,rowCount,columnCount,values,numberFormat');
  const queued = queueInspection(sheets, annotations);
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadError(e)) throw new PayloadTooLargeError();
    throw e;
  }
  await loadRemainingLocations(context, queued);
  const out: SheetSnapshot[] = reads.map(({ used, merged }, i) => {
    if (used.isNullObject) return emptySheet(names[i]);
    if (!Array.isArray(used.values) && used.rowCount * used.columnCount > 0) throw new PayloadTooLargeError();
    const origin = parseAddress(used.address).range;
    return sheetFrom(names[i], origin, used.values, used.numberFormat, mergesOf(merged));
  });
  return { snapshot: { sheets: out }, inspection: collectInspection(names, { record: first.record, annotations, paged }, queued) };
}

/** The same read in row blocks of about READ_CELLS_PER_SYNC cells, one sync each. */
export async function readWorkbookChunked(
  context: ExcelContextSurface,
  features: ExcelFeatures,
): Promise<{ snapshot: WorkbookSnapshot; inspection: MarkInspection }> {
  const { first, paged, sheets, names, annotations } = await firstPass(context, features);
  const dims = queueUsedRanges(sheets, features, 'address,rowCount,columnCount');
  const queued = queueInspection(sheets, annotations);
  await context.sync();
  await loadRemainingLocations(context, queued);
  const out: SheetSnapshot[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const { used, merged } = dims[i];
    if (used.isNullObject) {
      out.push(emptySheet(names[i]));
      continue;
    }
    const origin = parseAddress(used.address).range;
    const cols = used.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / Math.max(1, cols)));
    const values: unknown[][] = [];
    const formats: unknown[][] = [];
    for (let r = 0; r < used.rowCount; r += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, used.rowCount - r);
      const block = sheets[i].getRangeByIndexes(origin.top + r, origin.left, n, cols);
      block.load('values,numberFormat');
      await context.sync();
      values.push(...block.values);
      formats.push(...block.numberFormat);
    }
    out.push(sheetFrom(names[i], origin, values, formats, mergesOf(merged)));
  }
  return { snapshot: { sheets: out }, inspection: collectInspection(names, { record: first.record, annotations, paged }, queued) };
}

/** Per sheet its used range (values only, with `props` loaded) and, where the host has them, its merged areas. */
function queueUsedRanges(sheets: WorksheetSurface[], features: ExcelFeatures, props: string) {
  return sheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(props);
    return { used, merged: queueMerges(ws, features) };
  });
}

function queueMerges(ws: WorksheetSurface, features: ExcelFeatures) {
  if (!features.mergedAreas) return null;
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load('address');
  return merged;
}

function mergesOf(merged: { isNullObject: boolean; address: string } | null): CellRange[] {
  if (!merged || merged.isNullObject) return [];
  return parseAreas(merged.address);
}

function emptySheet(name: string): SheetSnapshot {
  return { name, originRow: 0, originCol: 0, values: [], merges: [], numberFormats: [] };
}

function plain(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function sheetFrom(name: string, origin: CellRange, values: unknown[][], formats: unknown[][], merges: CellRange[]): SheetSnapshot {
  return {
    name,
    originRow: origin.top,
    originCol: origin.left,
    values: values.map((line) => line.map(plain)),
    numberFormats: formats.map((line) => line.map((f) => (typeof f === 'string' && f !== 'General' ? f : null))),
    merges,
  };
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && PAYLOAD_CODES.has(code);
}
