// The Fuzhou 2024 情况说明 (第三部分 of the published document, as printed) against the example's tables:
// what is tied, what agrees, the real problems found, and the mutation property.
import fc from 'fast-check';
import { refText } from '../../src/core/cells';
import type { FinalAccounts } from '../../src/core/model';
import { checkNarrative, type NarrativeCheckResult } from '../../src/app/narrative-check';
import { figureCounts } from '../../src/core/narrative';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';
import { readFixture } from '../helpers/fixtures';

const TEXT = readFixture('fuzhou-gxj-2024/narrative.txt');
let accounts: FinalAccounts;
let result: NarrativeCheckResult;

beforeAll(async () => {
  accounts = readAccounts(await snapshotOf(FUZHOU_XLSX)).accounts;
  result = checkNarrative(TEXT, accounts);
});

/** The value of a table cell as the accounts hold it, in 万元 (for an independent comparison). */
function cellValue(ref: string): number | undefined {
  for (const t of Object.values(accounts.tables)) {
    for (const r of t!.rows) for (const c of Object.values(r.cells)) if (c?.ref && refText(c.ref) === ref) return c.minor / 1_000_000;
  }
  return undefined;
}

describe('Fuzhou 2024 情况说明', () => {
  it('ties at least 90 figures to a table cell or recomputes them', () => {
    const c = figureCounts(result.figures);
    expect(c.checked).toBeGreaterThanOrEqual(90);
    // Every figure is listed: the ones not checked carry their reason.
    for (const f of result.figures.filter((x) => x.status === 'unverified')) expect(f.note).toMatch(/\S/);
  });

  it('reports the figures that agree as agreeing: each tied amount equals its cell', () => {
    const tied = result.figures.filter(
      (f) => f.kind === 'amount' && f.cells.length === 1 && f.subject && !/政府采购|人员支出|公用支出|绩效/.test(f.subject),
    );
    expect(tied.length).toBeGreaterThanOrEqual(40);
    for (const f of tied) {
      expect({ text: f.sentence.text, status: f.status }).toEqual({ text: f.sentence.text, status: 'ok' });
      expect(cellValue(refText(f.cells[0]))).toBeCloseTo(f.value, 6);
    }
    const byText = (subject: string, kind: string) => result.figures.find((f) => f.subject === subject && f.kind === kind)!;
    expect(refText(byText('人员经费', 'amount').cells[0])).toBe('公开06表 一般公共预算财政拨款基本支出决算表!C37');
    expect(refText(byText('机关运行经费', 'amount').cells[0])).toBe('公开06表 一般公共预算财政拨款基本支出决算表!I37');
    // 购房补贴: 72.12 on 78.97 gives 1052.85% at face value, 1054.39% with the prior year at 6.84: within rounding.
    expect(byText('2210203-购房补贴', 'rate').status).toBe('ok');
    // A 项 the unit did not spend on this year is absent from 05: 0.00 agrees, its 100% fall too.
    expect(byText('2150517-产业发展', 'amount')).toMatchObject({ status: 'ok', expected: 0 });
    expect(byText('2150517-产业发展', 'rate').status).toBe('ok');
    // 人员支出 + 公用支出 (all funds) are in no table but add up to 03's 基本支出.
    expect(byText('人员支出', 'amount')).toMatchObject({ status: 'ok' });
    expect(refText(byText('人员支出', 'amount').cells[0])).toBe('公开03表 支出决算表!D6');
  });

  it('finds the real problems, and nothing else', () => {
    const n = result.findings.map((f) => ({ rule: f.rule, severity: f.severity, paragraph: f.location?.paragraph, sentence: f.location?.sentence }));
    expect(n).toEqual([
      // 改贴息费用增加 850.23 万元。。
      { rule: 'N9', severity: 'warning', paragraph: 49, sentence: 1 },
      // 涉及财政拨款资金共计 105500.12 万元: 6.6 times all the unit's 财政拨款 spending.
      { rule: 'N1', severity: 'warning', paragraph: 77, sentence: 1 },
      // 服务采购授予中小企业合同金额占服务支出金额的 0.00%, while 4882.27 of 4897.37 went to 中小企业.
      { rule: 'N2', severity: 'error', paragraph: 82, sentence: 2 },
    ]);
    const procurement = result.findings.find((f) => f.rule === 'N2')!;
    expect(procurement.message).toContain('政府采购服务支出的占比应约为 99.80%');
    expect(procurement.message.startsWith('第82段“授予中小企业合同金额 4882.27 万元')).toBe(true);
    const wrong = result.figures.filter((f) => f.status === 'error');
    expect(wrong.map((f) => f.subject)).toEqual(['服务采购授予中小企业合同金额占服务支出金额']);
  });
});

/** The text with the `occurrence`-th copy of `figureText` in `sentence` changed by `edit`. */
function editFigure(text: string, sentence: string, figureText: string, occurrence: number, edit: (t: string) => string): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = sentence.indexOf(figureText, at + 1);
  const changed = sentence.slice(0, at) + edit(figureText) + sentence.slice(at + figureText.length);
  expect(text.includes(sentence)).toBe(true);
  return text.replace(sentence, changed);
}

function occurrenceOf(r: NarrativeCheckResult, index: number): number {
  const f = r.figures[index];
  return r.figures.slice(0, index).filter((g) => g.sentence === f.sentence && g.text === f.text).length;
}

describe('mutation property', () => {
  it('changing any checked amount or share by 0.50 or more gives an error at that sentence', () => {
    const candidates = result.figures
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => (f.kind === 'amount' || f.kind === 'share') && (f.status === 'ok' || f.status === 'tail'));
    expect(candidates.length).toBeGreaterThanOrEqual(60);
    fc.assert(
      fc.property(fc.nat(candidates.length - 1), fc.integer({ min: 50, max: 100_000 }), fc.boolean(), (pick, cents, down) => {
        const { f, i } = candidates[pick];
        const number = /\d[\d,]*(?:\.\d+)?/.exec(f.text)![0];
        const decimals = number.includes('.') ? number.split('.')[1].length : 0;
        const delta = Math.max(cents / 100, decimals === 0 ? 1 : 0.5);
        const next = down && f.value - delta >= 0 ? f.value - delta : f.value + delta;
        const mutated = editFigure(TEXT, f.sentence.text.trim(), f.text, occurrenceOf(result, i), (t) =>
          t.replace(number, next.toFixed(Math.max(decimals, 2))),
        );
        const again = checkNarrative(mutated, accounts);
        // The edit hit the figure meant (same place in the list, new value), not a look-alike.
        expect(again.figures[i].value).toBeCloseTo(next, 6);
        const hit = again.findings.some(
          (g) =>
            g.severity === 'error' &&
            g.location?.paragraph === f.sentence.paragraph &&
            (g.location.sentence === f.sentence.sentence || /组成部分/.test(g.message)),
        );
        expect({ figure: f.text, sentence: f.sentence.text, next, hit }).toMatchObject({ hit: true });
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('flipping 增加↔减少 (or 增长↔下降) of any change with a rate gives an error at that sentence', () => {
    const changes = result.figures
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => (f.kind === 'change' || f.kind === 'rate') && f.status === 'ok' && f.value !== 0);
    expect(changes.length).toBeGreaterThanOrEqual(50);
    for (const { f, i } of changes) {
      const flip = (t: string) => t.replace(/增加|减少|增长|下降/, (w) => ({ 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长' })[w]!);
      const again = checkNarrative(editFigure(TEXT, f.sentence.text.trim(), f.text, occurrenceOf(result, i), flip), accounts);
      expect(again.figures[i].text).toBe(flip(f.text));
      const hit = again.findings.some(
        (g) => g.severity === 'error' && g.location?.paragraph === f.sentence.paragraph && g.location.sentence === f.sentence.sentence,
      );
      expect({ figure: f.text, sentence: f.sentence.text, hit }).toEqual({ figure: f.text, sentence: f.sentence.text, hit: true });
    }
  });
});
