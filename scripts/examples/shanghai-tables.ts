// The nine tables of a Shanghai 普陀区 2024 document (examples/data/shanghai-putuo-*-2024.json, written by
// shanghai-data.ts; figures in 万元 exactly as printed, tails and inconsistencies kept) as the model the
// layouts print, with the same row and column keys as the Fuzhou example.
//
// Blank cells become amounts of 0 (the Shanghai profile prints zeros blank, so they print blank again;
// a printed 0.00 prints blank too). Coded tables carry only the codes the document lists; 01 and 04 carry
// every row of the document's 类 list (table.variant '24' or '26') and every fixed row.
import type { FinalAccounts, TableData, TableId, TableRow, TableTopic } from '../../src/core/model';
import { SHANGHAI_2024 } from '../../src/core/profiles/shanghai-2024';
import { specOf } from '../../src/core/profiles';
import { CLASS_LISTS } from '../../src/core/catalogs/functional';
import type { SheetLayout } from '../../src/port/layout';
import { EXPENDITURE_COLUMNS, FUND_COLUMNS, INCOME_COLUMNS, codedRows as codedTableRows, economicRows, fixed, table as profileTable } from './model';
import type { CodedTableData, LedgerLine, ShanghaiDocument } from './shanghai-data';

function table(id: TableId, topic: TableTopic, rows: TableRow[], extra: Partial<TableData> = {}): TableData {
  return profileTable(SHANGHAI_2024, id, topic, rows, extra);
}

/** Printed column label → model column key, per coded table. */
const CODED_COLUMNS: Record<'02' | '03' | '05', Record<string, string>> = {
  '02': INCOME_COLUMNS,
  '03': EXPENDITURE_COLUMNS,
  '05': { 合计: 'total', 基本支出: 'basic', 项目支出: 'project' },
};

/** Every column of the layout gets a cell; columns the document leaves out (all blank) are 0. */
function codedRows(data: CodedTableData, id: '02' | '03' | '05'): TableRow[] {
  const columns = CODED_COLUMNS[id];
  for (const c of data.columns) if (!(c in columns)) throw new Error(`公开${id}表: unknown column ${c}`);
  return codedTableRows(columns, data.total, data.rows);
}

const T1_INCOME_KEYS = ['inc.gpb', 'inc.gf', 'inc.soe', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other', 'inc.total', 'inc.useSurplus', 'inc.carryIn', 'inc.grand'];
const T1_EXP_TAIL_KEYS = ['exp.total', 'exp.surplusDistribution', 'exp.carryOut', 'exp.grand'];
const T4_INCOME_KEYS = ['inc.gpb', 'inc.gf', 'inc.soe', 'inc.total', 'inc.carryIn', 'inc.carryIn.gpb', 'inc.carryIn.gf', 'inc.carryIn.soe', 'inc.grand'];
const T4_EXP_TAIL_KEYS = ['exp.total', 'exp.carryOut', 'exp.grand'];
const T4_COLUMNS: Record<string, string> = { 合计: 'total', 一般公共预算财政拨款: 'gpb', 政府性基金预算财政拨款: 'gf', 国有资本经营预算财政拨款: 'soe' };
const T7_KEYS = ['total', 'abroad', 'car', 'carPurchase', 'carRun', 'reception'];

/** Expenditure lines of 01/04: the 类 rows of the list (in order), then the fixed rows. */
function ledgerExpenditureKeys(doc: ShanghaiDocument, lines: unknown[], tail: string[], id: string): string[] {
  const classes = CLASS_LISTS[doc.classList].map((c) => `class:${c.code}`);
  const keys = [...classes, ...tail];
  if (lines.length !== keys.length) throw new Error(`公开${id}表: ${lines.length} expenditure lines, ${keys.length} expected`);
  return keys;
}

function checkLabels(lines: Array<{ item: string }>, keys: string[], id: string): void {
  // Each 类 line must be the list's own 类 (the transcription keeps the list order).
  lines.forEach((l, i) => {
    if (!keys[i].startsWith('class:')) return;
    const c = CLASS_LISTS['26'].find((x) => `class:${x.code}` === keys[i])!;
    if (!l.item.endsWith(c.name)) throw new Error(`公开${id}表: line ${l.item} is not ${c.code} ${c.name}`);
  });
}

export function shanghaiAccounts(doc: ShanghaiDocument): FinalAccounts {
  const t = doc.tables;
  const variant = { variant: doc.classList };

  if (t.t01.income.length !== T1_INCOME_KEYS.length) throw new Error('公开01表: 12 income lines expected');
  const exp1Keys = ledgerExpenditureKeys(doc, t.t01.expenditure, T1_EXP_TAIL_KEYS, '01');
  checkLabels(t.t01.expenditure, exp1Keys, '01');
  const t01: TableRow[] = [
    ...t.t01.income.map((l: LedgerLine, i) => fixed(T1_INCOME_KEYS[i], l.item, { amount: l.amount })),
    ...t.t01.expenditure.map((l, i) => fixed(exp1Keys[i], l.item, { amount: l.amount })),
  ];

  if (t.t04.income.length !== T4_INCOME_KEYS.length) throw new Error('公开04表: 9 income lines expected');
  const exp4Keys = ledgerExpenditureKeys(doc, t.t04.expenditure, T4_EXP_TAIL_KEYS, '04');
  checkLabels(t.t04.expenditure, exp4Keys, '04');
  const t04: TableRow[] = [
    ...t.t04.income.map((l, i) => fixed(T4_INCOME_KEYS[i], l.item, { amount: l.amount })),
    ...t.t04.expenditure.map((l, i) =>
      fixed(exp4Keys[i], l.item, Object.fromEntries(Object.entries(T4_COLUMNS).map(([label, key]) => [key, l.values[label]]))),
    ),
  ];

  const t06 = economicRows(t.t06.items, t.t06.totals);

  if (t.t07.rows.length !== T7_KEYS.length) throw new Error('公开07表: six items expected');
  const t07: TableRow[] = t.t07.rows.map((r, i) => fixed(T7_KEYS[i], r.item, { budget: r.budget, final: r.final }));

  // 08/09 are empty in all three documents: a 合计 row of zeros, and the notes printed under the table.
  const fund = (id: '08' | '09', topic: TableTopic, notes: string[]) =>
    table(id, topic, [fixed('total', '合计', Object.fromEntries(FUND_COLUMNS.map((k) => [k, null])))], { notes });

  return {
    unitName: doc.unit,
    year: doc.year,
    profileId: SHANGHAI_2024.id,
    tables: {
      '01': table('01', 'summary', t01, variant),
      '02': table('02', 'income', codedRows(t.t02, '02')),
      '03': table('03', 'expenditure', codedRows(t.t03, '03')),
      '04': table('04', 'fiscalSummary', t04, variant),
      '05': table('05', 'generalBudget', codedRows(t.t05, '05')),
      '06': table('06', 'basicEconomic', t06),
      '07': table('07', 'threePublic', t07, { notes: t.t07.notes }),
      '08': fund('08', 'govFund', t.t08.notes),
      '09': fund('09', 'stateCapital', t.t09.notes),
    },
  };
}

/**
 * The layouts print each empty table's 说明 in the profile's wording; the documents word it their own way
 * (财政局: "上海市普陀区财政局无……，故本表无数据。") and 社会工作部 left the template's instruction sentence
 * above it. This puts the document's lines in place of the profile's 说明 (each merged across the table, as
 * the layout prints notes), moving whatever stands below down by the added lines.
 */
export function useDocumentNotes(sheets: SheetLayout[], accounts: FinalAccounts): SheetLayout[] {
  return sheets.map((sheet) => {
    let out = sheet;
    for (const id of ['07', '08', '09'] as const) {
      const spec = specOf(SHANGHAI_2024, id);
      const notes = accounts.tables[id]?.notes ?? [];
      const emptyNote = 'emptyNote' in spec ? spec.emptyNote : undefined;
      if (!emptyNote || notes.length === 0 || (notes.length === 1 && notes[0] === emptyNote)) continue;
      const at = out.cells.find((c) => c.value === emptyNote);
      if (!at) continue;
      const merge = out.merges.find((m) => m.top === at.row && m.left === at.col);
      const extra = notes.length - 1;
      const shift = (r: number) => (r > at.row ? r + extra : r);
      const cells = out.cells.map((c) => (c === at ? { ...c, value: notes[0] } : { ...c, row: shift(c.row) }));
      const merges = out.merges.map((m) => ({ ...m, top: shift(m.top), bottom: shift(m.bottom) }));
      notes.slice(1).forEach((text, i) => {
        const row = at.row + 1 + i;
        cells.push({ ...at, row, value: text });
        if (merge) merges.push({ ...merge, top: row, bottom: row });
      });
      const rowHeights: Record<number, number> = {};
      for (const [r, h] of Object.entries(out.rowHeights ?? {})) rowHeights[shift(Number(r))] = h;
      out = { ...out, cells, merges, rowHeights };
    }
    return out;
  });
}
