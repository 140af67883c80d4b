// FakeWps: a strict in-memory fake of the part of the WPS 表格 object model the WPS adapter uses
// (src/adapters/wps/wps-surface.ts). It is a fake, not WPS: it was written from the VBA documentation WPS's JS
// API follows (docs/wps.md), never checked against WPS itself. It holds sheets, values, merges, cell formats,
// conditional formats, comments and custom document properties, and enforces:
//  - a member the adapter is not expected to use throws (so does reading a write-only one or writing a read-only one);
//  - every member access (get, set or method) counts as one call, since each crosses into WPS (`calls`, `byMember`);
//  - Range("…") refuses an address over 255 characters (as VBA does), Select() needs the sheet to be active,
//    AddComment on a cell that has a comment throws, a sheet name that exists (any case) is refused;
//  - Value2 written with text WPS would convert (numbers, formulas) converts it, unless it starts with an apostrophe.
import type { WpsApplicationSurface } from '../../src/adapters/wps/wps-surface';
import { a1, columnIndex } from '../../src/core/cells';
import type { CellRange, CellValue, WorkbookSnapshot } from '../../src/port/snapshot';

export const FAKE_WPS_ADDRESS_LIMIT = 255;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FakeWpsError';
  }
}

export interface FakeWpsBorders {
  lineStyle?: number;
  weight?: number;
  color?: number;
}
export interface FakeWpsCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  hAlign?: number;
  vAlign?: number;
  wrap?: boolean;
  indent?: number;
  /** VBA colour number. */
  fill?: number;
  borders?: FakeWpsBorders;
}
export interface FakeWpsRule {
  /** XlFormatConditionType: 1 cell value, 2 expression, 3 colour scale … */
  type: number;
  formula: string | null;
  ranges: CellRange[];
  fill: number | null;
}
export interface FakeWpsSheet {
  name: string;
  cells: Map<string, FakeWpsCell>;
  merges: CellRange[];
  rules: FakeWpsRule[];
  comments: Map<string, string>;
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  frozenRows: number;
  pageSetup: Record<string, unknown>;
}

type Member =
  ['get', () => unknown] | ['set', (v: unknown) => void] | ['getset', () => unknown, (v: unknown) => void] | ['call', (...a: never[]) => unknown];

const key = (row: number, col: number) => `${row}:${col}`;
const within = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const overlap = (a: CellRange, b: CellRange): number => {
  const rows = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  const cols = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  return rows > 0 && cols > 0 ? rows * cols : 0;
};
const size = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** One area of a VBA address: `B3`, `B3:D9`, `A:C` (whole columns), `5:7` (whole rows). */
export function parseArea(text: string): CellRange {
  const t = text.replace(/\$/g, '').trim();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(t);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1].toUpperCase());
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnIndex(m[3].toUpperCase()) : c1;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  m = /^([A-Z]+):([A-Z]+)$/i.exec(t);
  if (m) return { top: 0, bottom: MAX_ROWS - 1, left: columnIndex(m[1].toUpperCase()), right: columnIndex(m[2].toUpperCase()) };
  m = /^(\d+):(\d+)$/.exec(t);
  if (m) return { top: Number(m[1]) - 1, bottom: Number(m[2]) - 1, left: 0, right: MAX_COLS - 1 };
  throw new FakeWpsError(`Range：无效的地址 ${text}`);
}

function emptySheet(name: string): FakeWpsSheet {
  return { name, cells: new Map(), merges: [], rules: [], comments: new Map(), columnWidths: {}, rowHeights: {}, frozenRows: 0, pageSetup: {} };
}

/** What WPS stores when a value is written through Value2. */
function coerce(v: unknown): { value: CellValue; formula?: string } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) === '' ? null : s.slice(1) };
  if (s.startsWith('=')) return { value: null, formula: s };
  const n = Number(s.replace(/,/g, ''));
  if (s.trim() !== '' && Number.isFinite(n) && /^\s*[-+]?[\d,.]+(e[-+]?\d+)?\s*$/i.test(s)) return { value: n };
  if (/^(true|false)$/i.test(s.trim())) return { value: /^true$/i.test(s.trim()) };
  return { value: s };
}

export class FakeWps {
  sheets: FakeWpsSheet[] = [];
  properties: { name: string; value: string }[] = [];
  hasWorkbook = true;
  activeSheet: FakeWpsSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Object-model calls so far, and by `Type.Member`. */
  calls = 0;
  byMember = new Map<string, number>();
  private window = { splitRow: 0, splitColumn: 0 };
  private readonly sheetOf = new WeakMap<object, FakeWpsSheet>();

  readonly application: WpsApplicationSurface = this.object('Application', {
    ActiveWorkbook: ['get', () => (this.hasWorkbook ? this.workbook() : null)],
    ActiveWindow: ['get', () => this.windowObject()],
  }) as WpsApplicationSurface;

  resetCalls(): void {
    this.calls = 0;
    this.byMember.clear();
  }

  // ---- test set-up (not counted) ----

  addSheet(name: string, rows: CellValue[][] = [], origin: { row: number; col: number } = { row: 0, col: 0 }): FakeWpsSheet {
    const s = emptySheet(name);
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== '') s.cells.set(key(origin.row + r, origin.col + c), { value: v });
      }),
    );
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  /** Loads a snapshot's values and merges (what the readers see of a workbook). */
  loadSnapshot(snapshot: WorkbookSnapshot): void {
    for (const sh of snapshot.sheets) {
      const s = this.addSheet(sh.name, sh.values, { row: sh.originRow, col: sh.originCol });
      s.merges = sh.merges.map((m) => ({ ...m }));
    }
  }

  sheet(name: string): FakeWpsSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeWpsError(`没有工作表 ${name}`);
    return s;
  }

  cell(sheet: string, row: number, col: number): FakeWpsCell | undefined {
    return this.sheet(sheet).cells.get(key(row, col));
  }

  /** Everything but the values, per sheet, as plain data: for before/after comparisons. */
  formatState(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells]
        .map(([k, { value: _v, formula: _f, ...format }]) => [k, format] as const)
        .filter(([, f]) => Object.keys(f).length)
        .sort(([a], [b]) => a.localeCompare(b)),
      merges: s.merges,
      rules: s.rules.map((r) => ({ ...r })),
      comments: [...s.comments].sort(([a], [b]) => a.localeCompare(b)),
    }));
  }

  // ---- the object model ----

  private count(type: string, member: string): void {
    this.calls += 1;
    const k = `${type}.${member}`;
    this.byMember.set(k, (this.byMember.get(k) ?? 0) + 1);
  }

  private object(type: string, members: Record<string, Member>): object {
    const target = {};
    return new Proxy(target, {
      get: (_t, prop) => {
        if (typeof prop === 'symbol') return undefined;
        const m = members[prop];
        if (!m || m[0] === 'set') throw new FakeWpsError(`${type}.${prop}：严格模拟不支持读取此成员（适配器不应使用它）`);
        this.count(type, prop);
        return m[0] === 'call' ? m[1] : m[1]();
      },
      set: (_t, prop, value) => {
        const m = typeof prop === 'string' ? members[prop] : undefined;
        if (!m || (m[0] !== 'set' && m[0] !== 'getset')) throw new FakeWpsError(`${type}.${String(prop)}：严格模拟不支持写入此成员`);
        this.count(type, prop as string);
        (m[0] === 'set' ? m[1] : m[2])(value);
        return true;
      },
      has: () => false,
    });
  }

  private workbook(): object {
    return this.object('Workbook', {
      Worksheets: ['get', () => this.sheetsObject()],
      CustomDocumentProperties: ['get', () => this.propertiesObject()],
    });
  }

  private sheetsObject(): object {
    return this.object('Worksheets', {
      Count: ['get', () => this.sheets.length],
      Item: [
        'call',
        (index: number | string) => {
          const s =
            typeof index === 'number' ? this.sheets[index - 1] : this.sheets.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
          if (!s) throw new FakeWpsError(`Worksheets.Item：下标越界（${index}）`);
          return this.sheetObject(s);
        },
      ],
      Add: [
        'call',
        (before?: object, after?: object) => {
          const anchor = after ? this.sheetOf.get(after) : before ? this.sheetOf.get(before) : this.activeSheet;
          if (!anchor) throw new FakeWpsError('Worksheets.Add：参数不是工作表');
          let n = this.sheets.length + 1;
          while (this.sheets.some((x) => x.name.toLowerCase() === `sheet${n}`)) n++;
          const s = emptySheet(`Sheet${n}`);
          const at = this.sheets.indexOf(anchor) + (after || !before ? 1 : 0);
          this.sheets.splice(at, 0, s);
          this.activeSheet = s;
          return this.sheetObject(s);
        },
      ],
    });
  }

  private sheetObject(s: FakeWpsSheet): object {
    const obj = this.object('Worksheet', {
      Name: [
        'getset',
        () => s.name,
        (v: unknown) => {
          const name = String(v);
          if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeWpsError(`工作表名称无效：${name}`);
          if (this.sheets.some((x) => x !== s && x.name.toLowerCase() === name.toLowerCase())) throw new FakeWpsError(`工作表名称已存在：${name}`);
          s.name = name;
        },
      ],
      UsedRange: ['get', () => this.rangeObject(s, [this.usedArea(s)])],
      Cells: ['get', () => this.rangeObject(s, [{ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }])],
      PageSetup: ['get', () => this.pageSetupObject(s)],
      Range: [
        'call',
        (address: string) => {
          if (typeof address !== 'string' || address.length > FAKE_WPS_ADDRESS_LIMIT)
            throw new FakeWpsError(`Range：地址超过 ${FAKE_WPS_ADDRESS_LIMIT} 个字符`);
          return this.rangeObject(s, address.split(',').map(parseArea));
        },
      ],
      Activate: [
        'call',
        () => {
          this.activeSheet = s;
        },
      ],
    });
    this.sheetOf.set(obj, s);
    return obj;
  }

  private usedArea(s: FakeWpsSheet): CellRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of s.cells) {
      if (c.value === null && c.formula === undefined && Object.keys(c).length <= 1) continue;
      const [r, col] = k.split(':').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    // A merged area is a format: it is part of the used range, as in Excel.
    for (const m of s.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }

  private eachCell(areas: CellRange[], f: (c: FakeWpsCell, row: number, col: number) => void, s: FakeWpsSheet): void {
    for (const a of areas) {
      if (size(a) > 2_000_000) throw new FakeWpsError('严格模拟：不支持对整列/整行逐格设置格式');
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          let cell = s.cells.get(key(r, c));
          if (!cell) {
            cell = { value: null };
            s.cells.set(key(r, c), cell);
          }
          f(cell, r, c);
        }
    }
  }

  private rangeObject(s: FakeWpsSheet, areas: CellRange[]): object {
    const first = areas[0];
    const format = (f: (c: FakeWpsCell, v: unknown) => void) => (v: unknown) => this.eachCell(areas, (c) => f(c, v), s);
    const single = () => {
      if (areas.length !== 1 || size(first) !== 1) throw new FakeWpsError('此成员只用于单个单元格');
      return first;
    };
    return this.object('Range', {
      Row: ['get', () => first.top + 1],
      Column: ['get', () => first.left + 1],
      Rows: ['get', () => this.object('Rows', { Count: ['get', () => first.bottom - first.top + 1] })],
      Columns: ['get', () => this.object('Columns', { Count: ['get', () => first.right - first.left + 1] })],
      Value2: [
        'getset',
        () => {
          if (size(first) === 1) return s.cells.get(key(first.top, first.left))?.value ?? undefined;
          if (size(first) > 5_000_000) throw new FakeWpsError('Value2：区域过大');
          const out: unknown[][] = [];
          for (let r = first.top; r <= first.bottom; r++) {
            const line: unknown[] = [];
            for (let c = first.left; c <= first.right; c++) line.push(s.cells.get(key(r, c))?.value ?? undefined);
            out.push(line);
          }
          return out;
        },
        (v: unknown) => {
          const rows = first.bottom - first.top + 1;
          const cols = first.right - first.left + 1;
          const grid = Array.isArray(v) ? (v as unknown[][]) : null;
          if (grid && (grid.length !== rows || grid.some((l) => !Array.isArray(l) || l.length !== cols)))
            throw new FakeWpsError('Value2：数组大小与区域不符');
          this.eachCell(
            [first],
            (c, r, col) => {
              const { value, formula } = coerce(grid ? grid[r - first.top][col - first.left] : v);
              c.value = value;
              if (formula) c.formula = formula;
              else delete c.formula;
            },
            s,
          );
        },
      ],
      NumberFormat: ['set', format((c, v) => (c.numberFormat = String(v)))],
      MergeCells: [
        'get',
        () => {
          let covered = 0;
          let total = 0;
          for (const a of areas) {
            total += size(a);
            for (const m of s.merges) covered += overlap(a, m);
          }
          return covered === 0 ? false : covered === total ? true : null;
        },
      ],
      MergeArea: [
        'get',
        () => {
          const at = single();
          const m = s.merges.find((x) => within(x, at.top, at.left));
          return this.rangeObject(s, [m ? { ...m } : at]);
        },
      ],
      Font: [
        'get',
        () =>
          this.object('Font', {
            Bold: ['set', format((c, v) => (c.bold = Boolean(v)))],
            Size: ['set', format((c, v) => (c.fontSize = Number(v)))],
            Name: ['set', format((c, v) => (c.fontName = String(v)))],
          }),
      ],
      Interior: ['get', () => this.object('Interior', { Color: ['set', format((c, v) => (c.fill = Number(v)))] })],
      Borders: [
        'get',
        () =>
          this.object('Borders', {
            LineStyle: ['set', format((c, v) => (c.borders = { ...c.borders, lineStyle: Number(v) }))],
            Weight: ['set', format((c, v) => (c.borders = { ...c.borders, weight: Number(v) }))],
            Color: ['set', format((c, v) => (c.borders = { ...c.borders, color: Number(v) }))],
          }),
      ],
      HorizontalAlignment: ['set', format((c, v) => (c.hAlign = Number(v)))],
      VerticalAlignment: ['set', format((c, v) => (c.vAlign = Number(v)))],
      WrapText: ['set', format((c, v) => (c.wrap = Boolean(v)))],
      IndentLevel: ['set', format((c, v) => (c.indent = Number(v)))],
      ColumnWidth: [
        'set',
        (v: unknown) => {
          for (const a of areas) {
            if (a.top !== 0 || a.bottom !== MAX_ROWS - 1) throw new FakeWpsError('严格模拟：列宽只在整列上设置');
            for (let c = a.left; c <= a.right; c++) s.columnWidths[c] = Number(v);
          }
        },
      ],
      RowHeight: [
        'set',
        (v: unknown) => {
          for (const a of areas) {
            if (a.left !== 0 || a.right !== MAX_COLS - 1) throw new FakeWpsError('严格模拟：行高只在整行上设置');
            for (let r = a.top; r <= a.bottom; r++) s.rowHeights[r] = Number(v);
          }
        },
      ],
      FormatConditions: ['get', () => this.rulesObject(s, areas)],
      Comment: [
        'get',
        () => {
          const at = single();
          const k = key(at.top, at.left);
          return s.comments.has(k) ? this.commentObject(s, k) : null;
        },
      ],
      AddComment: [
        'call',
        (text: string) => {
          const at = single();
          const k = key(at.top, at.left);
          if (s.comments.has(k)) throw new FakeWpsError('AddComment：单元格已有批注');
          s.comments.set(k, String(text));
          return this.commentObject(s, k);
        },
      ],
      Merge: [
        'call',
        () => {
          if (areas.length !== 1) throw new FakeWpsError('Merge：只合并一个区域');
          if (s.merges.some((m) => overlap(m, first) > 0)) throw new FakeWpsError('Merge：与已合并区域重叠');
          s.merges.push({ ...first });
          for (let r = first.top; r <= first.bottom; r++)
            for (let c = first.left; c <= first.right; c++) {
              const cell = s.cells.get(key(r, c));
              if (cell && (r !== first.top || c !== first.left)) cell.value = null;
            }
        },
      ],
      Select: [
        'call',
        () => {
          if (this.activeSheet !== s) throw new FakeWpsError('Select：只能选择活动工作表上的单元格');
          this.selection = {
            sheet: s.name,
            address: areas.map((a) => (size(a) === 1 ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`)).join(','),
          };
        },
      ],
    });
  }

  private rulesObject(s: FakeWpsSheet, areas: CellRange[]): object {
    const listed = () => s.rules.filter((r) => r.ranges.some((x) => areas.some((a) => overlap(a, x) > 0)));
    return this.object('FormatConditions', {
      Count: ['get', () => listed().length],
      Item: [
        'call',
        (i: number) => {
          const rule = listed()[i - 1];
          if (!rule) throw new FakeWpsError(`FormatConditions.Item：下标越界（${i}）`);
          return this.ruleObject(s, rule);
        },
      ],
      Add: [
        'call',
        (type: number, _operator: unknown, formula: string) => {
          const rule: FakeWpsRule = { type, formula: String(formula), ranges: areas.map((a) => ({ ...a })), fill: null };
          s.rules.push(rule);
          return this.ruleObject(s, rule);
        },
      ],
    });
  }

  private ruleObject(s: FakeWpsSheet, rule: FakeWpsRule): object {
    return this.object('FormatCondition', {
      Type: ['get', () => rule.type],
      Formula1: [
        'get',
        () => {
          // Colour scales, data bars and icon sets have no Formula1: VBA raises an error.
          if (rule.type === 3 || rule.type === 4 || rule.type === 6 || rule.formula === null)
            throw new FakeWpsError('Formula1：此类条件格式没有公式');
          return rule.formula;
        },
      ],
      Interior: ['get', () => this.object('Interior', { Color: ['set', (v: unknown) => (rule.fill = Number(v))] })],
      Delete: [
        'call',
        () => {
          const at = s.rules.indexOf(rule);
          if (at < 0) throw new FakeWpsError('FormatCondition.Delete：已删除');
          s.rules.splice(at, 1);
        },
      ],
    });
  }

  private commentObject(s: FakeWpsSheet, k: string): object {
    return this.object('Comment', {
      Text: ['call', () => s.comments.get(k) ?? ''],
      Delete: [
        'call',
        () => {
          s.comments.delete(k);
        },
      ],
    });
  }

  private pageSetupObject(s: FakeWpsSheet): object {
    const prop = (name: string): Member => ['set', (v: unknown) => (s.pageSetup[name] = v)];
    return this.object('PageSetup', {
      Orientation: prop('Orientation'),
      PaperSize: prop('PaperSize'),
      Zoom: prop('Zoom'),
      FitToPagesWide: prop('FitToPagesWide'),
      FitToPagesTall: prop('FitToPagesTall'),
      PrintTitleRows: prop('PrintTitleRows'),
    });
  }

  private windowObject(): object {
    return this.object('Window', {
      SplitColumn: ['set', (v: unknown) => (this.window.splitColumn = Number(v))],
      SplitRow: ['set', (v: unknown) => (this.window.splitRow = Number(v))],
      FreezePanes: [
        'set',
        (v: unknown) => {
          if (!this.activeSheet) throw new FakeWpsError('FreezePanes：没有活动工作表');
          this.activeSheet.frozenRows = v ? this.window.splitRow : 0;
        },
      ],
    });
  }

  private propertiesObject(): object {
    return this.object('CustomDocumentProperties', {
      Count: ['get', () => this.properties.length],
      Item: [
        'call',
        (i: number) => {
          const p = this.properties[i - 1];
          if (!p) throw new FakeWpsError(`CustomDocumentProperties.Item：下标越界（${i}）`);
          return this.object('DocumentProperty', {
            Name: ['get', () => p.name],
            Value: ['get', () => p.value],
            Delete: [
              'call',
              () => {
                this.properties.splice(this.properties.indexOf(p), 1);
              },
            ],
          });
        },
      ],
      Add: [
        'call',
        (name: string, _link: boolean, _type: number, value: string) => {
          if (this.properties.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new FakeWpsError(`属性已存在：${name}`);
          // Office cuts a text property at 255 characters; the fake does the same.
          const p = { name, value: String(value).slice(0, 255) };
          this.properties.push(p);
          return this.object('DocumentProperty', { Name: ['get', () => p.name] });
        },
      ],
    });
  }
}
