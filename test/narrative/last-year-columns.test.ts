// The 上年数 columns of the working-sheet template (issue #13 point 5): last year's figures typed beside this
// year's give the same 较上年 draft sentences and YoY checks as the same figures in a last-year workbook given
// with --last-year; a sheet whose 上年数 are blank means "not known", not 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../../src/adapters/file/exceljs-layout';
import { checkWorkbook } from '../../src/app/check';
import { generateInProfile } from '../../src/app/generate';
import { lastYearInWorkbook, readLastYear } from '../../src/app/last-year';
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import { lastYearKey } from '../../src/core/workings/spec';
import { templateSheets, type WorkingFills, type WorkingRowFill } from '../../src/generator/workings/template';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { readWorkings } from '../../src/readers/workings';
import { ROOT, roundTrip } from '../helpers/example';

type Values = Record<string, number>;
interface Json {
  unitName: string;
  year: number;
  unit: '万元';
  detail: Array<Record<string, string | number>>;
  fiscal: Array<Record<string, string | number>>;
  economic: Array<Record<string, string | number>>;
  threePublic: Record<string, Values>;
  counts: Values;
}

const data = JSON.parse(readFileSync(join(ROOT, 'examples/data/fuzhou-gxj-2024-workings.json'), 'utf8')) as Json;

/** Last year's figure of a working value: 90 % of it to the cent, so every comparison has a change. */
const lastOf = (v: number) => Math.round(v * 90) / 100;

/** A 项 with spending last year only (this year's cells blank), in 底稿1 and 底稿2. */
const LAST_ONLY = { code: '2011102', name: '一般行政管理事务', detail: { 'inc.gpb': 12.34, 'exp.project': 12.34 }, fiscal: { 'gpb.project': 12.34 } };

type SheetId = 'detail' | 'fiscal' | 'economic' | 'threePublic';

/** Which values go where: this year's (`now`), last year's as 上年数 columns (`columns`), or as this year's of a 2023 book (`asThisYear`). */
function fills(mode: 'now' | 'columns' | 'asThisYear', lastYearSheets: SheetId[] = ['detail', 'fiscal', 'economic', 'threePublic']): WorkingFills {
  const row = (sheet: SheetId, key: string, name: string | undefined, values: Values, extra?: Values): WorkingRowFill => {
    const last = Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k !== 'budget')
        .map(([k, v]) => [k, lastOf(v)]),
    );
    Object.assign(last, extra ?? {});
    const given = lastYearSheets.includes(sheet);
    if (mode === 'asThisYear') return { key, name, values: last };
    const now = extra ? {} : values;
    if (mode === 'now' || !given) return { key, name, values: now };
    return { key, name, values: { ...now, ...Object.fromEntries(Object.entries(last).map(([k, v]) => [lastYearKey(k), v])) } };
  };
  const coded = (sheet: SheetId, list: Json['detail'], extra?: Values) => [
    ...list.map(({ code, name, ...values }) => row(sheet, String(code), String(name), values as Values)),
    ...(extra ? [row(sheet, LAST_ONLY.code, LAST_ONLY.name, {}, extra)] : []),
  ];
  return {
    detail: coded('detail', data.detail, LAST_ONLY.detail),
    fiscal: coded('fiscal', data.fiscal, LAST_ONLY.fiscal),
    economic: coded('economic', data.economic),
    threePublic: Object.entries(data.threePublic).map(([key, values]) => row('threePublic', key, undefined, values)),
    counts: Object.entries(data.counts).map(([key, count]) => ({ key, values: { count } })),
  };
}

async function book(year: number, f: WorkingFills): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  for (const layout of templateSheets({ unitName: data.unitName, year, unit: data.unit }, f)) addLayoutSheet(wb, layout);
  return roundTrip(wb);
}

/** The workbook with the nine tables and the draft generated from it added (what the officer then checks). */
async function withGenerated(snapshot: WorkbookSnapshot, year: number, f: WorkingFills): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  for (const layout of templateSheets({ unitName: data.unitName, year, unit: data.unit }, f)) addLayoutSheet(wb, layout);
  for (const layout of generateInProfile(snapshot).sheets) addLayoutSheet(wb, layout);
  return roundTrip(wb);
}

let columns: WorkbookSnapshot;
let plain: WorkbookSnapshot;
let lastYearBook: WorkbookSnapshot;
beforeAll(async () => {
  columns = await book(2024, fills('columns'));
  plain = await book(2024, fills('now'));
  lastYearBook = await book(2023, fills('asThisYear'));
});

const texts = (r: ReturnType<typeof draftFromWorkbook>) => r.draft!.paragraphs.map((p) => p.text);

test('the template heads the 上年数 like this year’s columns, with 上年 before the group', () => {
  const headers = (name: string) =>
    templateSheets()
      .find((l) => l.name === name)!
      .cells.map((c) => c.value);
  expect(headers('底稿1 收支明细')).toEqual(expect.arrayContaining(['本年收入', '本年支出', '上年收入', '上年支出']));
  expect(headers('底稿2 财政拨款')).toEqual(expect.arrayContaining(['上年一般公共预算财政拨款', '上年政府性基金预算财政拨款']));
  expect(headers('底稿3 经济分类')).toEqual(expect.arrayContaining(['金额', '上年金额']));
  expect(headers('底稿4 三公经费')).toEqual(expect.arrayContaining(['预算数', '决算数', '上年决算数']));
  expect(headers('底稿4 三公经费')).not.toContain('上年预算数');
  expect(headers('底稿5 三公数量')).not.toContain('上年数量');
});

test('the template reads back: this year unchanged, the 上年数 beside it', () => {
  const now = readWorkings(plain);
  const both = readWorkings(columns);
  expect(both.findings).toEqual([]);
  for (const id of ['detail', 'fiscal', 'economic', 'threePublic'] as const) {
    expect(both.data.sheets[id]!.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.minor]))])).toEqual(
      now.data.sheets[id]!.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.minor]))]),
    );
    expect(both.data.sheets[id]!.lastYearGiven).toBe(true);
    expect(now.data.sheets[id]!.lastYearGiven).toBe(false);
  }
  const item = both.data.sheets.detail!.rows.find((r) => r.key === '2011301')!;
  expect(item.lastYear!['exp.basic'].minor).toBe(Math.round(lastOf(1619.56) * 1_000_000));
  expect(item.lastYear!['exp.basic'].ref).not.toBeNull();
});

test('the draft’s 较上年 sentences from the 上年数 columns are those of --last-year with the same figures', () => {
  const fromColumns = draftFromWorkbook(columns);
  const fromFile = draftFromWorkbook(plain, { lastYear: lastYearBook, lastYearFile: '2023.xlsx' });
  const without = draftFromWorkbook(plain);
  expect(fromColumns.findings).toEqual([]);
  expect(fromFile.findings).toEqual([]);
  expect(texts(fromColumns)).toEqual(texts(fromFile));
  // And they do compare: fewer gaps than without last year, the 项 spent only last year is there.
  expect(fromColumns.draft!.placeholders).toBeLessThan(without.draft!.placeholders);
  const yoy = texts(fromColumns).filter((t) => /较上年决算数(增加|减少)\d/.test(t));
  expect(yoy.length).toBeGreaterThanOrEqual(20);
  expect(
    texts(fromColumns).some((t) => t.includes(`${LAST_ONLY.code}-${LAST_ONLY.name}（项）0.00万元，较上年决算数减少12.34万元，下降100.00%`)),
  ).toBe(true);
  // generate's draft sheet words them the same way.
  const sheet = generateInProfile(columns).sheets.at(-1)!;
  const sheetTexts = sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
  expect(sheetTexts).toEqual(expect.arrayContaining(yoy));
});

test('the narrative check’s YoY checks from the 上年数 columns are those of --last-year', async () => {
  const withTables = await withGenerated(columns, 2024, fills('columns'));
  const plainTables = await withGenerated(plain, 2024, fills('now'));
  // Round trip: the draft sheet generated with the 上年数 columns, checked in its workbook (which reads the same
  // columns), reports nothing but its own 【请填写…】; its 较上年 changes are checked against last year.
  const own = checkWorkbook(withTables);
  expect(own.findings.filter((f) => /^N\d+$/.test(f.rule) && !(f.rule === 'N6' && f.message.includes('【请填写'))).map((f) => f.message)).toEqual([]);
  expect(own.narrative!.figures.filter((f) => f.note?.startsWith('与上年数一致')).length).toBeGreaterThanOrEqual(20);
  // The draft sheet with one change altered: 0.50 more than last year's figures give.
  const draft = texts(draftFromWorkbook(columns));
  const i = draft.findIndex((t) => t.startsWith('2024年度本年支出合计') && /增加\d/.test(t));
  expect(i).toBeGreaterThan(0);
  const wrong = draft.map((t, j) =>
    j === i ? t.replace(/增加(\d+)\.(\d\d)万元/, (_m, a: string, b: string) => `增加${(Number(`${a}.${b}`) + 0.5).toFixed(2)}万元`) : t,
  );
  const doc = { source: { kind: 'text' as const, name: '情况说明' }, paragraphs: wrong.map((text, k) => ({ index: k + 1, text })) };
  const a = checkWorkbook(withTables, { narrative: doc });
  const b = checkWorkbook(plainTables, { narrative: doc, lastYear: readLastYear(lastYearBook).accounts, lastYearFile: '2023.xlsx' });
  const view = (r: typeof a) => r.narrative!.figures.map((f) => [f.text, f.status, f.note ?? '']);
  expect(view(a)).toEqual(view(b));
  const nFindings = (r: typeof a) => r.findings.filter((f) => /^N\d/.test(f.rule)).map((f) => [f.rule, f.severity, f.message]);
  expect(nFindings(a)).toEqual(nFindings(b));
  const checked = a.narrative!.figures.filter((f) => f.kind === 'change' && f.note?.startsWith('与上年数一致'));
  expect(checked.length).toBeGreaterThanOrEqual(10);
  expect(nFindings(a).filter(([rule, sev, msg]) => rule === 'N1' && sev === 'error' && msg.includes('与上年数不符'))).toHaveLength(1);
  // Without any last year, the same change is only checked against its rate.
  const none = checkWorkbook(plainTables, { narrative: doc });
  expect(none.narrative!.figures.filter((f) => f.note?.startsWith('与上年数一致'))).toEqual([]);
});

test('a sheet whose 上年数 are blank is not known: its tables are missing from last year, not 0', async () => {
  const only3 = await book(2024, fills('columns', ['threePublic']));
  const last = lastYearInWorkbook(only3)!;
  expect(last.source).toBe('columns');
  expect(Object.values(last.accounts!.tables).map((t) => t!.topic)).toEqual(['threePublic']);
  const t = texts(draftFromWorkbook(only3));
  expect(t.find((p) => p.startsWith('2024年度本单位收入总计'))).toContain('较上年决算数【请填写增减额及增减率】');
  expect(t.find((p) => p.startsWith('2. 2011301-'))).toContain('较上年决算数【请填写增减额及增减率】');
  expect(t.find((p) => p.startsWith('（一）因公出国（境）费支出'))).toContain('较上年决算数增加1.36万元，增长11.10%'); // 13.61 against 12.25
  // No 上年数 at all: no last year.
  expect(lastYearInWorkbook(plain)).toBeNull();
});

test('an unreadable 上年数 cell is named with its cell and blocks the draft', async () => {
  const f = fills('columns');
  f.detail![0].values[lastYearKey('exp.basic')] = '五万' as unknown as number;
  const r = draftFromWorkbook(await book(2024, f));
  expect(r.draft).toBeNull();
  expect(r.findings.map((x) => x.message).join('\n')).toMatch(/底稿1 收支明细!\w+\d+ 的“五万”不是金额/);
});

test('check: working sheets with 上年数 but an unreadable cell give one 提示, and the 较上年 fall back to the rates', async () => {
  const f = fills('columns');
  f.fiscal![1].values['gpb.basic'] = '一千' as unknown as number;
  const snapshot = await book(2024, f);
  const doc = {
    source: { kind: 'text' as const, name: '情况说明' },
    paragraphs: [{ text: '2011301-行政运行 1619.56 万元，较上年决算数增加 161.96 万元，增长 11.11%。' }],
  };
  const r = checkWorkbook(snapshot, { narrative: doc });
  const own = r.findings.filter((x) => x.rule === 'L-COLUMNS');
  expect(own.map((x) => x.severity)).toEqual(['warning']);
  expect(own[0].message).toMatch(/^底稿中有 1 处错误，未能使用底稿“上年”列中的上年数.*底稿2 财政拨款!\w+\d+ 的“一千”不是金额/);
  // Checked through its rate, not against last year's figures.
  expect(r.narrative!.figures.find((x) => x.kind === 'change')!.note).toBe('与增长率和本年数一致');
});
