// The pane's (and page's) last-year choice: a picked workbook feeds the comparisons of the next check;
// one that holds no tables is refused in Chinese and the previous choice is kept.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { PaneController } from '../../src/taskpane/pane-controller';
import { FUZHOU_XLSX, ROOT, snapshotOf } from '../helpers/example';

const LAST = join(ROOT, 'examples', 'fuzhou-gxj-2023-invented-last-year.xlsx');

test('a picked last-year workbook adds the L findings; an unusable one is refused and the choice kept', async () => {
  const port = new ExcelJsWorkbookPort(await new ExcelJS.Workbook().xlsx.readFile(FUZHOU_XLSX));
  const pane = new PaneController({ port });
  pane.setLastYear(await snapshotOf(LAST), '2023.xlsx');
  expect(pane.getState().notice).toBe('已选择上年数：2023.xlsx。再次检查时将与上年比较。');
  await pane.check();
  const l = pane.getState().review!.state.findings.filter((r) => /^L\d/.test(r.finding.rule));
  expect(l.filter((r) => r.finding.severity === 'error').map((r) => r.finding.rule)).toEqual(['L1']);
  expect(l.length).toBe(10);
  // The 上年数 shows beside the finding in the list.
  const rows = pane.getState().groups.flatMap((g) => g.bySeverity.flatMap((s) => s.rows));
  expect(rows.find((r) => r.rule === 'L1')?.lastYear).toBe('12.35');

  pane.setLastYear({ sheets: [{ name: '说明', originRow: 0, originCol: 0, values: [['无表']], merges: [] }] }, '空.xlsx');
  expect(pane.getState().error?.detail).toContain('“空.xlsx”中既没有可识别的公开表，也没有底稿');
  expect(pane.getState().lastYear?.file).toBe('2023.xlsx');
  pane.setLastYear(null);
  await pane.check();
  expect(pane.getState().review!.state.findings.some((r) => /^L\d/.test(r.finding.rule))).toBe(false);
});
