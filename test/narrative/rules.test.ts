// N1…N10 on short texts against the Fuzhou example's tables: each rule fires on what it is about, and the
// same sentence written right gives nothing.
import { refText } from '../../src/core/cells';
import type { FinalAccounts } from '../../src/core/model';
import { checkNarrative } from '../../src/app/narrative-check';
import { extractFigures, splitSentences } from '../../src/core/narrative';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

let accounts: FinalAccounts;
beforeAll(async () => {
  accounts = readAccounts(await snapshotOf(FUZHOU_XLSX)).accounts;
});

const check = (text: string) => checkNarrative(text, accounts);
/** The findings' rules, without N10 (a text of one sentence without figures also gets the N10 提示). */
const rules = (text: string) =>
  check(text)
    .findings.filter((f) => f.rule !== 'N10')
    .map((f) => `${f.rule} ${f.severity}`);

describe('splitting and figures', () => {
  it('splits sentences at 。！？ and keeps a doubled 。。 with its sentence', () => {
    expect(splitSentences('甲1万元。乙2万元。。丙')).toEqual(['甲1万元。', '乙2万元。。', '丙']);
  });

  it('reads amounts, changes, rates, shares and counts, not codes or years', () => {
    const figs = extractFigures('2024年（一）2011101-行政运行 5.00 万元，较上年决算数减少 1.20 万元，下降 19.35%，占支出的0.03%，接待6批次。');
    expect(figs.map((f) => [f.kind, f.value, f.direction ?? '', f.of ?? ''])).toEqual([
      ['amount', 5, '', ''],
      ['change', 1.2, 'down', ''],
      ['rate', 19.35, 'down', ''],
      ['share', 0.03, '', '支出'],
      ['count', 6, '', ''],
    ]);
  });

  it('sections set the tables a subject is read from: 支出总计 is 01 overall, 04 under 财政拨款', () => {
    const r = check('一、收入支出决算总体情况说明\n支出总计16094.58万元。\n二、财政拨款收入支出决算总体情况说明\n支出总计15922.99万元。');
    expect(r.figures.map((f) => [f.status, refText(f.cells[0])])).toEqual([
      ['ok', '公开01表 收入支出决算总表!D35'],
      ['ok', '公开04表 财政拨款收入支出决算总表!D37'],
    ]);
  });
});

describe('N1 amounts', () => {
  it('a difference of 0.01 is a 尾差 with its fix; more is an error with the cell', () => {
    const tail = check('人员经费3048.20万元。');
    expect(tail.findings.map((f) => [f.rule, f.severity])).toEqual([['N1', 'tail']]);
    expect(tail.findings[0].message).toContain('可改为 3048.19');
    const wrong = check('人员经费3049.19万元。');
    expect(wrong.findings.map((f) => [f.rule, f.severity, f.cells.map(refText)])).toEqual([
      ['N1', 'error', ['公开06表 一般公共预算财政拨款基本支出决算表!C37']],
    ]);
    expect(wrong.figures[0]).toMatchObject({ status: 'error', expected: 3048.19 });
  });

  it('a 项 named by its code or by an unambiguous name is tied; an ambiguous name is 未核对 with the reason', () => {
    expect(check('2150805-中小企业发展专项 9558.69 万元。').figures[0]).toMatchObject({ status: 'ok', subject: '2150805-中小企业发展专项' });
    expect(check('中小企业发展专项 9558.69 万元。').figures[0]).toMatchObject({ status: 'ok' });
    const ambiguous = check('行政运行 5.00 万元。').figures[0];
    expect(ambiguous.status).toBe('unverified');
    expect(ambiguous.note).toContain('2011101');
    expect(check('2150517-产业发展 3.00 万元。').findings.map((f) => f.rule)).toEqual(['N1']);
  });

  it('a figure whose subject cannot be told is 未核对 with the reason, never skipped', () => {
    const r = check('本年度发放慰问金 12.00 万元。');
    expect(r.figures).toHaveLength(1);
    expect(r.figures[0]).toMatchObject({ status: 'unverified' });
    expect(r.figures[0].note).toMatch(/无法从句子确定/);
    expect(r.findings).toEqual([]);
  });

  it('parts of a whole that make it up must add up', () => {
    expect(rules('基本支出3457.09万元。其中，人员支出3219.78万元，公用支出237.31万元。')).toEqual([]);
    expect(rules('基本支出3457.09万元。其中，人员支出3219.78万元，公用支出238.31万元。')).toEqual(['N1 error']);
  });
});

describe('N2 shares and rates', () => {
  it('a 类 share is recomputed from the 一般公共预算 total', () => {
    const ok = check('三、一般公共预算财政拨款支出决算情况说明\n一般公共服务支出2264.35万元，占一般公共预算财政拨款支出的14.22%。');
    expect(ok.figures.map((f) => f.status)).toEqual(['ok', 'ok']);
    const wrong = check('三、一般公共预算财政拨款支出决算情况说明\n一般公共服务支出2264.35万元，占一般公共预算财政拨款支出的14.30%。');
    expect(wrong.findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['N2', 'error', 14.22]]);
  });

  it('增长 with 减少 is a contradiction; a rate that does not follow from the change is an error', () => {
    expect(rules('人员经费3048.19万元，较上年减少100.00万元，增长3.39%。')).toEqual(['N2 error']);
    expect(rules('人员经费3048.19万元，较上年增加100.00万元，增长3.39%。')).toEqual([]);
    expect(rules('人员经费3048.19万元，较上年增加100.00万元，增长3.49%。')).toEqual(['N2 error']);
  });
});

describe('N3, N5, N8', () => {
  it('大于/小于预算 must agree with the completion rate the text gives', () => {
    expect(rules('公务接待费支出 0.99 万元，完成全年预算的 32.83%，小于预算，主要原因是压减接待。')).toEqual([]);
    expect(rules('公务接待费支出 0.99 万元，完成全年预算的 32.83%，大于预算，主要原因是压减接待。')).toEqual(['N3 error']);
  });

  it('机关运行经费 other than 06 公用经费合计 is a 提示 (N5)', () => {
    expect(rules('机关运行经费 240.00 万元。')).toEqual(['N5 warning']);
    expect(rules('机关运行经费 237.31 万元。')).toEqual([]);
  });

  it('元 written for 万元 (N8)', () => {
    const r = check('人员经费3048.19元。');
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['N8', 'error']]);
  });
});

describe('N6, N7, N9 text checks', () => {
  it('placeholders and unfilled alternatives, the draft’s 【请填写…】 included', () => {
    expect(rules('本单位收入总计XX万元。')).toEqual(['N6 error']);
    expect(rules('主要原因是××××。')).toEqual(['N6 error']);
    expect(rules('某某项目支出增加。')).toEqual(['N6 error']);
    expect(rules('主要原因是【请填写主要原因】。')).toEqual(['N6 error']);
    expect(rules('较上年增加（减少）。')).toEqual(['N6 error']);
    expect(rules('决算数大于（小于）预算数。')).toEqual(['N6 error']);
    expect(rules('主要原因是……。')).toEqual(['N6 error']);
  });

  it('the year: 截至YYYY年12月31日 and a sentence opening with another year', () => {
    expect(rules('截至 2023 年 12 月 31 日，本单位共有车辆 2 辆。')).toEqual(['N7 error']);
    expect(rules('截至 2024 年 12 月 31 日，本单位共有车辆 2 辆。')).toEqual([]);
    expect(rules('2023年度本单位收入总计16094.58万元。')).toEqual(['N7 error']);
    expect(rules('主要原因是 2023 年度部分购房补贴在本科目列支。')).toEqual([]);
  });

  it('a unit name other than the tables’', () => {
    expect(rules('福州市财政局2024年度决算。')).toEqual(['N7 error']);
    expect(rules('福州市工业和信息化局2024年度决算。')).toEqual([]);
    expect(rules('福州市财政局（本级）收入总计16094.58万元。')).toEqual(['N7 error']);
    // Another body named in passing is not the unit.
    expect(rules('主要原因是按福州市财政局要求调整列支科目。')).toEqual([]);
  });

  it('a rate without %, doubled punctuation (提示)', () => {
    expect(rules('人员经费3048.19万元，较上年增加100.00万元，增长3.39。')).toEqual(['N9 warning']);
    expect(rules('主要原因是人员增加。。')).toEqual(['N9 warning']);
    expect(rules('主要原因是人员增加，，经费增加。')).toEqual(['N9 warning']);
  });

  it('a text without any figure is a 提示 (N10), not a crash', () => {
    const r = check('本单位认真落实过紧日子要求。');
    expect(r.figures).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['N10', 'warning']]);
    expect(r.findings[0].message).toContain('没有找到任何金额');
  });

  it('quotes the sentence (at most 100 characters) and gives its paragraph and sentence', () => {
    const long = `本单位收入总计XX万元，${'说明文字'.repeat(40)}。`;
    const f = check(`标题\n${long}`).findings[0];
    expect(f.location).toEqual({ paragraph: 2, sentence: 1 });
    const quoted = /“(.*)”：/.exec(f.message)![1];
    expect(quoted.length).toBeLessThanOrEqual(100);
    expect(long.startsWith(quoted.slice(0, -1))).toBe(true);
  });
});

describe('N2: the 类 shares of the 一般公共预算 structure add up to 100%', () => {
  // 05's 类 in Fuzhou: 201 2264.35, 205 10.25, 206 29.84, 208 1482.07, 210 799.88, 211 154.78, 215 10714.28,
  // 221 267.55, 229 200.00 of 15922.99.
  const structure = (last: string) =>
    [
      '三、一般公共预算财政拨款支出决算情况说明',
      '一般公共服务支出2264.35万元，占一般公共预算财政拨款支出的14.22%；教育支出10.25万元，占一般公共预算财政拨款支出的0.06%；',
      '科学技术支出29.84万元，占一般公共预算财政拨款支出的0.19%；社会保障和就业支出1482.07万元，占一般公共预算财政拨款支出的9.31%；',
      '卫生健康支出799.88万元，占一般公共预算财政拨款支出的5.02%；节能环保支出154.78万元，占一般公共预算财政拨款支出的0.97%；',
      '资源勘探工业信息等支出10714.28万元，占一般公共预算财政拨款支出的67.29%；住房保障支出267.55万元，占一般公共预算财政拨款支出的1.68%；',
      last,
    ].join('\n');

  it('a complete list adding up to 100% (within rounding) gives nothing', () => {
    const r = check(structure('其他支出200.00万元，占一般公共预算财政拨款支出的1.26%。'));
    expect(r.figures.filter((f) => f.kind === 'share').map((f) => f.status)).toEqual(new Array(9).fill('ok'));
    expect(r.findings).toEqual([]);
  });

  it('a list without every 类 of the table is not summed (it need not reach 100%)', () => {
    expect(check(structure('')).findings).toEqual([]);
  });

  it('a share mistyped is an error at its sentence, and the sum a 提示', () => {
    const r = check(structure('其他支出200.00万元，占一般公共预算财政拨款支出的2.26%。'));
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['N2', 'error'],
      ['N2', 'warning'],
    ]);
    expect(r.findings[1].message).toContain('各类支出的占比相加为 101.00%');
  });
});

test('本年支出合计 is the unit’s whole spending (01) even in the 一般公共预算 section', () => {
  const r = check('三、一般公共预算财政拨款支出决算情况说明\n2024年度一般公共预算财政拨款支出15922.99万元，占本年支出合计的98.93%。');
  expect(r.figures.map((f) => [f.kind, f.status])).toEqual([
    ['amount', 'ok'],
    ['share', 'ok'],
  ]);
  expect(r.figures[1].cells.map(refText)).toEqual(['公开01表 收入支出决算总表!D32']);
});

test('full-width digits, points and ％ are read like half-width ones; the text is quoted as written', () => {
  const r = check('人员经费３０４８．１９万元，较上年增加１００．００万元，增长３．３９％。');
  expect(r.figures.map((f) => [f.kind, f.value, f.status])).toEqual([
    ['amount', 3048.19, 'ok'],
    ['change', 100, 'ok'],
    ['rate', 3.39, 'ok'],
  ]);
  expect(r.figures[0].text).toBe('３０４８．１９万元');
});
