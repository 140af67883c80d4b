// Transcribes the three Shanghai 普陀区 2024 部门决算 documents (the tab-separated figures of the published
// PDFs, in test/fixtures/shanghai-2024/*.txt with their sources) into examples/data/shanghai-putuo-*-2024.json.
//
// Run: npx tsx scripts/examples/shanghai-data.ts [referenceDir]   (default: test/fixtures/shanghai-2024)
//
// Figures stay strings exactly as printed ("6.20", "0.00"); a blank cell is null. Nothing is corrected:
// tails and real inconsistencies are kept. Where the .txt abbreviates instead of listing rows, the rule
// used to expand it is written here and in the JSON's `transcription` notes:
// - 01/04: rows "(other rows … blank)" and "二 ~ 八 (blank)" → the remaining rows of the document's 类 list
//   (24 or 26, from the file's header comment) and the remaining fixed rows, all null;
// - 04: fixed rows not listed (二、三 income funds, the carry-in breakdown) → null;
// - 05 of 社会工作部 "same rows and values as T3" → 03's rows, columns 本年支出合计/基本支出/项目支出 as 合计/基本支出/项目支出;
// - 06: only the listed (non-blank) rows; the other template rows are blank;
// - 07 "(blank)" → null; an empty 07/08/09 with its 说明 → no figures, the 说明 as note;
// - 08/09 of 社会工作部: the template instruction sentence left in the published table is kept as a note
//   before the 说明 (the .txt gives the 08 sentence verbatim; 09's is the same sentence for 国有资本经营).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASS_LISTS, type ClassListId } from '../../src/core/catalogs/functional';

type Fig = string | null;

export interface LedgerLine {
  item: string;
  amount: Fig;
  /** Printed indented (04 carry-in breakdown). */
  indent?: boolean;
}

export interface CodedTableData {
  columns: string[];
  total: Record<string, Fig>;
  rows: Array<{ code: string; name: string; values: Record<string, Fig> }>;
  /** 合计 printed above (02/03) or below (05) the rows. */
  totalPosition: 'top' | 'bottom';
}

export interface ShanghaiDocument {
  source: string;
  unit: string;
  year: number;
  scope: '部门';
  classList: ClassListId;
  tables: {
    t01: { income: LedgerLine[]; expenditure: LedgerLine[] };
    t02: CodedTableData;
    t03: CodedTableData;
    t04: { income: LedgerLine[]; expenditureColumns: string[]; expenditure: Array<{ item: string; values: Record<string, Fig> }> };
    t05: CodedTableData;
    t06: { items: Array<{ code: string; name: string; amount: Fig }>; totals: { 人员经费合计: Fig; 公用经费合计: Fig } };
    t07: { rows: Array<{ item: string; budget: Fig; final: Fig }>; notes: string[] };
    t08: { notes: string[] };
    t09: { notes: string[] };
  };
  transcription: string[];
}

const FILES: Array<{ file: string; unit: string }> = [
  { file: 'shanghai-putuo-czj-2024', unit: '上海市普陀区财政局' },
  { file: 'shanghai-putuo-guihuaziyuan-2024', unit: '上海市普陀区规划和自然资源局' },
  { file: 'shanghai-putuo-shehuigongzuobu-2024', unit: '中共上海市普陀区委社会工作部' },
];

const T1_INCOME = [
  '一、一般公共预算财政拨款收入',
  '二、政府性基金预算财政拨款收入',
  '三、国有资本经营预算财政拨款收入',
  '四、上级补助收入',
  '五、事业收入',
  '六、经营收入',
  '七、附属单位上缴收入',
  '八、其他收入',
  '本年收入合计',
  '使用非财政拨款结余',
  '年初结转和结余',
  '总计',
];
const T1_EXP_TAIL = ['本年支出合计', '结余分配', '年末结转和结余', '总计'];
const T4_INCOME = [
  '一、一般公共预算财政拨款',
  '二、政府性基金预算财政拨款',
  '三、国有资本经营预算财政拨款',
  '本年收入合计',
  '年初财政拨款结转和结余',
  '一、一般公共预算财政拨款',
  '二、政府性基金预算财政拨款',
  '三、国有资本经营预算财政拨款',
  '总计',
];
const T4_EXP_COLUMNS = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
const T4_EXP_TAIL = ['本年支出合计', '年末财政拨款结转和结余', '总计'];
const T7_ITEMS = ['合计', '因公出国（境）费', '公务用车购置及运行维护费 小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];

/** A figure as printed: `2940.05`, `0.00`; blank, `(blank)` → null. Anything else is a transcription error. */
function fig(s: string | undefined): Fig {
  const t = (s ?? '').trim();
  if (t === '' || t === '(blank)') return null;
  if (!/^-?\d+(\.\d{2})$/.test(t)) throw new Error(`not a printed figure: "${t}"`);
  return t;
}

/** A line's fields without trailing comments in parentheses ("(合计 / 一般公共预算)"). */
function fields(line: string): string[] {
  const f = line.split('\t');
  const dropped = (v: string) => v.trim() === '' || (/^\(.*\)$/.test(v.trim()) && v.trim() !== '(blank)');
  while (f.length && dropped(f[f.length - 1])) f.pop();
  return f;
}

interface Section {
  name: string;
  header: string;
  lines: string[];
}

function sections(text: string): { comments: string[]; sections: Section[] } {
  const comments: string[] = [];
  const out: Section[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('#')) {
      comments.push(raw);
      continue;
    }
    const m = /^\[(T\d|Narrative[^\]]*)([^\]]*)\](.*)$/.exec(raw);
    if (m) {
      out.push({ name: m[1], header: `${m[2]}${m[3]}`.trim(), lines: [] });
      continue;
    }
    if (raw.trim() === '' || !out.length) continue;
    out[out.length - 1].lines.push(raw);
  }
  return { comments, sections: out };
}

const bare = (label: string) => label.replace(/^[一二三四五六七八九十]+、/, '').replace(/（含专用结余）$/, '').trim();

/** The line the transcription gives for `key` (marked used), else `blank`. */
function place<T extends { item: string }>(given: Map<string, T>, key: string, used: Set<string>, blank: T): T {
  const g = given.get(key);
  if (g) used.add(g.item);
  return g ?? blank;
}

/** The 类 rows of the list, with the figures the transcription gives (matched by name), the rest blank. */
function classLines<T extends { item: string }>(list: ClassListId, given: Map<string, T>, used: Set<string>, blank: (item: string) => T): T[] {
  return CLASS_LISTS[list].map((c) => place(given, c.name, used, blank(`${c.ordinal}、${c.name}`)));
}

function parseT1(sec: Section, list: ClassListId, notes: string[]): ShanghaiDocument['tables']['t01'] {
  const income = new Map<string, LedgerLine>();
  const exp = new Map<string, LedgerLine>();
  let side: 'income' | 'expenditure' = 'income';
  for (const line of sec.lines) {
    if (line.trim().startsWith('(other rows')) continue; // the remaining 类 rows, blank: added from the list below
    const f = fields(line);
    const item = f[0].trim();
    if (item === '收入项目' || item === '支出项目') {
      side = item === '收入项目' ? 'income' : 'expenditure';
      continue;
    }
    if (item.startsWith('二 ~ 八')) continue; // income rows 二…八 blank
    const target = side === 'income' ? income : exp;
    target.set(bare(item), { item, amount: fig(f[1]) });
    if (side === 'income' && item === '总计') side = 'expenditure';
  }
  const used = new Set<string>();
  const blank = (item: string): LedgerLine => ({ item, amount: null });
  const incomeLines = T1_INCOME.map((label) => place(income, bare(label), used, blank(label)));
  const expLines = [...classLines(list, exp, used, blank), ...T1_EXP_TAIL.map((label) => place(exp, label, used, blank(label)))];
  const unused = [...income.values(), ...exp.values()].filter((l) => !used.has(l.item));
  if (unused.length) throw new Error(`T1 rows not placed: ${unused.map((l) => l.item).join(', ')}`);
  if (incomeLines.some((l) => !income.has(bare(l.item)))) notes.push('01: income rows not listed in the transcription (二 ~ 八 or 使用非财政拨款结余) are blank.');
  notes.push(`01: the 类 rows not listed in the transcription are the blank rows of the ${list}-row list.`);
  return { income: incomeLines, expenditure: expLines };
}

function headerColumns(header: string): string[] {
  const cols = header
    .replace(/^[^\t]*?(columns:)?\s*(?=编码)/, '')
    .split('\t')
    .map((s) => s.trim())
    .filter((s) => s && !/^\(.*\)$/.test(s));
  if (cols[0] !== '编码' || cols[1] !== '科目名称') throw new Error(`unexpected coded header: ${header}`);
  return cols.slice(2);
}

function parseCoded(sec: Section, totalPosition: 'top' | 'bottom'): CodedTableData {
  const columns = headerColumns(sec.header);
  const out: CodedTableData = { columns, total: {}, rows: [], totalPosition };
  for (const line of sec.lines) {
    const f = line.split('\t');
    const [code, name, ...vals] = f;
    if (vals.length > columns.length && vals.slice(columns.length).some((v) => v.trim())) throw new Error(`too many figures: ${line}`);
    const values = Object.fromEntries(columns.map((c, i) => [c, fig(vals[i])]));
    if (!code.trim() && name.trim() === '合计') out.total = values;
    else if (/^\d{3}(\d{2}){0,2}$/.test(code.trim())) out.rows.push({ code: code.trim(), name: name.trim(), values });
    else throw new Error(`unexpected coded line: ${line}`);
  }
  return out;
}

function parseT4(sec: Section, list: ClassListId, notes: string[]): ShanghaiDocument['tables']['t04'] {
  const income: LedgerLine[] = [];
  const exp = new Map<string, { item: string; values: Record<string, Fig> }>();
  let side: 'income' | 'expenditure' = 'income';
  for (const line of sec.lines) {
    if (line.trim().startsWith('(other')) continue; // the remaining 类 rows, blank: added from the list below
    const f = fields(line);
    const item = f[0].trim();
    if (item === '收入项目' || item === '支出项目') {
      side = item === '收入项目' ? 'income' : 'expenditure';
      continue;
    }
    if (side === 'income') {
      const indent = /^\s+/.test(f[0]);
      income.push({ item, amount: fig(f[1]), ...(indent ? { indent } : {}) });
      if (item === '总计') side = 'expenditure';
      continue;
    }
    const values = Object.fromEntries(T4_EXP_COLUMNS.map((c, i) => [c, fig(f[i + 1])]));
    exp.set(bare(item), { item, values });
  }
  // Fixed income rows in print order; the carry-in breakdown rows are the indented ones.
  const top = income.filter((l) => !l.indent);
  const sub = income.filter((l) => l.indent);
  const incomeLines: LedgerLine[] = T4_INCOME.map((label, i) => {
    const isSub = i >= 5 && i <= 7;
    const found = (isSub ? sub : top).find((l) => l.item === label);
    return found ?? { item: label, amount: null, ...(isSub ? { indent: true } : {}) };
  });
  const placed = incomeLines.filter((l) => income.includes(l)).length;
  if (placed !== income.length) throw new Error(`T4 income rows not placed: ${income.filter((l) => !incomeLines.includes(l)).map((l) => l.item)}`);
  const used = new Set<string>();
  const blank = (item: string) => ({ item, values: Object.fromEntries(T4_EXP_COLUMNS.map((c) => [c, null])) as Record<string, Fig> });
  const expenditure = [...classLines(list, exp, used, blank), ...T4_EXP_TAIL.map((label) => place(exp, label, used, blank(label)))];
  const unused = [...exp.values()].filter((l) => !used.has(l.item));
  if (unused.length) throw new Error(`T4 rows not placed: ${unused.map((l) => l.item).join(', ')}`);
  notes.push(`04: rows not listed in the transcription are blank (the ${list}-row 类 list; income funds 二/三 and the carry-in breakdown where not listed).`);
  return { income: incomeLines, expenditureColumns: T4_EXP_COLUMNS, expenditure };
}

function parseT6(sec: Section): ShanghaiDocument['tables']['t06'] {
  const items: ShanghaiDocument['tables']['t06']['items'] = [];
  const totals: ShanghaiDocument['tables']['t06']['totals'] = { 人员经费合计: null, 公用经费合计: null };
  for (const line of sec.lines) {
    const f = line.split('\t');
    if (f[0] === '人员经费合计' || f[0] === '公用经费合计') totals[f[0]] = fig(f[1]);
    else if (/^\d{3}(\d{2})?$/.test(f[0])) items.push({ code: f[0], name: f[1], amount: fig(f[2]) });
    else throw new Error(`unexpected 06 line: ${line}`);
  }
  return { items, totals };
}

function parseT7(sec: Section): ShanghaiDocument['tables']['t07'] {
  const note = /说明：[^\s]+/.exec(sec.header)?.[0];
  if (/empty/.test(sec.header)) {
    return { rows: T7_ITEMS.map((item) => ({ item, budget: null, final: null })), notes: note ? [note] : [] };
  }
  const rows = sec.lines.map((line) => {
    const f = line.split('\t');
    return { item: f[0].trim(), budget: fig(f[1]), final: fig(f[2]) };
  });
  if (rows.length !== 6) throw new Error('07: six items expected');
  return { rows, notes: [] };
}

/** 08/09: empty tables; the note(s) printed under them. */
function parseFund(sec: Section, fund: '政府性基金' | '国有资本经营', residueOf08: string | null): { notes: string[]; residue: string | null } {
  if (!/empty/.test(sec.header)) throw new Error(`${sec.name}: only empty 08/09 tables are transcribed`);
  const explicit = /(?:note under table: |, )(\S*?(?:说明：)?\S+故本表无数据。)/.exec(sec.header)?.[1];
  const residueMatch = /instruction sentence "([^"]+)"/.exec(sec.header)?.[1] ?? null;
  const sameAsT8 = /same template-instruction leftover as T8/.test(sec.header);
  const residue = residueMatch ?? (sameAsT8 && residueOf08 ? residueOf08.replace('政府性基金', fund) : null);
  const statement = explicit ?? `说明：本年度没有${fund}预算财政拨款收入和支出，故本表无数据。`;
  return { notes: residue ? [residue, statement] : [statement], residue };
}

export function transcribe(text: string, unit: string, source: string): ShanghaiDocument {
  const { comments, sections: secs } = sections(text);
  const list: ClassListId = comments.some((c) => /24-row/.test(c)) ? '24' : '26';
  const by = (name: string) => {
    const s = secs.find((x) => x.name === name);
    if (!s) throw new Error(`no section ${name}`);
    return s;
  };
  const notes: string[] = [];
  const t03 = parseCoded(by('T3'), 'top');
  const t5sec = by('T5');
  let t05: CodedTableData;
  if (/same rows and values as T3/.test(t5sec.header)) {
    const map: Record<string, string> = { 合计: '本年支出合计', 基本支出: '基本支出', 项目支出: '项目支出' };
    const pick = (v: Record<string, Fig>) => Object.fromEntries(Object.entries(map).map(([to, from]) => [to, v[from]]));
    t05 = { columns: Object.keys(map), total: pick(t03.total), rows: t03.rows.map((r) => ({ ...r, values: pick(r.values) })), totalPosition: 'bottom' };
    notes.push('05: "same rows and values as T3" (合计/基本支出/项目支出 = 03 本年支出合计/基本支出/项目支出).');
  } else {
    t05 = parseCoded(t5sec, 'bottom');
  }
  const t08 = parseFund(by('T8'), '政府性基金', null);
  const t09 = parseFund(by('T9'), '国有资本经营', t08.residue);
  if (t08.residue) notes.push('08/09: the template instruction sentence left in the published tables is kept before the 说明; the 说明 wording is the template\'s.');
  notes.push('06: only the rows listed in the transcription (non-blank); all other template rows blank.');
  return {
    source,
    unit,
    year: 2024,
    scope: '部门',
    classList: list,
    tables: {
      t01: parseT1(by('T1'), list, notes),
      t02: parseCoded(by('T2'), 'top'),
      t03,
      t04: parseT4(by('T4'), list, notes),
      t05,
      t06: parseT6(by('T6')),
      t07: parseT7(by('T7')),
      t08: { notes: t08.notes },
      t09: { notes: t09.notes },
    },
    transcription: notes,
  };
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  const dir = process.argv[2] ?? join(root, 'test', 'fixtures', 'shanghai-2024');
  for (const { file, unit } of FILES) {
    const text = readFileSync(join(dir, `${file}.txt`), 'utf8');
    const source = sections(text).comments.find((c) => /file samples\//.test(c))?.replace(/^#\s*/, '').trim() ?? file;
    const doc = transcribe(text, unit, `GovBudgetChecker @ 91faac5b, ${source}`);
    const out = join(root, 'examples', 'data', `${file}.json`);
    writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`wrote ${out}`);
  }
}
