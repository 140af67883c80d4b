// The 项目常规自评表 for 决算-year projects (R18) reader: the example's figures as the builder laid them out,
// every fujian-2018 R18 rule broken on a copy (its finding at the cell) and bad input reported in Chinese.
import { refText } from '../../src/core/cells';
import { FUJIAN_2018_FORMS } from '../../src/core/performance/rubrics/fujian-2018';
import { buildR18, R18_DATA } from '../../scripts/examples/fujian-forms';
import { builtForm, setCell } from './helpers';

const built = buildR18();
const R18 = FUJIAN_2018_FORMS['fujian-2018-r18'];
const { read, check, a1, findingsOf, at } = builtForm(built);
const nameOf = (id: string) => R18.rules.find((r) => r.id === id)!.name;

describe('R18 example as read', () => {
  const r = read();
  const form = r.fujian![0];
  const rows = form.evaluation.rows;
  const row = (id: string) => rows.find((x) => x.rule === id)!;

  it('is told by 一 基础信息 (printed vertically) and read without problems', () => {
    expect(form.formId).toBe('fujian-2018-r18');
    expect(form.evaluation.project).toBe(R18_DATA.project);
    expect(r.findings).toEqual([]);
  });

  it('reads the 13 common rows, the 个性 rows and the 调整指标 with 分值 and 得分 at their cells', () => {
    expect(rows.filter((x) => x.rule.startsWith('R18.C')).map((x) => [x.rule, x.score])).toEqual(Object.entries(built.common));
    expect(rows.filter((x) => x.rule === 'R18.I').map((x) => x.name)).toEqual(R18_DATA.individual);
    expect(rows.filter((x) => x.rule === 'R18.I').every((x) => x.weight === R18_DATA.individualWeight)).toBe(true);
    expect(row('R18.A01')).toMatchObject({ weight: 2, score: 2 - R18_DATA.inspectionIssues });
    expect(refText(row('R18.C07').cells!.score!)).toBe(a1(`score:${nameOf('R18.C07')}`));
  });

  it('takes what the 投入/目标 rules read from the 资金 and 目标 blocks (builder inputs)', () => {
    const [, current, carried] = R18_DATA.funds;
    const t = R18_DATA.targets;
    expect(row('R18.C02').inputs).toEqual({ numerator: current[4], denominator: current[2] });
    expect(row('R18.C03').inputs).toEqual({ numerator: current[4], denominator: current[3] });
    expect(row('R18.C04').inputs).toEqual({ numerator: carried[4], denominator: carried[2] });
    expect(row('R18.C08').inputs).toEqual({ count: t.length });
    expect(row('R18.C09').inputs).toEqual({ count: new Set(t.map((x) => x[1])).size });
    const mean = t.reduce((a, x) => a + x[6] / x[4], 0) / t.length;
    expect(row('R18.C10').inputs.ratio).toBeCloseTo(mean, 4);
    const income = row('R18.I');
    const target = t.find((x) => x[2] === income.name)!;
    expect(income.inputs).toEqual({ numerator: target[6], denominator: target[4] });
    expect(row('R18.C05').unprinted).toBe(true);
  });

  it('reads 总分值 (50 + Σ个性 + 2), S and the ticked grade; the unmutated example passes every rule', () => {
    expect(form.evaluation.totalWeight).toBe(50 + R18_DATA.individual.length * R18_DATA.individualWeight + 2);
    expect(form.evaluation.total).toBe(built.total);
    expect(form.evaluation.grade).toBe(built.grade);
    expect(check(built.layout).findings).toEqual([]);
  });
});

describe('R18 rules broken on a copy', () => {
  // Each common rule and the 调整指标: a score the rule cannot give (its own score − 0.3, inside the weight).
  it.each(R18.rules.filter((r) => r.part !== 'individual').map((r) => [r.id, r.ruleText.slice(0, 24)]))(
    '%s 「%s…」 broken → F1 at its 得分 cell',
    (id) => {
      const key = id === 'R18.A01' ? 'score:调整指标' : `score:${nameOf(id)}`;
      const own = id === 'R18.A01' ? 2 - R18_DATA.inspectionIssues : built.common[id];
      const wrong = own >= 0.3 ? own - 0.3 : own + 0.3;
      const fs = findingsOf([[key, wrong]]);
      expect(at(fs, 'F1', key)).toHaveLength(1);
    },
  );

  it('R18.I 个性 「分值×完成值/目标值」 broken → F1 at its 得分 cell', () => {
    const key = `score:${R18_DATA.individual[2]}`;
    expect(at(findingsOf([[key, 7]]), 'F1', key)).toHaveLength(1);
  });

  it('F2 a score above its 分值 → error at that cell', () => {
    const key = `score:${nameOf('R18.C07')}`;
    expect(at(findingsOf([[key, 1.5]]), 'F2', key)).toHaveLength(1);
  });

  it('F3 「共性指标体系(50%)」: a common 分值 changed → error at that cell and Σ共性 ≠ 50', () => {
    const key = `weight:${nameOf('R18.C01')}`;
    const fs = findingsOf([[key, 6]]);
    expect(at(fs, 'F3', key)).toHaveLength(1);
    expect(fs.some((f) => f.rule === 'F3' && f.message.includes('应为50'))).toBe(true);
  });

  it('F3 printed 总分值 ≠ 50 + Σ个性 + 2 → error at the 总分值 cell', () => {
    expect(at(findingsOf([['totalWeight', 100]]), 'F3', 'totalWeight')).toHaveLength(1);
  });

  it('F4 S ≠ Σ 得分 → error at the S cell', () => {
    expect(at(findingsOf([['total', built.total + 2]]), 'F4', 'total')).toHaveLength(1);
  });

  it('F5 the grade of the raw S (no rescaling to 100): the wrong box → error at the grade cell', () => {
    const wrong = built.grade === '优秀' ? '良好' : '优秀';
    const text = ['优秀', '良好', '合格', '不合格'].map((g) => `${g === wrong ? '■' : '□'}${g}`).join(' ');
    expect(at(findingsOf([['grade', text]]), 'F5', 'grade')).toHaveLength(1);
  });

  it('F6 a 个性 分值 printed `/` → error at the 分值 cell', () => {
    const key = `weight:${R18_DATA.individual[0]}`;
    expect(at(findingsOf([[key, '/']]), 'F6', key)).toHaveLength(1);
  });
});

describe('R18 bad input', () => {
  it('text in a 得分 cell → a Chinese message naming sheet and cell', () => {
    const key = `score:${nameOf('R18.C02')}`;
    const fs = check(setCell(built.layout, built.at[key], '约4.69')).findings;
    expect(fs).toContainEqual(expect.objectContaining({ rule: 'F0', message: `${a1(key)}：得分“约4.69”不是数字。` }));
  });

  it('the 共性 block missing → a Chinese message naming the form’s first cell, nothing scored', () => {
    const cut = setCell(built.layout, { row: built.at[`score:${nameOf('R18.C01')}`].row - 2, col: 0 }, null);
    const r = read(cut);
    const first = refText({ sheet: built.layout.name, row: 1, col: 0 });
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'F0', message: `${first}：常规自评表（R18）缺少“四.绩效自评共性指标体系”。` }));
    expect(r.fujian![0].evaluation.rows).toEqual([]);
  });
});
