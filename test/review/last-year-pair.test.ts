// Issue #16 must-show: the Fuzhou 2024 example against an invented 2023 workbook (scripts/examples/last-year.ts):
// the planted carry-over mismatch is an error at both cells, the large changes are 提示, new and vanished 项
// are listed, small changes are not, the threshold is set per run, and findings carry the 上年数.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { FUZHOU_XLSX, ROOT } from '../helpers/example';

const LAST = join(ROOT, 'examples', 'fuzhou-gxj-2023-invented-last-year.xlsx');
const T01 = '公开01表 收入支出决算总表';
const T03 = '公开03表 支出决算表';
const T07 = '公开07表 一般公共预算财政拨款“三公”经费支出决算表';

interface F {
  id: string;
  rule: string;
  severity: string;
  cells: string[];
  message: string;
  lastYear?: number;
  status?: string;
}

async function check(...extra: string[]): Promise<{ code: number; findings: F[] }> {
  const r = await runCli(['check', FUZHOU_XLSX, '--last-year', LAST, '--json', ...extra]);
  return { code: r.code, findings: JSON.parse(r.out).findings as F[] };
}

/** The L findings as `rule severity row-name`: the first name quoted in the message after the table's. */
const named = (fs: F[]) =>
  fs.filter((f) => /^L\d/.test(f.rule)).map((f) => `${f.rule} ${f.severity} ${/“([^”]+)”/.exec(f.message.replace(/公开\d\d表（[^）]*）/, ''))?.[1]}`);

describe('this year against last year (Fuzhou 2024 and an invented 2023)', () => {
  let findings: F[];
  beforeAll(async () => {
    findings = (await check()).findings;
  });

  test('the planted carry-over mismatch is an error at this year’s 年初 and last year’s 年末 cell', () => {
    const l1 = findings.filter((f) => f.rule === 'L1');
    expect(l1).toHaveLength(1);
    expect(l1[0]).toMatchObject({ severity: 'error', cells: [`${T01}!B34`, `上年:${T01}!D34`], lastYear: 12.35 });
    expect(l1[0].message).toContain('“年初结转和结余”为 0.00，上年公开01表（收入支出决算总表）的年末结转和结余为 12.35');
  });

  test('changes beyond ±30 % and 10 万元 are 提示; new and vanished 项 are listed; smaller changes are not', () => {
    expect(named(findings).sort()).toEqual(
      [
        'L1 error 年初结转和结余',
        'L2 warning 20111 纪检监察事务',
        'L2 warning 20801 人力资源和社会保障管理事务',
        'L2 warning 215 资源勘探工业信息等支出',
        'L2 warning 21508 支持中小企业发展和管理支出',
        'L2 warning 2150805 中小企业发展专项',
        'L2 warning 1. 因公出国（境）费',
        'L2 warning 合计',
        'L3 warning 2080116 引进人才费用',
        'L3 warning 2011102 一般行政管理事务',
      ].sort(),
    );
    const big = findings.find((f) => f.rule === 'L2' && f.message.includes('2150805'))!;
    expect(big).toMatchObject({ cells: [`${T03}!C41`], lastYear: 4100 });
    expect(big.message).toContain('增长 133.1%（增加 5458.69万元）');
    expect(findings.find((f) => f.rule === 'L2' && f.cells[0] === `${T07}!C6`)?.lastYear).toBe(2.5);
    // The vanished 项 is named at last year's cell (never marked in this year's workbook).
    expect(findings.find((f) => f.rule === 'L3' && f.message.includes('2011102'))?.cells).toEqual([`上年:${T03}!C10`]);
  });

  test('the threshold is set per run: 10 % and 1 万元 also flags 2100410 (+14 %) and 2080901 (+1.73 万元)', async () => {
    const { findings: strict } = await check('--change-threshold', '10,1');
    const extra = named(strict).filter((n) => !named(findings).includes(n));
    expect(extra).toEqual(expect.arrayContaining(['L2 warning 2100410 突发公共卫生事件应急处置', 'L2 warning 2080901 退役士兵安置']));
    const bad = await runCli(['check', FUZHOU_XLSX, '--last-year', LAST, '--change-threshold', '三十']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--change-threshold 应为“百分比,万元”')]);
  });

  test('findings about a figure carry its 上年数; an L 提示 explained with --last-year stays explained on re-check', async () => {
    const x13 = findings.find((f) => f.rule === 'X13')!;
    expect(x13.lastYear).toBe(171.84);
    const l2 = findings.find((f) => f.rule === 'L2' && f.message.includes('2150805'))!;
    const out = join(mkdtempSync(join(tmpdir(), 'last-year-')), 'explained.xlsx');
    const ex = await runCli([
      'explain',
      FUZHOU_XLSX,
      l2.id,
      '--last-year',
      LAST,
      '--status',
      'explained',
      '--reason',
      '2024 年新增中小企业专项资金',
      '-o',
      out,
    ]);
    expect(ex.code).toBe(1);
    const again = await runCli(['check', out, '--last-year', LAST, '--json']);
    expect((JSON.parse(again.out).findings as F[]).find((f) => f.id === l2.id)?.status).toBe('已说明');
  });
});
