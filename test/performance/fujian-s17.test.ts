// The 项目简易自评表 (S17) reader: the example's figures as the builder laid them out, every fujian-2018 S17
// rule broken on a copy (its finding at the cell) and bad input reported in Chinese with sheet and cell.
import { refText } from '../../src/core/cells';
import { buildS17, S17_DATA } from '../../scripts/examples/fujian-forms';
import { builtForm, setCell } from './helpers';

const built = buildS17();
const { read, check, a1, findingsOf, at } = builtForm(built);

describe('S17 example as read', () => {
  const r = read();
  const form = r.fujian![0];

  it('is told by its content (项目名称 … 分值（E）), not its heading 「四、项目常规自评表」', () => {
    expect(form.formId).toBe('fujian-2018-s17');
    expect(r.projects).toHaveLength(0);
    expect(r.findings).toEqual([]);
  });

  it('reads every used slot: 分值 E, 得分 F and D = C/A or C/B from the builder inputs', () => {
    const used = S17_DATA.indicators.filter((i) => i[2] !== null);
    expect(form.evaluation.rows.map((x) => x.name)).toEqual(used.map((i) => i[2]));
    expect(form.evaluation.rows.map((x) => x.weight)).toEqual(used.map((i) => i[7]));
    expect(form.evaluation.rows.map((x) => x.score)).toEqual(built.scores);
    expect(form.evaluation.rows.map((x) => x.inputs)).toEqual(used.map((i) => ({ numerator: i[5], denominator: i[3] ?? i[4] })));
    expect(refText(form.evaluation.rows[1].cells!.score!)).toBe(a1(`score:${used[1][2]}`));
  });

  it('reads 总权重 100, S and the ticked grade', () => {
    expect(form.evaluation.totalWeight).toBe(100);
    expect(form.evaluation.total).toBe(built.total);
    expect(form.evaluation.grade).toBe(built.grade);
  });

  it('the unmutated example passes every rule', () => {
    expect(check(built.layout).findings).toEqual([]);
    expect(check(built.layout).projects[0]).toMatchObject({ project: S17_DATA.project, printedTotal: built.total, grade: built.grade });
  });
});

describe('S17 printed D when C is missing (§4: ratios with or without %)', () => {
  it.each([
    [1, '96%', 0.96],
    [3, '1.05', 1.05],
    [4, '97.78%', 0.9778],
    [0, '100', 1],
  ])('slot %i, D printed %s → ratio %d', (i, printed, ratio) => {
    const name = S17_DATA.indicators.filter((x) => x[2] !== null)[i][2]!;
    const at = built.at[`score:${name}`];
    const layout = setCell(setCell(built.layout, { row: at.row, col: 6 }, '/'), { row: at.row, col: 7 }, printed);
    const row = read(layout).fujian![0].evaluation.rows[i];
    expect(row.inputs).toEqual({ ratio });
  });
});

describe('S17 rules broken on a copy', () => {
  const names = S17_DATA.indicators.filter((i) => i[2] !== null).map((i) => i[2]!);

  it('F1 「得分F为分值E×完成比例D」: a score off by 0.5 → error at that 得分 cell', () => {
    const fs = findingsOf([[`score:${names[3]}`, built.scores[3] - 0.5]]);
    expect(at(fs, 'F1', `score:${names[3]}`)).toHaveLength(1);
  });

  it('F2 「最高不超过分值E」: a score above its 分值 → error at that cell', () => {
    expect(at(findingsOf([[`score:${names[0]}`, 13]]), 'F2', `score:${names[0]}`)).toHaveLength(1);
  });

  it('F3 「各指标分值的差不得超过5分」: 分值 12 → 22 breaks the spread and Σ E = 100', () => {
    const fs = findingsOf([[`weight:${names[0]}`, 22]]);
    expect(fs.filter((f) => f.rule === 'F3').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('不得超过5'), expect.stringContaining('应为100')]),
    );
  });

  it('F3 printed 总权重 differs from Σ 分值 → error at the 总权重 cell', () => {
    expect(at(findingsOf([['totalWeight', 95]]), 'F3', 'totalWeight')).toHaveLength(1);
  });

  it('F4 「评价总分（S）」 = Σ F: S off by 1 → error at the S cell', () => {
    expect(at(findingsOf([['total', built.total - 1]]), 'F4', 'total')).toHaveLength(1);
  });

  it('F5 评价等级: the wrong box ticked → error at the grade cell', () => {
    expect(at(findingsOf([['grade', '□优秀（S≧90） ■良好（90﹥S≧75） □合格（75﹥S≧60） □不合格（60﹥S）']]), 'F5', 'grade')).toHaveLength(1);
  });

  it('评价等级 with no box ticked → 提示 at the grade cell (nothing guessed); two ticked → error', () => {
    const none = findingsOf([['grade', '□优秀（S≧90） □良好（90﹥S≧75） □合格（75﹥S≧60） □不合格（60﹥S）']]);
    expect(at(none, 'F0', 'grade').map((f) => f.severity)).toEqual(['warning']);
    const two = findingsOf([['grade', '■优秀（S≧90） √良好（90﹥S≧75） □合格（75﹥S≧60） □不合格（60﹥S）']]);
    expect(at(two, 'F0', 'grade').map((f) => f.message)).toEqual([`${a1('grade')}：评价等级勾选了2项（优秀、良好），只能勾选一项。`]);
  });

  it('F6 分值 printed `/` → error naming the 分值 cell', () => {
    expect(at(findingsOf([[`weight:${names[2]}`, '/']]), 'F6', `weight:${names[2]}`)).toHaveLength(1);
  });
});

describe('S17 bad input', () => {
  it('text in a 得分 cell → a Chinese message naming sheet and cell', () => {
    const key = `score:${S17_DATA.indicators[0][2]}`;
    const fs = check(setCell(built.layout, built.at[key], '满分')).findings;
    expect(fs).toContainEqual(expect.objectContaining({ rule: 'F0', severity: 'error', message: `${a1(key)}：得分“满分”不是数字。` }));
  });

  it('the 总权重、评价总分 row missing → a Chinese message naming the sheet and the form’s first cell', () => {
    const cut = { ...built.layout, cells: built.layout.cells.filter((c) => c.row !== built.at.total.row) };
    const first = refText({ sheet: built.layout.name, row: 1, col: 0 });
    expect(read(cut).findings).toContainEqual(
      expect.objectContaining({ rule: 'F0', message: `${first}：简易自评表缺少“总权重、评价总分（S）”行。` }),
    );
  });

  it('without the 分值（E） header the sheet is no 简易 form: nothing is read, nothing guessed', () => {
    const cut = { ...built.layout, cells: built.layout.cells.filter((c) => c.row < 9) };
    expect(read(cut).fujian).toBeUndefined();
  });
});
