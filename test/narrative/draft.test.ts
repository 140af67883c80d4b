// The 情况说明 draft from the Fuzhou working sheets (issue #13 point 6): every section in the official order,
// every figure equal to its table cell (recomputed here from the model), a visible 【请填写…】 wherever the
// figures cannot give the reason, and 较上年 sentences that follow last year's figures.
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import { readLastYear } from '../../src/app/last-year';
import { codeRow } from '../../src/core/keys';
import type { FinalAccounts, TableData, TableTopic } from '../../src/core/model';
import { draftSheet, DRAFT_SHEET_NAME, type NarrativeDraft } from '../../src/generator/narrative';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { readWorkings } from '../../src/readers/workings';
import { lastYearWorkings, percentText, wanText, workingsSnapshot } from './fuzhou-draft';

let snapshot: WorkbookSnapshot;
let draft: NarrativeDraft;
let accounts: FinalAccounts;
let paragraphs: string[];

beforeAll(async () => {
  snapshot = await workingsSnapshot();
  const r = draftFromWorkbook(snapshot);
  expect(r.findings).toEqual([]);
  draft = r.draft!;
  accounts = r.accounts!;
  paragraphs = draft.paragraphs.map((p) => p.text);
});

function table(acc: FinalAccounts, topic: TableTopic): TableData {
  return Object.values(acc.tables).find((t) => t!.topic === topic)!;
}

function cell(acc: FinalAccounts, topic: TableTopic, key: string, col: string): number {
  return (table(acc, topic).rows.find((r) => r.key === key)!.cells as Record<string, { minor: number }>)[col].minor;
}

function paragraphWith(start: string, list = paragraphs): string {
  const found = list.filter((p) => p.startsWith(start));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('narrative draft from the Fuzhou working sheets', () => {
  it('has the nine sections in the official order', () => {
    const headings = draft.paragraphs.filter((p) => p.level === 'h1').map((p) => p.text);
    const expected = [
      /^一、收入支出决算总体情况/,
      /^二、收入决算/,
      /^三、支出决算/,
      /^四、财政拨款收入支出决算总体/,
      /^五、一般公共预算财政拨款支出/,
      /^六、一般公共预算财政拨款基本支出/,
      /^七、.*“三公”经费/,
      /^八、政府性基金预算及国有资本经营预算/,
      /^九、其他重要事项/,
    ];
    expect(headings).toHaveLength(expected.length);
    headings.forEach((h, i) => expect(h).toMatch(expected[i]));
    expect(draft.paragraphs[0]).toEqual({ level: 'title', text: `${accounts.unitName}2024年度决算情况说明` });
    const sub = draft.paragraphs.filter((p) => p.level === 'h2').map((p) => p.text);
    expect(sub).toEqual(
      expect.arrayContaining(['（一）机关运行经费支出情况', '（二）政府采购支出情况', '（三）国有资产占用情况', '（四）预算绩效管理情况']),
    );
  });

  it('prints every amount as a figure of the tables it came from', () => {
    const figures = new Set<string>();
    for (const t of Object.values(accounts.tables)) for (const r of t!.rows) for (const c of Object.values(r.cells)) figures.add(wanText(c!.minor));
    const amounts = paragraphs.flatMap((p) => [...p.matchAll(/(\d+\.\d{2})万元/g)].map((m) => m[1]));
    expect(amounts.length).toBeGreaterThanOrEqual(60);
    expect(amounts.filter((a) => !figures.has(a))).toEqual([]);
  });

  it('states the totals of 01, 03, 04 and 05 at their cells', () => {
    const inc = wanText(cell(accounts, 'summary', 'inc.grand', 'amount'));
    const exp = wanText(cell(accounts, 'summary', 'exp.grand', 'amount'));
    expect(paragraphWith('2024年度本单位收入总计')).toContain(`收入总计${inc}万元，支出总计${exp}万元`);
    const incomeTotal = cell(accounts, 'summary', 'inc.total', 'amount');
    const gpb = cell(accounts, 'summary', 'inc.gpb', 'amount');
    expect(paragraphWith('1. 一般公共预算财政拨款收入')).toBe(
      `1. 一般公共预算财政拨款收入${wanText(gpb)}万元，占本年收入合计的${percentText(gpb, incomeTotal)}%。`,
    );
    const spending = cell(accounts, 'expenditure', 'total', 'total');
    const basic = cell(accounts, 'expenditure', 'total', 'basic');
    expect(paragraphWith('1. 基本支出')).toBe(`1. 基本支出${wanText(basic)}万元，占本年支出合计的${percentText(basic, spending)}%。`);
    const fiscal = wanText(cell(accounts, 'fiscalSummary', 'inc.grand', 'amount'));
    expect(paragraphWith('2024年度财政拨款收入总计')).toContain(`财政拨款收入总计${fiscal}万元`);
    const gpbSpending = cell(accounts, 'generalBudget', 'total', 'total');
    expect(
      paragraphWith(
        '2024年度一般公共预算财政拨款支出',
        paragraphs.filter((p) => !p.includes('主要用于以下方面')),
      ),
    ).toContain(`支出${wanText(gpbSpending)}万元，占本年支出合计的${percentText(gpbSpending, spending)}%`);
  });

  it('gives the structure by 类 with shares and every 项 of 05 with its figure', () => {
    const rows = table(accounts, 'generalBudget').rows;
    const total = cell(accounts, 'generalBudget', 'total', 'total');
    const structure = paragraphWith(
      '2024年度一般公共预算财政拨款支出',
      paragraphs.filter((p) => p.includes('主要用于以下方面')),
    );
    const classes = rows.filter((r) => r.level === '类' && r.cells.total!.minor !== 0);
    expect(classes.length).toBeGreaterThan(5);
    for (const r of classes) {
      expect(structure).toContain(
        `${r.label}（类）${wanText(r.cells.total!.minor)}万元，占一般公共预算财政拨款支出的${percentText(r.cells.total!.minor, total)}%`,
      );
    }
    const items = rows.filter((r) => r.level === '项' && r.cells.total!.minor !== 0);
    expect(items.length).toBeGreaterThan(15);
    items.forEach((r, i) =>
      expect(paragraphWith(`${i + 1}. ${r.code}-`)).toContain(`${r.code}-${r.label}（项）${wanText(r.cells.total!.minor)}万元`),
    );
  });

  it('takes 人员经费, 公用经费 and 机关运行经费 from 06, with the 款 that hold figures', () => {
    const personnel = cell(accounts, 'basicEconomic', 'personnelTotal', 'amount');
    const publicUse = cell(accounts, 'basicEconomic', 'publicTotal', 'amount');
    expect(paragraphWith('（一）人员经费')).toMatch(new RegExp(`^（一）人员经费${wanText(personnel)}万元，主要包括：基本工资、`));
    const pub = paragraphWith('（二）公用经费');
    expect(pub).toContain(`公用经费${wanText(publicUse)}万元`);
    const econ = table(accounts, 'basicEconomic').rows.filter((r) => r.code?.startsWith('302') && r.code.length === 5);
    for (const r of econ) expect(pub.includes(r.label)).toBe(r.cells.amount!.minor !== 0);
    expect(paragraphWith('2024年度本单位机关运行经费支出')).toContain(`支出${wanText(publicUse)}万元`);
  });

  it('takes 三公 from 07 and the counts from 底稿5, and asks for the 预算数 the example leaves blank', () => {
    const counts = Object.fromEntries(readWorkings(snapshot).data.sheets.counts!.rows.map((r) => [r.key, r.cells.count.minor]));
    const total = cell(accounts, 'threePublic', 'total', 'final');
    expect(paragraphWith('2024年度一般公共预算财政拨款“三公”经费支出')).toContain(`支出${wanText(total)}万元，全年预算数【请填写预算数】万元`);
    const abroad = paragraphWith('（一）因公出国（境）费支出');
    expect(abroad).toContain(`${wanText(cell(accounts, 'threePublic', 'abroad', 'final'))}万元`);
    expect(abroad).toContain(`团组${counts.abroadGroups}个，累计${counts.abroadPersons}人次`);
    expect(paragraphWith('公务用车运行维护费支出')).toContain(`公务用车保有量${counts.carsHeld}辆`);
    expect(paragraphWith('（三）公务接待费支出')).toContain(`接待${counts.receptionBatches}批次、${counts.receptionPersons}人次`);
  });

  it('words the empty 08 and 09 as empty tables', () => {
    expect(paragraphWith('（一）本单位2024年度没有使用政府性基金预算财政拨款')).toContain(`《${table(accounts, 'govFund').title}》为空表`);
    expect(paragraphWith('（二）本单位2024年度没有使用国有资本经营预算财政拨款')).toContain(`《${table(accounts, 'stateCapital').title}》为空表`);
  });

  it('leaves a visible placeholder wherever a reason or an untabled figure is needed', () => {
    const comparisons = paragraphs.filter((p) => p.includes('较上年'));
    expect(comparisons.length).toBeGreaterThan(25);
    for (const p of comparisons) {
      expect(p).toContain('较上年决算数【请填写增减额及增减率】');
      expect(p).toContain('主要原因是【请填写主要原因】');
    }
    expect(paragraphWith('2024年度本单位政府采购支出总额')).toMatch(/^2024年度本单位政府采购支出总额【请填写金额】万元/);
    expect(paragraphWith('截至2024年12月31日，本单位共有车辆')).toContain('【请填写车辆数】');
    const all = paragraphs.join('\n').match(/【请填写[^】]+】/g) ?? [];
    expect(draft.placeholders).toBe(all.length);
    expect(paragraphs.join('\n')).not.toMatch(/XX|××|增加（减少）|大于（小于）/);
  });

  it('lays the draft out as one paragraph per row in column A of 情况说明（草稿）', () => {
    const sheet = draftSheet(draft);
    expect(sheet.name).toBe(DRAFT_SHEET_NAME);
    expect(sheet.cells.map((c) => [c.row, c.col, c.value])).toEqual(paragraphs.map((p, i) => [i, 0, p]));
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(80);
    expect(sheet.cells.every((c) => c.style?.wrap)).toBe(true);
  });
});

describe('narrative draft with last year’s figures', () => {
  it('words each 较上年 from last year’s tables', async () => {
    const lastYear = await lastYearWorkings({ '2011302': 600, '2060503': 50 });
    const prev = readLastYear(lastYear).accounts!;
    expect(prev.year).toBe(2023);
    const r = draftFromWorkbook(snapshot, { lastYear });
    expect(r.findings).toEqual([]);
    const list = r.draft!.paragraphs.map((p) => p.text);
    const item = (code: string) => {
      const cur = cell(accounts, 'generalBudget', codeRow(code), 'total');
      const before = cell(prev, 'generalBudget', codeRow(code), 'total');
      return { cur, before, text: list.find((p) => p.includes(` ${code}-`))! };
    };
    const up = item('2011302');
    expect(up.cur).toBeGreaterThan(up.before);
    expect(up.text).toContain(
      `${wanText(up.cur)}万元，较上年决算数增加${wanText(up.cur - up.before)}万元，增长${percentText(up.cur - up.before, up.before)}%。主要原因是【请填写主要原因】。`,
    );
    const down = item('2060503');
    expect(down.cur).toBeLessThan(down.before);
    expect(down.text).toContain(`较上年决算数减少${wanText(down.before - down.cur)}万元，下降${percentText(down.before - down.cur, down.before)}%。`);
    const same = item('2011101');
    expect(same.cur).toBe(same.before);
    expect(same.text).toMatch(/与上年决算数持平。$/);
    expect(same.text).not.toContain('【');
    // The totals move by the sum of the edits.
    const inc = cell(accounts, 'summary', 'inc.grand', 'amount');
    const incPrev = cell(prev, 'summary', 'inc.grand', 'amount');
    expect(inc - incPrev).toBe(up.cur - up.before + (down.cur - down.before));
    const d = inc - incPrev;
    const word = d > 0 ? `增加${wanText(d)}万元，增长` : `减少${wanText(-d)}万元，下降`;
    expect(list.find((p) => p.startsWith('2024年度本单位收入总计'))).toContain(`较上年决算数${word}${percentText(Math.abs(d), incPrev)}%`);
    // Every comparison is now worded from the figures: none is left to fill in.
    expect(list.join('\n')).not.toContain('【请填写增减额及增减率】');
  });

  it('refuses last year’s workbook when it is not the year before', () => {
    const r = draftFromWorkbook(snapshot, { lastYear: snapshot, lastYearFile: '上年.xlsx' });
    expect(r.draft).toBeNull();
    expect(r.findings.map((f) => f.rule)).toEqual(['L-YEAR']);
    expect(r.findings[0].message).toContain('应为 2023 年度');
  });
});
