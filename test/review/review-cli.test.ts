// Issue #16 on the command line: ids in check --json, explain (one, and a CSV), report (the 审核说明 sheet),
// and exit codes that follow readiness (0 可以公开, 1 错误待处理, 3 提示未说明).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { FUZHOU_XLSX, ROOT } from '../helpers/example';

const CZJ = join(ROOT, 'examples', 'shanghai-putuo-czj-2024.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'review-cli-'));

interface FindingJson {
  id: string;
  rule: string;
  severity: string;
  status?: string;
  reason?: string;
}

describe('review on the command line', () => {
  test('check --json gives every finding an id and a status; the exit code says an error is 待处理', async () => {
    const r = await runCli(['check', FUZHOU_XLSX, '--json']);
    const j = JSON.parse(r.out) as { findings: FindingJson[]; readiness: { ready: boolean; openErrors: number } };
    expect(r.code).toBe(1);
    expect(j.findings.every((f) => typeof f.id === 'string')).toBe(true);
    expect(j.findings.filter((f) => f.severity !== 'tail').every((f) => f.status === '待处理')).toBe(true);
    expect(j.readiness.ready).toBe(false);
    expect(j.readiness.openErrors).toBe(j.findings.filter((f) => f.severity === 'error').length);
  });

  test('提示 only: exit 3; explained from a CSV → 可以公开, exit 0; report writes the 审核说明 sheet', async () => {
    const before = await runCli(['check', CZJ, '--json']);
    expect(before.code).toBe(3);
    const warnings = (JSON.parse(before.out).findings as FindingJson[]).filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.rule)).toEqual(['X4', 'X7']);
    const text = await runCli(['check', CZJ]);
    expect(text.out).toContain('尚不能公开：2 个提示尚未说明或标为误报。');

    const reportBefore = join(tmp, '审核说明-前.xlsx');
    expect((await runCli(['report', CZJ, '-o', reportBefore])).code).toBe(3);

    const csv = join(tmp, 'explain.csv');
    const reason = '尾差：01表按“类”四舍五入，03表按“项”汇总，相差 0.01，"已核对"';
    writeFileSync(csv, `\uFEFFid,status,reason\r\n${warnings[0].id},explained,"${reason.replace(/"/g, '""')}"\r\n${warnings[1].id},误报,同上\r\n`);
    const out = join(tmp, '已说明.xlsx');
    const ex = await runCli(['explain', CZJ, '--csv', csv, '-o', out, '--user', '王五']);
    expect(ex.err).toBe('');
    expect(ex.code).toBe(0);
    expect(ex.out).toContain('可以公开');

    const after = await runCli(['check', out, '--json']);
    expect(after.code).toBe(0);
    const fs = (JSON.parse(after.out).findings as FindingJson[]).filter((f) => f.severity === 'warning');
    expect(fs.map((f) => [f.id, f.status, f.reason])).toEqual([
      [warnings[0].id, '已说明', reason],
      [warnings[1].id, '误报', '同上'],
    ]);
    expect((await runCli(['check', out])).out).toContain(`→ 已说明：${reason}`);

    const report = join(tmp, '审核说明.xlsx');
    const rep = await runCli(['report', out, '-o', report]);
    expect(rep.code).toBe(0);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(report);
    const ws = wb.getWorksheet('审核说明')!;
    expect(String(ws.getCell('A2').value)).toMatch(/^可以公开/);
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['序号', '问题编号', '表', '类别', '规则', '状态', '原因或说明', '单元格']);
    expect(
      [5, 6].map((r) => [ws.getCell(r, 2).value, ws.getCell(r, 4).value, ws.getCell(r, 6).value, ws.getCell(r, 7).value, ws.getCell(r, 12).value]),
    ).toEqual([
      [warnings[0].id, '提示', '已说明', reason, '王五'],
      [warnings[1].id, '提示', '误报', '同上', '王五'],
    ]);
    expect(String(ws.getCell(5, 8).value)).toMatch(/^公开01表 收入支出决算总表!D13，公开03表 支出决算表!E14$/);
  });

  test('generate and the narrative draft warn when the set is not ready, and still write', async () => {
    const gen = await runCli(['generate', CZJ, '-o', join(tmp, 'czj-生成.xlsx')]);
    expect(gen.code).toBe(0);
    expect(gen.err).toContain('注意：尚不能公开');
    const draft = await runCli(['narrative', CZJ, '-o', join(tmp, 'czj-情况说明.docx')]);
    expect(draft.code).toBe(0);
    expect(draft.err).toContain('注意：尚不能公开：2 个提示尚未说明或标为误报。');
  });

  test('explain refuses, in Chinese, an unknown id, a missing reason and a bad CSV row', async () => {
    const out = join(tmp, 'x.xlsx');
    const unknown = await runCli(['explain', CZJ, 'X4-00000000', '--status', 'explained', '--reason', '因为', '-o', out]);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('没有编号为“X4-00000000”的错误或提示')]);
    const id = (JSON.parse((await runCli(['check', CZJ, '--json'])).out).findings as FindingJson[]).find((f) => f.rule === 'X4')!.id;
    const noReason = await runCli(['explain', CZJ, id, '--status', 'dismissed', '-o', out]);
    expect([noReason.code, noReason.err]).toEqual([2, expect.stringContaining('必须写明原因')]);
    const csv = join(tmp, 'bad.csv');
    writeFileSync(csv, `${id},approved,好的\n`);
    const bad = await runCli(['explain', CZJ, '--csv', csv, '-o', out]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining(`“${csv}”第 1 行的状态“approved”无效`)]);
  });
});
