// Reading the 情况说明: from text (paragraphs per line) and from a sheet (one paragraph per row, with its cell),
// which sheet is taken, and that no text whatever makes the check throw.
import fc from 'fast-check';
import { checkNarrative } from '../../src/app/narrative-check';
import { refText } from '../../src/core/cells';
import type { FinalAccounts } from '../../src/core/model';
import { sentencesOf } from '../../src/core/narrative';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/port/snapshot';
import { findNarrativeSheet, narrativeFromSheet, narrativeFromText } from '../../src/readers/narrative';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

const sheet = (name: string, values: SheetSnapshot['values'], originRow = 0, originCol = 0): SheetSnapshot => ({
  name,
  originRow,
  originCol,
  values,
  merges: [],
});

describe('narrative from text', () => {
  it('one paragraph per non-blank line (CRLF, BOM), text kept exactly as written', () => {
    const doc = narrativeFromText('\uFEFF一、收入支出决算总体情况说明\r\n\r\n  收入总计16094.58万元。  \n', { kind: 'txt', name: 'a.txt' });
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['一、收入支出决算总体情况说明', '  收入总计16094.58万元。  ']);
    const s = sentencesOf(doc);
    expect(s.map((x) => [x.paragraph, x.sentence, x.topic])).toEqual([
      [1, 1, 'overall'],
      [2, 1, 'overall'],
    ]);
  });
});

describe('narrative from a sheet', () => {
  it('takes the sheet named 情况说明, then one whose name holds it, then one whose first text says it', () => {
    const a = sheet('表1', [['收入支出决算总表']]);
    const b = sheet('说明', [[null, '2024年度单位决算情况说明'], ['一、总体']]);
    const c = sheet('情况说明（草稿）', [['草稿']]);
    const d = sheet(' 情况说明 ', [['正文']]);
    const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });
    expect(findNarrativeSheet(book(a, b, c, d))?.name).toBe(' 情况说明 ');
    expect(findNarrativeSheet(book(a, b, c))?.name).toBe('情况说明（草稿）');
    expect(findNarrativeSheet(book(a, b))?.name).toBe('说明');
    expect(findNarrativeSheet(book(a))).toBeNull();
  });

  it('one paragraph per row, located at its first text cell (origin included); blank rows skipped', () => {
    const doc = narrativeFromSheet(sheet('情况说明', [['一、收入支出决算总体情况说明'], [null], [null, '收入总计', '16094.58万元。']], 3, 1));
    expect(doc.source).toEqual({ kind: 'sheet', name: '情况说明' });
    expect(doc.paragraphs.map((p) => [p.text, refText(p.cell!)])).toEqual([
      ['一、收入支出决算总体情况说明', '情况说明!B4'],
      ['收入总计16094.58万元。', '情况说明!C6'],
    ]);
  });
});

describe('no text makes the check throw', () => {
  let accounts: FinalAccounts;
  beforeAll(async () => {
    accounts = readAccounts(await snapshotOf(FUZHOU_XLSX)).accounts;
  });

  it('arbitrary text built from narrative fragments gives figures and findings, never an exception', () => {
    const fragment = fc.constantFrom(
      '收入总计',
      '支出',
      '2011101-行政运行',
      '行政运行',
      '增加',
      '减少',
      '增长',
      '下降',
      '占',
      '的',
      '其中',
      '，',
      '。',
      '；',
      '万元',
      '元',
      '%',
      '％',
      '个',
      '（',
      '）',
      '【请填写】',
      'XX',
      '截至2023年12月31日',
      '大于预算',
      '完成全年预算的',
      '政府采购支出总额',
      '授予中小企业合同金额',
      '货物采购授予中小企业合同金额占货物支出金额的',
      '\n',
      '一、',
      '三公',
      '机关运行经费',
    );
    const number = fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => x.toFixed(2)),
    );
    const text = fc.array(fc.oneof(fragment, number, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const r = checkNarrative(t, accounts);
        for (const f of r.figures) expect(['ok', 'tail', 'error', 'warning', 'unverified']).toContain(f.status);
        for (const f of r.findings) {
          expect(f.message).not.toMatch(/NaN|undefined|Infinity/);
          expect(f.location).toBeDefined();
        }
      }),
      { numRuns: 300, seed: 1313 },
    );
  });
});
