// Two-line header labels break between words (#15): 对附属单位 / 补助支出, never 对附属单位补 / 助支出.
import { breakAtWords, headerWords, linesWidth } from '../../src/kinds/layout/header-break';
import { layoutAllTables } from '../../src/generator/layout';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { SHANGHAI_2024 } from '../../src/core/profiles/shanghai-2024';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

test.each([
  ['对附属单位补助支出', '对附属单位\n补助支出'],
  ['本年收入合计', '本年收入\n合计'],
  ['附属单位上缴收入', '附属单位\n上缴收入'],
  ['年初结转和结余', '年初结转\n和结余'],
  ['国有资本经营预算财政拨款', '国有资本经营预算\n财政拨款'],
  ['一般公共预算财政拨款收入', '一般公共预算\n财政拨款收入'],
  ['上缴上级支出', '上缴上级\n支出'],
  ['功能分类科目编码', '功能分类\n科目编码'],
])('%s breaks as %j', (text, broken) => {
  expect(breakAtWords(text)).toBe(broken);
  // Nothing is lost or added but the line break.
  expect(breakAtWords(text).replace('\n', '')).toBe(text);
});

test('words are found by longest match; unknown text one character at a time; brackets kept whole', () => {
  expect(headerWords('支出功能分类科目编码')).toEqual(['支出功能分类', '科目编码']);
  expect(headerWords('因公出国（境）费')).toEqual(['因公出国', '（境）', '费']);
  expect(headerWords('甲乙')).toEqual(['甲', '乙']);
  expect(linesWidth('本年收入\n合计')).toBe(8);
});

/** Every header cell of the generated tables: a line break only between two words of the lexicon's segmentation. */
test.each([FUZHOU_2024, SHANGHAI_2024])(
  'no header of the $id tables is broken inside a word, and every column fits its longest line',
  async (profile) => {
    const accounts = readAccounts(await snapshotOf(FUZHOU_XLSX), { profile: 'fuzhou-2024' }).accounts;
    const { tables } = layoutAllTables(accounts, profile, { unitName: '某单位', year: 2024, scope: '单位' });
    let broken = 0;
    for (const t of tables) {
      for (const cell of t.cells) {
        if (typeof cell.value !== 'string' || !cell.value.includes('\n')) continue;
        broken++;
        const [first, second] = cell.value.split('\n');
        const words = headerWords(first + second);
        // The break falls on a word boundary of the whole label.
        let at = 0;
        const boundaries = new Set(words.map((w) => (at += w.length)));
        expect(boundaries.has(first.length)).toBe(true);
        const merge = t.merges.find((m) => m.top === cell.row && m.left === cell.col);
        if (!merge || merge.left === merge.right) expect(t.columnWidths[cell.col]).toBeGreaterThanOrEqual(linesWidth(cell.value));
      }
    }
    expect(broken).toBeGreaterThan(3);
  },
);
