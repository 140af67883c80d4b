// The pane's (and page's) last-year choice (PaneState.lastYear, picked with LastYearPicker): a picked workbook
// feeds the L comparisons of the next check and the 上年数 beside their findings; one that holds no tables is
// refused in Chinese.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { presentedInOrder, presentFindings } from '../../src/app/findings-presentation';
import { PaneController } from '../../src/taskpane/pane-controller';
import { FUZHOU_XLSX, ROOT, snapshotOf } from '../helpers/example';

const LAST = join(ROOT, 'examples', 'fuzhou-gxj-2023-invented-last-year.xlsx');

test('a picked last-year workbook adds the L findings; an unusable one is refused', async () => {
  const port = new ExcelJsWorkbookPort(await new ExcelJS.Workbook().xlsx.readFile(FUZHOU_XLSX));
  const pane = new PaneController({ port });
  await pane.loadLastYear('2023.xlsx', () => snapshotOf(LAST));
  expect(pane.getState().lastYear?.file).toBe('2023.xlsx');
  await pane.check();
  const l = pane.getState().review!.state.findings.filter((r) => /^L\d/.test(r.finding.rule));
  expect(l.filter((r) => r.finding.severity === 'error').map((r) => r.finding.rule)).toEqual(['L1']);
  expect(l.length).toBe(10);
  // The 上年数 shows beside the finding in the list.
  const shown = presentedInOrder(presentFindings(pane.getState().report!));
  expect(shown.find((f) => f.rule === 'L1')?.lastYear).toBe('12.35');

  await pane.loadLastYear('空.xlsx', async () => ({ sheets: [{ name: '说明', originRow: 0, originCol: 0, values: [['无表']], merges: [] }] }));
  expect(pane.getState().lastYearProblem).toContain('“空.xlsx”中既没有可识别的公开表，也没有底稿');
  expect(pane.getState().lastYear).toBeNull();
  await pane.check();
  expect(pane.getState().review!.state.findings.some((r) => /^L\d/.test(r.finding.rule))).toBe(false);
});
