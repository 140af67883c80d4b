// `final-accounts narrative <book.xlsx> [--last-year 上年.xlsx] -o <情况说明.docx>`: a real .docx that mammoth
// reads back with the draft's paragraphs, never written over an existing file; `--last-year` for check too.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { draftFromWorkbook } from '../../src/app/narrative-draft';
import { main } from '../../src/cli/main';
import { findCell, FUZHOU_XLSX, loadWorkbook } from '../helpers/example';
import { FUZHOU_WORKINGS, lastYearWorkbook, workingsSnapshot } from '../narrative/fuzhou-draft';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The paragraphs of a .docx as mammoth reads them (raw text: one paragraph per blank-line-separated block). */
async function docxParagraphs(path: string): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ path });
  return value.split('\n\n').filter((p) => p !== '');
}

const tmp = mkdtempSync(join(tmpdir(), 'fa-narrative-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('final-accounts narrative', () => {
  it('writes the draft as a .docx that reads back with the same paragraphs', async () => {
    const out = join(tmp, '情况说明.docx');
    const r = await run(['narrative', FUZHOU_WORKINGS, '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const expected = draftFromWorkbook(await workingsSnapshot()).draft!;
    expect(r.out).toContain(`${expected.paragraphs.length} 段，${expected.placeholders} 处【请填写…】待补充`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(await docxParagraphs(out)).toEqual(expected.paragraphs.map((p) => p.text));
    // The official fonts: 一、 headings 黑体, body 仿宋_GB2312, 三号 (32 half-points).
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    const runOf = (text: string) => xml.slice(xml.lastIndexOf('<w:r>', xml.indexOf(text)), xml.indexOf(text));
    expect(runOf('一、收入支出决算总体情况说明')).toContain('w:eastAsia="黑体"');
    expect(runOf('1. 一般公共预算财政拨款收入')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runOf('1. 一般公共预算财政拨款收入')).toContain('<w:sz w:val="32"/>');
  });

  it('uses last year’s workbook for the 较上年 sentences', async () => {
    const lastPath = join(tmp, '上年底稿.xlsx');
    await (await lastYearWorkbook({ '2011302': 600 })).xlsx.writeFile(lastPath);
    const out = join(tmp, '情况说明-上年.docx');
    const r = await run(['narrative', FUZHOU_WORKINGS, '--last-year', lastPath, '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = await docxParagraphs(out);
    // 639.79 this year against the 600.00 written into last year's book.
    expect(text.find((p) => p.includes(' 2011302-'))).toContain('639.79万元，较上年决算数增加39.79万元，增长6.63%。主要原因是【请填写主要原因】。');
    // The 项 left as they were compare as 持平, and no comparison is left to fill in.
    expect(text.find((p) => p.includes(' 2011101-'))).toMatch(/与上年决算数持平。$/);
    expect(text.join('\n')).not.toContain('【请填写增减额及增减率】');
  });

  it('takes last year from the working sheets’ 上年数 columns when no file is given; a blank sheet stays unknown', async () => {
    // The example's 底稿4 with a 上年决算数 column typed beside 决算数 (as an officer adds it to an older template).
    const wb = await loadWorkbook(FUZHOU_WORKINGS);
    const ws = wb.getWorksheet('底稿4 三公经费')!;
    const head = findCell(ws, '决算数');
    const col = Number(head.col) + 1;
    ws.getCell(Number(head.row), col).value = '上年决算数';
    for (let r = Number(head.row) + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === '公务接待费') ws.getCell(r, col).value = 1.36;
    const book = join(tmp, '底稿-上年列.xlsx');
    await wb.xlsx.writeFile(book);
    const out = join(tmp, '情况说明-上年列.docx');
    const r = await run(['narrative', book, '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('上年数取自底稿中的“上年”列');
    const text = await docxParagraphs(out);
    expect(text.find((p) => p.startsWith('（三）公务接待费支出'))).toContain('0.99万元');
    expect(text.find((p) => p.startsWith('（三）公务接待费支出'))).toContain('较上年决算数减少0.37万元，下降27.21%');
    // 底稿1/2 have no 上年数: the totals' comparison is still a gap, not a change from 0.
    expect(text.find((p) => p.includes('本单位收入总计'))).toContain('较上年决算数【请填写增减额及增减率】');
  });

  it('refuses to write over an existing file, in Chinese, leaving it as it was', async () => {
    const out = join(tmp, '已有.docx');
    writeFileSync(out, 'mine');
    const r = await run(['narrative', FUZHOU_WORKINGS, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`输出文件“${out}”已存在，不会覆盖`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  });

  it('asks for a .docx output and names a missing input', async () => {
    const bad = await run(['narrative', FUZHOU_WORKINGS, '-o', join(tmp, '情况说明.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('应以 .docx 结尾');
    const missing = await run(['narrative', join(tmp, '没有.xlsx'), '-o', join(tmp, 'x.docx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    expect(existsSync(join(tmp, 'x.docx'))).toBe(false);
  });

  it('refuses last year’s workbook of the wrong year and writes nothing', async () => {
    const out = join(tmp, '错年.docx');
    const r = await run(['narrative', FUZHOU_WORKINGS, '--last-year', FUZHOU_WORKINGS, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('上年数应为 2023 年度');
    expect(existsSync(out)).toBe(false);
  });
});

describe('final-accounts check --last-year', () => {
  it('names a missing file, and reports a workbook of the wrong year instead of comparing with it', async () => {
    const missing = await run(['check', FUZHOU_XLSX, '--last-year', join(tmp, '没有.xlsx'), '--json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const wrong = await run(['check', FUZHOU_XLSX, '--last-year', FUZHOU_WORKINGS, '--json']);
    const years = JSON.parse(wrong.out).findings.filter((f: { rule: string }) => f.rule === 'L-YEAR');
    expect(years).toHaveLength(1);
    expect(years[0].message).toContain('上年数应为 2023 年度');
  });

  it('passes last year’s tables to the narrative check: the 较上年 changes are checked against them', async () => {
    const lastPath = join(tmp, '上年-check.xlsx');
    await (await lastYearWorkbook({})).xlsx.writeFile(lastPath);
    const withLast = JSON.parse((await run(['check', FUZHOU_XLSX, '--last-year', lastPath, '--json'])).out);
    const without = JSON.parse((await run(['check', FUZHOU_XLSX, '--json'])).out);
    expect(withLast.findings.filter((f: { rule: string }) => f.rule === 'L-YEAR')).toEqual([]);
    // Last year equal to this year: every 增加/减少 the example's text states now disagrees with it.
    const changeErrors = (j: { narrative: { figures: Array<{ kind: string; status: string }> } }) =>
      j.narrative.figures.filter((f) => f.kind === 'change' && f.status === 'error').length;
    expect(changeErrors(withLast)).toBeGreaterThan(changeErrors(without));
  });
});
