// Round trip (issue #13 must-show): the draft generated from the Fuzhou working sheets, checked with the
// narrative checker against the tables it came from, gives no N finding other than its own unfilled
// 【请填写…】 placeholders (N6), with and without last year's figures; and through the files: the generated
// workbook's 情况说明（草稿） sheet and the .docx of `final-accounts narrative`, checked by `check`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLastYear } from '../../src/app/last-year';
import { checkNarrative } from '../../src/app/narrative-check';
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import type { Finding } from '../../src/core/findings';
import { FUZHOU_WORKINGS, lastYearWorkbook, lastYearWorkings, workingsSnapshot } from './fuzhou-draft';
import { runCli } from '../helpers/cli';

const PLACEHOLDER = /【请填写[^】]*】/;

/** N findings that are not about a 【请填写…】 the draft left for the officer. */
function otherThanPlaceholders(findings: Array<Pick<Finding, 'rule' | 'message'>>): string[] {
  return findings.filter((f) => /^N\d+$/.test(f.rule) && !(f.rule === 'N6' && PLACEHOLDER.test(f.message))).map((f) => `${f.rule} ${f.message}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'fa-round-trip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the draft checked against the tables it came from', () => {
  it('without last year: only its own placeholders are reported', async () => {
    const r = draftFromWorkbook(await workingsSnapshot());
    const checked = checkNarrative(
      r.draft!.paragraphs.map((p) => ({ text: p.text })),
      r.accounts!,
    );
    expect(otherThanPlaceholders(checked.findings)).toEqual([]);
    // The placeholders are reported, and the figures were really checked.
    expect(checked.findings.filter((f) => f.rule === 'N6').length).toBeGreaterThan(0);
    const ok = checked.figures.filter((f) => f.status === 'ok');
    expect(ok.length).toBeGreaterThanOrEqual(60);
    expect(checked.figures.filter((f) => f.status === 'error')).toEqual([]);
  });

  it('with last year: the 较上年 amounts and rates agree with last year’s tables', async () => {
    const lastYear = await lastYearWorkings({ '2011302': 600, '2060503': 50, '2150805': 9000 });
    const r = draftFromWorkbook(await workingsSnapshot(), { lastYear });
    const prev = readLastYear(lastYear).accounts!;
    const checked = checkNarrative(
      r.draft!.paragraphs.map((p) => ({ text: p.text })),
      r.accounts!,
      { lastYear: prev },
    );
    expect(otherThanPlaceholders(checked.findings)).toEqual([]);
    // Every 增加/减少 the draft states is checked and agrees (the three edits, and the totals they move).
    const stated = r.draft!.paragraphs.flatMap((p) => p.text.match(/较上年决算数(?:增加|减少)/g) ?? []).length;
    expect(stated).toBeGreaterThanOrEqual(6);
    expect(checked.figures.filter((f) => f.kind === 'change' && f.status === 'ok')).toHaveLength(stated);
    expect(checked.figures.filter((f) => f.status === 'error')).toEqual([]);
  });
});

describe('the same round trip through the files', () => {
  it('generate, then check: the 情况说明（草稿） sheet gives only placeholder findings', async () => {
    const out = join(tmp, '公开表.xlsx');
    expect((await runCli(['generate', FUZHOU_WORKINGS, '-o', out])).code).toBe(0);
    const r = await runCli(['check', out, '--json']);
    const j = JSON.parse(r.out);
    expect(j.narrative.source).toBe('情况说明（草稿）');
    expect(otherThanPlaceholders(j.findings)).toEqual([]);
  });

  it('narrative --last-year, then check --narrative --last-year: only placeholder findings', async () => {
    const tables = join(tmp, '公开表-2.xlsx');
    expect((await runCli(['generate', FUZHOU_WORKINGS, '-o', tables])).code).toBe(0);
    const lastPath = join(tmp, '上年底稿.xlsx');
    await (await lastYearWorkbook({ '2011302': 600 })).xlsx.writeFile(lastPath);
    const docx = join(tmp, '情况说明.docx');
    expect((await runCli(['narrative', FUZHOU_WORKINGS, '--last-year', lastPath, '-o', docx])).code).toBe(0);
    const r = await runCli(['check', tables, '--narrative', docx, '--last-year', lastPath, '--json']);
    const j = JSON.parse(r.out);
    expect(j.narrative.source).toBe(docx);
    expect(otherThanPlaceholders(j.findings)).toEqual([]);
    expect(j.narrative.figures.length).toBeGreaterThanOrEqual(90);
  });
});
