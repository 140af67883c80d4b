// The `final-accounts check` command: JSON shape, exit codes, Chinese errors, the marked copy.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { amountOf, FUZHOU_XLSX, ROOT } from '../helpers/example';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs node with `args` and resolves with its exit status and output, whatever the status. */
function node(args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 }, (_error, stdout) =>
      resolve({ status: child.exitCode, stdout }),
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'fa-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('final-accounts check', () => {
  it('--json prints the documented shape', async () => {
    const r = await run(['check', FUZHOU_XLSX, '--json']);
    const j = JSON.parse(r.out);
    // The nine tables hold no error; the 绩效自评 tables of the reference do, so the exit code is 1.
    expect(j.findings.filter((f: { table: string; severity: string }) => /^\d{2}$/.test(f.table) && f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(j.summary.error > 0 ? 1 : 0);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['file', 'profile', 'unit', 'year', 'amountUnit', 'tables', 'findings', 'summary']));
    expect(j).toMatchObject({ file: FUZHOU_XLSX, profile: 'fuzhou-2024', unit: '福州市工业和信息化局（本级）', year: 2024, amountUnit: '万元' });
    expect(j.tables[0]).toEqual({
      id: '01',
      title: '收入支出决算总表',
      sheet: '公开01表 收入支出决算总表',
      range: expect.stringMatching(/^A1:[A-Z]+\d+$/),
    });
    const tail = j.findings.find((f: { severity: string }) => f.severity === 'tail');
    expect(Object.keys(tail)).toEqual(expect.arrayContaining(['rule', 'severity', 'table', 'message', 'cells', 'expected', 'actual', 'difference']));
    expect(tail.cells[0]).toMatch(/^公开0\d表 [^!]+![A-Z]+\d+$/);
    expect(j.summary).toEqual({
      error: j.findings.filter((f: { severity: string }) => f.severity === 'error').length,
      warning: j.findings.filter((f: { severity: string }) => f.severity === 'warning').length,
      tail: j.findings.filter((f: { severity: string }) => f.severity === 'tail').length,
    });
  });

  it('prints findings grouped by table and a one-line summary', async () => {
    const r = await run(['check', FUZHOU_XLSX]);
    expect(r.out).toMatch(/■ 公开03表 支出决算表（工作表“公开03表 支出决算表” A1:[A-Z]+\d+） — 错误 0，提示 0，尾差 \d+/);
    const lines = r.out.trim().split('\n');
    expect(lines[lines.length - 2]).toBe('检查完成：福州市工业和信息化局（本级） 2024年度，格式 fuzhou-2024，找到 9/9 张表。');
    // The summary the pane and the page show too: 尾差 apart, never counted as problems.
    expect(lines[lines.length - 1]).toBe('错误 26 项 · 提示 29 项 · 尾差 24 处（不影响公开，可调整）');
    // Each finding: its plain title with the code, the addresses without the sheet name under the table's heading.
    expect(r.out).toContain('  [尾差] 收入支出总表：本年支出合计应等于各类支出之和（T1-b）  D32、D6、D7、D8、D9、D10… 等 27 格');
    expect(r.out).not.toContain('公开01表 收入支出决算总表!');
    expect(r.out).toMatch(/\n {6}应为 16,094\.59 {3}实为 16,094\.58 {3}差额 -0\.01 万元\n/);
  });

  it('exits 1 when there are errors, and --marked writes a marked copy without touching the input', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FUZHOU_XLSX);
    const ws = wb.getWorksheet('公开07表 一般公共预算财政拨款“三公”经费支出决算表')!;
    const total = amountOf(ws, '合计', '决算数');
    total.value = 99.99;
    const input = join(tmp, 'broken.xlsx');
    await wb.xlsx.writeFile(input);
    const before = sha(input);
    const marked = join(tmp, 'marked.xlsx');
    const r = await run(['check', input, '--marked', marked]);
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(marked);
    const cell = out.getWorksheet(ws.name)!.getCell(total.address);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join(''))).toContain('T7-a');
    expect(out.getWorksheet('公开01表 收入支出决算总表')!.getCell('A1').value).toBe('收入支出决算总表');
  });

  it('exits 2 with a Chinese message for a file that is not xlsx, a missing file and bad arguments', async () => {
    const notXlsx = join(tmp, 'notes.xlsx');
    writeFileSync(notXlsx, '这不是一个工作簿');
    const a = await run(['check', notXlsx]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('不是 .xlsx 工作簿');
    const g = await run(['generate', notXlsx, '-o', join(tmp, 'from-notes.xlsx')]);
    expect(g.code).toBe(2);
    expect(g.err).toContain('不是 .xlsx 工作簿');
    expect(existsSync(join(tmp, 'from-notes.xlsx'))).toBe(false);
    const b = await run(['check', join(tmp, 'nope.xlsx')]);
    expect(b).toMatchObject({ code: 2 });
    expect(b.err).toContain('找不到文件');
    const c = await run(['check', FUZHOU_XLSX, '--profile', 'beijing-1999']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('不认识的格式“beijing-1999”');
    const d = await run(['check', FUZHOU_XLSX, '--bogus']);
    expect(d.code).toBe(2);
    expect(d.err).toContain('不认识的参数');
    const e = await run(['check', FUZHOU_XLSX, '--marked', FUZHOU_XLSX]);
    expect(e.code).toBe(2);
  });

  it('passes the 绩效 rubric and its settings through, and refuses unknown ones in Chinese', async () => {
    const base = JSON.parse((await run(['check', FUZHOU_XLSX, '--json'])).out);
    const ruled = JSON.parse((await run(['check', FUZHOU_XLSX, '--json', '--rubric-setting', 'execRateRule=proportional'])).out);
    const p3 = (j: { findings: Array<{ rule: string }> }) => j.findings.filter((f) => f.rule === 'P3').length;
    expect(p3(base)).toBe(0); // no 执行率 rule configured: only rule-independent checks
    expect(p3(ruled)).toBeGreaterThan(0);
    expect(base.projects.length).toBe(57);
    const text = await run(['check', FUZHOU_XLSX]);
    expect(text.out).toContain('绩效自评汇总：');
    const bad = await run(['check', FUZHOU_XLSX, '--rubric', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('评分规则“nope”不存在');
  });

  it('generate adds the nine sheets to a new file, refuses to overwrite, and says when it had to assume the year', async () => {
    const input = join(ROOT, 'examples', 'shanghai-putuo-czj-2024.xlsx');
    const before = sha(input);
    const out = join(tmp, 'czj-公开表.xlsx');
    const r = await run(['generate', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('新增工作表');
    expect(r.out.match(/^ {2}\+ /gm)).toHaveLength(10); // the nine tables and the 情况说明 draft
    // The Shanghai document prints no year anywhere: the generated notes need one, and the user is told.
    expect(r.err).toContain('没有找到决算年度');
    expect(sha(input)).toBe(before);
    const again = await run(['generate', input, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在，不会覆盖');
  });

  // Slow by nature: a full tsc build of the CLI (as `npm ci` does through `prepare`) and two node processes, 10-25 s
  // on a busy 2-core machine. The compile keeps lib/ in step with src/, so the processes run the code under test.
  it('the installed command runs (bin → compiled CLI)', async () => {
    const build = await node([require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.cli.json')]);
    expect({ status: build.status, tscOutput: build.stdout }).toEqual({ status: 0, tscOutput: '' });
    const r = await node([join(ROOT, 'bin/final-accounts.js'), 'check', FUZHOU_XLSX, '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.tables).toHaveLength(9);
    expect(r.status).toBe(j.summary.error > 0 ? 1 : 0);
    const bad = await node([join(ROOT, 'bin/final-accounts.js'), 'check', join(ROOT, 'package.json')]);
    expect(bad.status).toBe(2);
  }, 120_000);
});
