// A stable identity for every finding (issue #16): the rule, the table and the row/column keys of the cells
// it names, never their addresses, so that an explanation stays attached when a table is moved on its sheet,
// to another sheet, or when the workbook is re-checked after edits elsewhere.
import { refText, type CellRef } from '../cells';
import type { Finding } from '../findings';
import { TABLE_IDS, type FinalAccounts } from '../model';
import { LAST_YEAR_SHEET_PREFIX } from '../rules/last-year-rules';

/** What the model knows about one cell: its key (`05/code:2080505/total`) and its figure in 分, if it has one. */
export interface KeyedCell {
  key: string;
  minor?: number;
}

/** Every cell of the model (amounts, labels, titles) by `sheet!row:col`, keyed by table and row/column keys. */
export type CellKeyIndex = Map<string, KeyedCell>;

const at = (ref: CellRef): string => `${ref.sheet}!${ref.row}:${ref.col}`;

/** Cells wanted in an index: by sheet name, the set of `row * COLS + col`; checked before any key text is built. */
type WantedCells = Map<string, Set<number>>;
const COLS = 1 << 14; // Excel's 16,384 columns

function wantedCells(findings: Finding[]): WantedCells {
  const wanted: WantedCells = new Map();
  for (const f of findings)
    for (const c of f.cells) {
      let set = wanted.get(c.sheet);
      if (!set) wanted.set(c.sheet, (set = new Set()));
      set.add(c.row * COLS + c.col);
    }
  return wanted;
}

/**
 * `lastYear`: last year's tables, whose cells findings name as `上年:<sheet>` (rules/last-year-rules.ts);
 * their keys start with `上年/`. `findings`: when given, only the cells they name are indexed (a check names a
 * few dozen of the model's thousands of cells, and building every key text cost a tenth of a check).
 */
export function cellKeyIndex(accounts: FinalAccounts, lastYear?: FinalAccounts | null, findings?: Finding[]): CellKeyIndex {
  const index: CellKeyIndex = new Map();
  const wanted = findings ? wantedCells(findings) : null;
  addTables(index, accounts, '', '', wanted);
  if (lastYear) addTables(index, lastYear, LAST_YEAR_SHEET_PREFIX, '上年/', wanted);
  return index;
}

function addTables(index: CellKeyIndex, accounts: FinalAccounts, sheetPrefix: string, keyPrefix: string, wanted: WantedCells | null): void {
  const want = (ref: CellRef) => !wanted || !!wanted.get(sheetPrefix + ref.sheet)?.has(ref.row * COLS + ref.col);
  const put = (ref: CellRef, key: string, minor?: number) =>
    index.set(`${sheetPrefix}${ref.sheet}!${ref.row}:${ref.col}`, { key: keyPrefix + key, ...(minor === undefined ? {} : { minor }) });
  for (const id of TABLE_IDS) {
    const t = accounts.tables[id];
    if (!t) continue;
    if (t.titleRef && want(t.titleRef)) put(t.titleRef, `${id}/title`);
    for (const row of t.rows) {
      if (row.labelRef && want(row.labelRef)) put(row.labelRef, `${id}/${row.key}/label`);
      if (row.codeRef && want(row.codeRef)) put(row.codeRef, `${id}/${row.key}/code`);
      for (const col in row.cells) {
        const cell = row.cells[col as keyof typeof row.cells];
        if (cell?.ref && want(cell.ref)) put(cell.ref, `${id}/${row.key}/${col}`, cell.invalid ? undefined : cell.minor);
      }
    }
    // Rows the reader could not key (an unknown 类 name) are named by their label text.
    for (const u of t.unmatched ?? []) if (want(u.labelRef)) put(u.labelRef, `${id}/unmatched:${u.label}`);
  }
}

/**
 * The keys a finding is about, sorted. A cell outside the model (a 绩效 form, last year's workbook) keeps its
 * address: those forms are not located by title and key, so the address is what names the cell there.
 * A 情况说明 finding is named by its paragraph and sentence.
 */
export function findingKeys(f: Finding, index: CellKeyIndex): string[] {
  const keys = f.cells.map((c) => index.get(at(c))?.key ?? refText(c));
  if (f.location) keys.push(`p${f.location.paragraph}s${f.location.sentence}`);
  return [...new Set(keys)].sort();
}

/** FNV-1a, 32 bit, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `T1-a-3f9a2c1b`: the rule (readable, typed on the command line) and a hash of the table and keys. */
export function findingId(f: Finding, index: CellKeyIndex): string {
  return `${f.rule}-${fnv1a([f.rule, f.table, ...findingKeys(f, index)].join('\u0001'))}`;
}

/** Addresses in a message (`Sheet!C12`, or a bare address): left out of the fingerprint, so that moving a table changes nothing. */
const ADDRESS = /(?:[^\s!“”"']+!)?\$?[A-Z]{1,3}\$?\d{1,7}/g;

/**
 * A fingerprint of the figures a finding is about: the 分 of each of its cells in the model, the compared
 * values, and (for findings about text or forms outside the model) the message without addresses. An
 * explanation holds only while the fingerprint is the same: a changed figure makes the finding 待处理 again.
 */
export function findingFingerprint(f: Finding, index: CellKeyIndex): string {
  const parts: string[] = [];
  let outside = false;
  for (const c of f.cells) {
    const k = index.get(at(c));
    if (k?.minor !== undefined) parts.push(`${k.key}=${k.minor}`);
    else if (!k) outside = true;
  }
  parts.sort();
  for (const v of [f.expectedMinor, f.actualMinor, f.expected, f.actual]) parts.push(v === undefined ? '' : String(v));
  if (outside || f.cells.length === 0) parts.push(f.message.replace(ADDRESS, ''));
  return fnv1a(parts.join('\u0001'));
}

/**
 * Gives every finding its id and fingerprint. Two findings of one rule about the same keys (rare: a rule that
 * reports one cell twice) get `~2`, `~3` in the order found.
 */
export function identifyFindings(findings: Finding[], accounts: FinalAccounts, lastYear?: FinalAccounts | null): Finding[] {
  const index = cellKeyIndex(accounts, lastYear, findings);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = findingId(f, index);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, id: n === 1 ? base : `${base}~${n}`, fingerprint: findingFingerprint(f, index) };
  });
}
