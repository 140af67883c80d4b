// The one presentation of findings (pane, page, CLI): grouping, addresses without the sheet, titles, figures,
// the summary line and the filters; on hand-made findings and on the Fuzhou example's real check.
import { checkWorkbook } from '../../src/app/check';
import { addressList, findingFigures, presentedInOrder, presentFindings, summaryText } from '../../src/app/findings-presentation';
import type { Finding } from '../../src/core/findings';
import type { CheckReport } from '../../src/core/report';
import { ruleTitle } from '../../src/core/rule-titles';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

const S01 = '公开01表 收入支出决算总表';
const S02 = '公开02表 收入决算表';
const cell = (sheet: string, row: number, col: number) => ({ sheet, row, col });

const FINDINGS: Finding[] = [
  {
    rule: 'P1',
    severity: 'error',
    table: '项目甲',
    message: '绩效!G71：执行率印为71.17%。',
    cells: [cell('绩效', 70, 6)],
    expected: 7.12,
    actual: 71.17,
  },
  {
    rule: 'T1-b',
    severity: 'tail',
    table: '01',
    message: '本年支出合计差 0.01',
    cells: [cell(S01, 31, 3), cell(S01, 5, 3)],
    unit: '万元',
    expectedMinor: 16_094_570_000,
    actualMinor: 16_094_580_000,
  },
  {
    rule: 'X1',
    severity: 'error',
    table: '01',
    message: '本年收入合计不一致',
    cells: [cell(S01, 9, 3), cell(S02, 6, 4)],
    unit: '万元',
    expectedMinor: 1_234_560_000,
    actualMinor: 1_000_000,
  },
  { rule: 'T1-a', severity: 'warning', table: '01', message: '提示一条', cells: [] },
];

const REPORT: Pick<CheckReport, 'tables' | 'findings' | 'narrative'> = {
  tables: [{ id: '01', title: '收入支出决算总表', sheet: S01, range: 'A1:F40' }],
  findings: FINDINGS,
};

test('grouped by table (the nine first), then severity worst first; headings and counts', () => {
  const p = presentFindings(REPORT);
  expect(p.groups.map((g) => [g.table, g.heading, g.sheet])).toEqual([
    ['01', `公开01表 收入支出决算总表`, S01],
    ['项目甲', '绩效自评：项目甲', '绩效'],
  ]);
  const g01 = p.groups[0];
  expect(g01.bySeverity.map((s) => [s.label, s.findings.map((f) => f.rule)])).toEqual([
    ['错误', ['X1']],
    ['提示', ['T1-a']],
    ['尾差', ['T1-b']],
  ]);
  expect(g01.counts).toEqual({ error: 1, warning: 1, tail: 1 });
  expect(presentedInOrder(p).map((f) => f.rule)).toEqual(['X1', 'T1-a', 'T1-b', 'P1']);
});

test('addresses: bare on the group sheet, with their sheet elsewhere; the first six, then how many', () => {
  const [x1] = presentFindings(REPORT).groups[0].bySeverity[0].findings;
  expect(x1.addresses).toBe(`D10、${S02} E7`);
  expect(x1.allAddresses).toBe(`${S01}!D10、${S02}!E7`);
  expect(x1.cell).toEqual(cell(S01, 9, 3));
  const many = Array.from({ length: 27 }, (_, i) => cell(S01, i, 3));
  expect(addressList(many, S01)).toBe('D1、D2、D3、D4、D5、D6… 等 27 格');
  expect(addressList(many, null)).toBe(`${S01} D1、${S01} D2、${S01} D3、${S01} D4、${S01} D5、${S01} D6… 等 27 格`);
  expect(addressList([], S01)).toBe('');
});

test('titles from the rule code, the code kept; a message loses a leading address the list already gives', () => {
  const p = presentFindings(REPORT);
  const all = presentedInOrder(p);
  for (const f of all) expect(f.title).toBe(ruleTitle(f.rule));
  const p1 = all.find((f) => f.rule === 'P1')!;
  expect(p1.message).toBe('执行率印为71.17%。');
  expect(p1.addresses).toBe('G71');
  expect(all.find((f) => f.rule === 'X1')!.message).toBe('本年收入合计不一致');
});

test('figures: expected, actual and difference in one format (money from 分, signed difference)', () => {
  expect(findingFigures(FINDINGS[1])).toEqual({ expected: '16,094.57', actual: '16,094.58', difference: '+0.01', unit: '万元' });
  expect(findingFigures(FINDINGS[2])).toEqual({ expected: '1,234.56', actual: '1.00', difference: '-1,233.56', unit: '万元' });
  expect(findingFigures(FINDINGS[0])).toEqual({ expected: '7.12', actual: '71.17', difference: '+64.05', unit: '' });
  expect(findingFigures(FINDINGS[3])).toBeNull();
  expect(findingFigures({ ...FINDINGS[1], actualMinor: 16_094_570_000 })!.difference).toBe('0.00');
});

test('the summary line counts 尾差 apart, never as problems', () => {
  expect(presentFindings(REPORT).summaryText).toBe('错误 2 项 · 提示 1 项 · 尾差 1 处（不影响公开，可调整）');
  expect(summaryText({ error: 0, warning: 0, tail: 0 })).toBe('错误 0 项 · 提示 0 项 · 尾差 0 处（不影响公开，可调整）');
});

test('filters: by severity and by table; the summary and the table list stay whole', () => {
  const errors = presentFindings(REPORT, { filter: { severities: ['error'] } });
  expect(presentedInOrder(errors).map((f) => f.rule)).toEqual(['X1', 'P1']);
  expect(errors.shown).toBe(2);
  expect(errors.total).toBe(4);
  expect(errors.summary).toEqual({ error: 2, warning: 1, tail: 1 });
  const tails = presentFindings(REPORT, { filter: { severities: ['tail'] } });
  expect(tails.groups.map((g) => g.table)).toEqual(['01']);
  const project = presentFindings(REPORT, { filter: { tables: ['项目甲'] } });
  expect(presentedInOrder(project).map((f) => f.rule)).toEqual(['P1']);
  expect(project.tables).toEqual([
    { table: '01', heading: '公开01表 收入支出决算总表', count: 3 },
    { table: '项目甲', heading: '绩效自评：项目甲', count: 1 },
  ]);
  expect(presentFindings(REPORT, { filter: { severities: ['warning'], tables: ['项目甲'] } }).groups).toEqual([]);
});

test('a status (#16) is carried when given, absent otherwise', () => {
  const p = presentFindings(REPORT, { statusOf: (f) => (f.rule === 'T1-a' ? { label: '已说明', reason: '口径不同' } : undefined) });
  const all = presentedInOrder(p);
  expect(all.find((f) => f.rule === 'T1-a')!.status).toEqual({ label: '已说明', reason: '口径不同' });
  expect(all.filter((f) => f.status)).toHaveLength(1);
});

test('the Fuzhou example: every finding is shown once, titled, and no address repeats its group sheet', async () => {
  const report = checkWorkbook(await snapshotOf(FUZHOU_XLSX));
  const p = presentFindings(report);
  expect(p.summaryText).toBe(`错误 ${p.summary.error} 项 · 提示 ${p.summary.warning} 项 · 尾差 ${p.summary.tail} 处（不影响公开，可调整）`);
  expect(p.summary).toEqual({ error: 26, warning: 29, tail: 24 });
  const all = presentedInOrder(p);
  expect(all).toHaveLength(report.findings.length);
  expect(new Set(all.map((f) => f.key)).size).toBe(all.length);
  expect(all.filter((f) => f.title.startsWith('规则 '))).toEqual([]);
  for (const g of p.groups) {
    for (const f of g.bySeverity.flatMap((s) => s.findings)) {
      if (g.sheet) expect(f.addresses).not.toContain(`${g.sheet} `);
      expect(f.addresses.split('、').length).toBeLessThanOrEqual(6);
    }
  }
  // The 01 table's 尾差 name cells of 01 only by their addresses.
  const t01 = p.groups.find((g) => g.table === '01')!;
  expect(t01.heading).toBe('公开01表 收入支出决算总表');
  expect(t01.bySeverity.find((s) => s.severity === 'tail')!.findings[0].addresses).toMatch(/^[A-Z]+\d+(、[A-Z]+\d+)*(… 等 \d+ 格)?$/);
});
