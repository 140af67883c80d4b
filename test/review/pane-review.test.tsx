/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Issue #16 in the pane (and the page, which reuses it): per-finding status controls, explained findings greyed
// with their reason, the readiness line, the record kept in the workbook across a reopen, and the 审核说明 sheet.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { PaneController } from '../../src/taskpane/pane-controller';
import { ROOT } from '../helpers/example';

const CZJ = join(ROOT, 'examples', 'shanghai-putuo-czj-2024.xlsx');

beforeAll(() => {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function renderPane(port: ExcelJsWorkbookPort): PaneController {
  const controller = new PaneController({ port, userName: '赵六' });
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane controller={controller} />
    </FluentProvider>,
  );
  return controller;
}

const readinessText = () => screen.getByLabelText('公开就绪').textContent ?? '';

test('explain and dismiss in the pane → 可以公开; reopened, the statuses and reasons are still there', async () => {
  const port = new ExcelJsWorkbookPort(await new ExcelJS.Workbook().xlsx.readFile(CZJ));
  const controller = renderPane(port);
  await act(() => controller.check());
  expect(readinessText()).toContain('尚不能公开：2 个提示尚未说明或标为误报。');
  // Text and element queries only: role queries make Fluent UI in jsdom walk its CSS for every element (slow).
  const rows = () =>
    Array.from(document.querySelectorAll('li')).filter((li) => within(li as HTMLElement).queryByText(/^(待处理|已说明|误报)$/)) as HTMLElement[];
  expect(rows()).toHaveLength(2);

  fireEvent.click(within(rows()[0]).getByText('说明原因'));
  fireEvent.change(within(rows()[0]).getByLabelText('说明原因'), { target: { value: '01表按类四舍五入，=差0.01' } });
  await act(async () => fireEvent.click(within(rows()[0]).getByText('保存')));
  expect(within(rows()[0]).getByText('已说明')).toBeTruthy();
  expect(within(rows()[0]).getByText('01表按类四舍五入，=差0.01')).toBeTruthy();
  // Greyed: the settled style on the explained row, not on the one still 待处理.
  expect(rows()[0].className).not.toBe('');
  expect(rows()[1].className).toBe('');

  fireEvent.click(within(rows()[1]).getByText('标为误报'));
  // No reason, no save.
  expect((within(rows()[1]).getByText('保存').closest('button') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(within(rows()[1]).getByLabelText('误报原因'), { target: { value: '同上' } });
  await act(async () => fireEvent.click(within(rows()[1]).getByText('保存')));
  expect(readinessText()).toMatch(/^可以公开/);

  await act(async () => fireEvent.click(screen.getByText('添加“审核说明”工作表')));
  const sheet = port.workbook.getWorksheet('审核说明')!;
  expect(String(sheet.getCell('A2').value)).toMatch(/^可以公开/);
  expect([sheet.getCell(5, 6).value, sheet.getCell(5, 7).value, sheet.getCell(5, 12).value]).toEqual(['已说明', '01表按类四舍五入，=差0.01', '赵六']);

  // Save, close, reopen: a new pane finds the statuses in the workbook.
  const reopened = await ExcelJsWorkbookPort.fromBuffer(await port.toBuffer());
  document.body.innerHTML = '';
  const again = renderPane(reopened);
  await act(() => again.check());
  expect(readinessText()).toMatch(/^可以公开/);
  expect(again.getState().review!.state.findings.map((r) => [r.status, r.record?.reason])).toEqual([
    ['explained', '01表按类四舍五入，=差0.01'],
    ['dismissed', '同上'],
  ]);
}, 120_000);
