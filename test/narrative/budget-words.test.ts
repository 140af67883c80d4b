// N3's 原因, N4 (完成年初预算 when the 年初预算 is 0) and amounts written in 亿元, on short texts against the
// Fuzhou example's tables (and a copy whose 07 carries 预算数, as the Shanghai and central 07 do).
import { checkNarrative } from '../../src/app/narrative-check';
import type { FinalAccounts, TableData } from '../../src/core/model';
import { extractFigures } from '../../src/core/narrative';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

let accounts: FinalAccounts;
beforeAll(async () => {
  accounts = readAccounts(await snapshotOf(FUZHOU_XLSX)).accounts;
});

const findings = (text: string, acc = accounts) =>
  checkNarrative(text, acc)
    .findings.filter((f) => f.rule !== 'N10')
    .map((f) => `${f.rule} ${f.severity}`);
const figure = (text: string, acc = accounts) => checkNarrative(text, acc).figures[0];

/** The example's tables with 07 预算数 (万元) beside each 决算数, in a column of its own. */
function withThreePublicBudget(budgets: Record<string, number>): FinalAccounts {
  const acc = structuredClone(accounts);
  const t07 = acc.tables['07'] as TableData;
  for (const row of t07.rows) {
    const v = budgets[row.key];
    if (v === undefined) continue;
    const ref = row.cells.final!.ref!;
    row.cells.budget = { minor: Math.round(v * 1_000_000), ref: { ...ref, col: ref.col + 10 } };
  }
  return acc;
}

describe('N3: 决算数大于/小于预算数 gives its reason', () => {
  it('a claim without any reason in its sentence or paragraph is an error at that sentence', () => {
    const r = checkNarrative('公务接待费支出 0.99 万元，完成全年预算的 32.83%，决算数小于预算数。', accounts);
    expect(r.findings.map((f) => [f.rule, f.severity, f.location?.paragraph])).toEqual([['N3', 'error', 1]]);
    expect(r.findings[0].message).toContain('“小于预算数”，但没有说明原因');
  });

  it('a reason in the same sentence, or in a later sentence of the paragraph, is enough; 持平 needs none', () => {
    expect(findings('公务接待费支出 0.99 万元，完成全年预算的 32.83%，决算数小于预算数，主要原因是压减接待。')).toEqual([]);
    expect(findings('公务接待费支出 0.99 万元，完成全年预算的 32.83%，决算数小于预算数。主要是落实过紧日子要求。')).toEqual([]);
    expect(findings('公务接待费支出 0.99 万元，完成全年预算的 32.83%，决算数小于预算数，由于接待减少。')).toEqual([]);
    expect(findings('公务用车购置费支出 0.00 万元，与全年预算持平。')).toEqual([]);
    // A rule stated, not a comparison made.
    expect(findings('公务接待费支出 0.99 万元，严格控制支出，不超过预算。')).toEqual([]);
    expect(findings('项目支出进度高于预算执行进度要求。')).toEqual([]);
    // A reason in the next paragraph is not this claim's.
    expect(findings('公务接待费支出 0.99 万元，完成全年预算的 32.83%，决算数小于预算数。\n主要原因是压减接待。')).toEqual(['N3 error']);
  });

  it('the draft’s 【请填写主要原因】 is reported once, as a placeholder (N6), not again as a missing reason', () => {
    expect(findings('公务接待费支出 0.99 万元，完成全年预算的 32.83%，决算数小于预算数，主要原因是【请填写主要原因】。')).toEqual(['N6 error']);
  });
});

describe('N4: 完成年初预算 when the 年初预算 is 0', () => {
  it('07’s 预算数 (the 年初预算) of 0: 完成年初预算的 X% is an error naming the cell', () => {
    const acc = withThreePublicBudget({ reception: 0 });
    const r = checkNarrative('公务接待费支出 0.99 万元，完成年初预算的 32.83%。', acc);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['N4', 'error']]);
    expect(r.findings[0].message).toContain('公开07表的预算数（年初预算）为 0');
    expect(r.figures[1].status).toBe('error');
    expect(r.figures[1].cells).toHaveLength(1);
  });

  it('07’s 预算数 not 0: the completion rate is recomputed from it, right or wrong', () => {
    const acc = withThreePublicBudget({ reception: 3.02 });
    const ok = checkNarrative('公务接待费支出 0.99 万元，完成年初预算的 32.78%。', acc);
    expect([ok.figures[1].status, ok.findings]).toEqual(['ok', []]);
    const wrong = checkNarrative('公务接待费支出 0.99 万元，完成年初预算的 52.78%。', acc);
    expect(wrong.findings.map((f) => f.rule)).toEqual(['N2']);
  });

  it('the sentence saying the 年初预算 was 0 and then 完成年初预算: an error without any table', () => {
    expect(findings('一般公共预算财政拨款支出 15922.99 万元，年初预算为 0，完成年初预算的 95.89%。')).toEqual(['N4 error']);
    expect(findings('一般公共预算财政拨款支出 15922.99 万元，年初未安排预算，完成年初预算的 95.89%。')).toEqual(['N4 error']);
  });

  it('when the tables cannot tell the 年初预算, the rate is 未核对 with that reason, not an error', () => {
    const r = checkNarrative('一般公共预算财政拨款支出 15922.99 万元，完成年初预算的 95.89%。', accounts);
    expect(r.findings).toEqual([]);
    expect(r.figures[1].status).toBe('unverified');
    expect(r.figures[1].note).toContain('无法判断年初预算是否为 0');
    // 完成全年预算 is not N4's business.
    expect(findings('一般公共预算财政拨款支出 15922.99 万元，完成全年预算的 95.89%。')).toEqual([]);
  });
});

describe('amounts in 亿元', () => {
  it('are read exactly as 万元 at the step of their last digit', () => {
    const [a, b] = extractFigures('支出1.59亿元，收入12,345.678901亿元。');
    expect([a.value, a.decimals, a.unit, a.yi]).toEqual([15900, -2, '万元', '1.59']);
    expect([b.value, b.decimals, b.yi]).toEqual([123456789.01, 2, '12345.678901']);
  });

  it('tie like 万元: the table’s figure rounded to the 亿元 printed is ok, anything else an error', () => {
    // 05 合计 15922.99 万元 = 1.5922990 亿元.
    const ok = figure('一般公共预算财政拨款支出1.59亿元。');
    // Reported as written, with the table's figure in 亿元 beside it.
    expect([ok.status, ok.value, ok.unit, ok.expected, ok.text]).toEqual(['ok', 1.59, '亿元', 1.592299, '1.59亿元']);
    expect(figure('一般公共预算财政拨款支出 1.5923 亿元。').status).toBe('ok');
    const wrong = checkNarrative('一般公共预算财政拨款支出1.60亿元。', accounts);
    expect(wrong.figures[0].status).toBe('error');
    expect(wrong.findings[0].message).toContain('文中为 1.60 亿元，表中为 15922.99 万元');
    expect(figure('一般公共预算财政拨款支出 1.5922 亿元。').status).toBe('error');
  });

  it('a change and its rate in 亿元 are checked at their printed step', () => {
    const r = checkNarrative('一般公共预算财政拨款支出1.59亿元，较上年增加0.31亿元，增长24.62%。', accounts);
    expect(r.figures.map((f) => [f.kind, f.status])).toEqual([
      ['amount', 'ok'],
      ['change', 'ok'],
      ['rate', 'ok'],
    ]);
    expect(findings('一般公共预算财政拨款支出1.59亿元，较上年增加0.31亿元，增长44.62%。')).toEqual(['N2 error']);
  });
});
