// The 项目常规自评表 for previous-year projects (R17) reader: the example's figures as the builder laid them out,
// every fujian-2018 R17 rule broken on a copy (its finding at the cell) and bad input reported in Chinese.
import { refText } from '../../src/core/cells';
import { FUJIAN_2018_FORMS } from '../../src/core/performance/rubrics/fujian-2018';
import { buildR17, R17_DATA } from '../../scripts/examples/fujian-forms';
import { builtForm, setCell } from './helpers';

const built = buildR17();
const R17 = FUJIAN_2018_FORMS['fujian-2018-r17'];
const { read, check, a1, findingsOf, at } = builtForm(built);
const nameOf = (id: string) => R17.rules.find((r) => r.id === id)!.name;

describe('R17 example as read', () => {
  const r = read();
  const form = r.fujian![0];
  const rows = form.evaluation.rows;
  const row = (id: string) => rows.find((x) => x.rule === id)!;

  it('is told by 一.单位基本信息 (not its heading) and read without problems; the project from 名称：', () => {
    expect(form.formId).toBe('fujian-2018-r17');
    expect(form.evaluation.project).toBe(R17_DATA.project);
    expect(r.findings).toEqual([]);
  });

  it('reads the 16 common rows (权重 printed 6% = 6 points) and the 个性 rows once despite the repeated page header', () => {
    expect(rows.filter((x) => x.rule.startsWith('R17.C')).map((x) => [x.rule, x.score])).toEqual(Object.entries(built.common));
    expect(rows.filter((x) => x.rule.startsWith('R17.C')).map((x) => x.weight)).toEqual(
      R17.rules.filter((x) => x.part === 'common').map((x) => x.weight),
    );
    const ind = rows.filter((x) => !x.rule.startsWith('R17.C'));
    expect(ind.map((x) => [x.rule, x.name, x.weight])).toEqual(R17_DATA.individual);
    expect(ind.map((x) => x.score)).toEqual(built.individual);
    expect(refText(row('R17.C10').cells!.score!)).toBe(a1(`score:${nameOf('R17.C10')}`));
  });

  it('takes what the rules read from the target and fund blocks (builder inputs)', () => {
    const used = R17_DATA.targets.filter((t) => t[2] !== null);
    const [approved, , , allowed, spent] = R17_DATA.use;
    expect(row('R17.C01').inputs).toEqual({ numerator: used.filter((t) => t[4]! >= t[3]!).length, denominator: used.length });
    expect(row('R17.C02').inputs).toEqual({ numerator: spent, denominator: approved });
    expect(row('R17.C03').inputs).toEqual({ numerator: spent, denominator: allowed });
    expect(row('R17.C05').inputs).toEqual({ count: used.length });
    expect(row('R17.C06').inputs).toEqual({ count: used.filter((t) => t[0] !== '投入').length });
    expect(row('R17.C07').inputs).toEqual({ count: new Set(used.map((t) => t[1])).size });
    expect(row('R17.B01').inputs).toEqual({ numerator: R17_DATA.overall[2], denominator: R17_DATA.overall[0] });
    const x = rows.find((v) => v.name === '受益人口数（人）')!;
    expect(x.inputs.ratio).toBeCloseTo(18000 / 20000, 4);
  });

  it('reads 总权重, S and the ticked grade; the unmutated example passes every rule', () => {
    expect(form.evaluation.totalWeight).toBe(built.totalWeight);
    expect(form.evaluation.total).toBe(built.total);
    expect(form.evaluation.grade).toBe(built.grade);
    expect(check(built.layout).findings).toEqual([]);
  });
});

describe('R17 rules broken on a copy', () => {
  it.each(R17.rules.filter((r) => r.part === 'common').map((r) => [r.id, r.ruleText.slice(0, 24)]))(
    '%s 「%s…」 broken → F1 at its 得分 cell',
    (id) => {
      const key = `score:${nameOf(id)}`;
      const own = built.common[id];
      const fs = findingsOf([[key, own >= 0.3 ? own - 0.3 : own + 0.3]]);
      expect(at(fs, 'F1', key)).toHaveLength(1);
    },
  );

  it.each(R17_DATA.individual.map(([id, name], i) => [id, name, i]))('%s %s (个性) broken → F1 at its 得分 cell', (_id, name, i) => {
    const key = `score:${name}`;
    const own = built.individual[i as number];
    expect(at(findingsOf([[key, own - 0.3]]), 'F1', key)).toHaveLength(1);
  });

  it('F2 a score above its 权重 → error at that cell', () => {
    const key = `score:${nameOf('R17.C10')}`;
    expect(at(findingsOf([[key, 3]]), 'F2', key)).toHaveLength(1);
  });

  it('R17.K1 「共性指标体系（64%）」: a common 权重 changed → error at that cell and Σ共性 ≠ 64', () => {
    const key = `weight:${nameOf('R17.C05')}`;
    const fs = findingsOf([[key, '4%']]);
    expect(at(fs, 'F3', key)).toHaveLength(1);
    expect(fs.some((f) => f.rule === 'F3' && f.message.includes('应为64'))).toBe(true);
  });

  it('R17.K4 「单个评价指标权重不得超过6%且…权重差不得超过0.5%」', () => {
    const key = `weight:${R17_DATA.individual[4][1]}`;
    const over = findingsOf([[`weight:${R17_DATA.individual[0][1]}`, '6.5%']]).filter((f) => f.rule === 'F3');
    expect(over.some((f) => f.message.includes('不得超过6'))).toBe(true);
    const spread = findingsOf([[key, '5%']]).filter((f) => f.rule === 'F3');
    expect(spread.some((f) => f.message.includes('不得超过0.5'))).toBe(true);
  });

  it('R17.K5 「个性评价指标总权重如达不到36%按实计分」: a 7th 个性 indicator takes Σ个性 above 36 → error; 35.5 (below) is not rescaled', () => {
    const more = buildR17({ ...R17_DATA, individual: [...R17_DATA.individual, ['R17.X', '工程按期完工率', 6]] });
    const fs = check(more.layout).findings.filter((f) => f.rule === 'F3');
    expect(fs.map((f) => f.message)).toContainEqual(expect.stringContaining('超过36'));
    expect(check(built.layout).projects[0]).toMatchObject({ printedTotal: built.total, recomputedTotal: built.total });
  });

  it('R17.K6 F4 S ≠ Σ 得分 → error at the S cell; 总权重 ≠ Σ 权重 → error at the 总权重 cell', () => {
    expect(at(findingsOf([['total', built.total + 1]]), 'F4', 'total')).toHaveLength(1);
    expect(at(findingsOf([['totalWeight', '100%']]), 'F3', 'totalWeight')).toHaveLength(1);
  });

  it('F5 the wrong grade box → error at the grade cell', () => {
    const wrong = built.grade === '优秀' ? '良好' : '优秀';
    const text = ['优秀', '良好', '合格', '不合格'].map((g) => `${g === wrong ? '√' : '□'}${g}`).join(' ');
    expect(at(findingsOf([['grade', text]]), 'F5', 'grade')).toHaveLength(1);
  });

  it('F6 a 个性 权重 printed `/` → error at the 权重 cell', () => {
    const key = `weight:${R17_DATA.individual[2][1]}`;
    expect(at(findingsOf([[key, '/']]), 'F6', key)).toHaveLength(1);
  });
});

describe('R17 bad input', () => {
  it('text in a 得分 cell → a Chinese message naming sheet and cell', () => {
    const key = `score:${nameOf('R17.C08')}`;
    const fs = check(setCell(built.layout, built.at[key], '较好')).findings;
    expect(fs).toContainEqual(expect.objectContaining({ rule: 'F0', message: `${a1(key)}：得分“较好”不是数字。` }));
  });

  it('the 个性 block missing → a Chinese message naming the form’s first cell', () => {
    const titleRow = built.layout.cells.find((c) => String(c.value).startsWith('五.绩效自评个性指标体系'))!.row;
    const cut = { ...built.layout, cells: built.layout.cells.filter((c) => !String(c.value).startsWith('五.绩效自评个性指标体系')) };
    expect(titleRow).toBeGreaterThan(0);
    const first = refText({ sheet: built.layout.name, row: 1, col: 0 });
    expect(read(cut).findings).toContainEqual(
      expect.objectContaining({ rule: 'F0', message: `${first}：常规自评表（R17）缺少“五.绩效自评个性指标体系(36%)”。` }),
    );
  });
});
