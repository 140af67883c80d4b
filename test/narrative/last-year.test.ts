// With last year's tables (the `lastYear` option, fed by --last-year): each 较上年 增加/减少 of the text is
// this year's cell minus last year's, with the 尾差 policy; the changes a rate cannot check (no rate, or a
// 下降 100% to nothing) are checked too.
import { checkNarrative } from '../../src/app/narrative-check';
import { codeRow } from '../../src/core/keys';
import type { FinalAccounts, TableData } from '../../src/core/model';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

let accounts: FinalAccounts;
beforeAll(async () => {
  accounts = readAccounts(await snapshotOf(FUZHOU_XLSX)).accounts;
});

const WAN = 1_000_000;

/** Last year's tables: this year's, with the 05 项 amounts given (万元); a code missing is added. */
function lastYearWith(items: Record<string, number>): FinalAccounts {
  const last = structuredClone(accounts);
  const t05 = last.tables['05'] as TableData;
  for (const [code, value] of Object.entries(items)) {
    const row = t05.rows.find((r) => r.code === code);
    if (row) row.cells.total = { minor: Math.round(value * WAN), ref: row.cells.total?.ref ?? null };
    else
      t05.rows.push({
        key: codeRow(code),
        label: code,
        code,
        level: '项',
        labelRef: null,
        cells: { total: { minor: Math.round(value * WAN), ref: null } },
      });
  }
  return last;
}

const TEXT = [
  '三、一般公共预算财政拨款支出决算情况说明',
  '（一）2011101-行政运行 5.00 万元，较上年决算数增加 1.00 万元，增长 25.00%。',
  '(十五) 2080901-退役士兵安置 3.23 万元，较上年决算数增加 3.23 万元。',
  '(二十) 2150517-产业发展 0.00 万元，较上年决算数减少 2500.00 万元，下降 100.00%。',
].join('\n');

const changes = (r: ReturnType<typeof checkNarrative>) => r.figures.filter((f) => f.kind === 'change').map((f) => [f.subject, f.status]);

test('without last year: the changes with a rate are checked through it, the others are 未核对', () => {
  expect(changes(checkNarrative(TEXT, accounts))).toEqual([
    ['2011101-行政运行', 'ok'],
    ['2080901-退役士兵安置', 'unverified'],
    ['2150517-产业发展', 'ok'],
  ]);
});

test('last year agreeing: every change ok, naming both years’ figures', () => {
  const r = checkNarrative(TEXT, accounts, { lastYear: lastYearWith({ '2011101': 4, '2080901': 0, '2150517': 2500 }) });
  expect(changes(r)).toEqual([
    ['2011101-行政运行', 'ok'],
    ['2080901-退役士兵安置', 'ok'],
    ['2150517-产业发展', 'ok'],
  ]);
  expect(r.findings).toEqual([]);
  expect(r.figures.find((f) => f.subject === '2080901-退役士兵安置' && f.kind === 'change')!.note).toBe('与上年数一致（上年数 0.00，本年数 3.23）');
});

test('last year disagreeing: an error at that sentence with the change it should be; 0.01 is a 尾差', () => {
  const r = checkNarrative(TEXT, accounts, { lastYear: lastYearWith({ '2011101': 4.01, '2080901': 1, '2150517': 2400 }) });
  expect(r.findings.map((f) => [f.rule, f.severity, f.location?.paragraph])).toEqual([
    ['N1', 'tail', 2],
    ['N1', 'error', 3],
    ['N1', 'error', 4],
  ]);
  expect(r.findings[1].message).toContain('上年数 1.00，本年数 3.23，应为增加 2.23 万元');
  expect(r.findings[2].message).toContain('应为减少 2400.00 万元');
});
