/**
 * @jest-environment jsdom
 */
// The findings list in jsdom (Fluent UI): the presentation (summary line, titles with the code on hover, bare
// addresses, figures), the severity and table filters, the keyboard (arrow keys, Enter jumps); and in the pane:
// generation's compact success line, 插入底稿模板 through the Office adapter on the strict fake.
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { workingTemplate } from '../../src/app/template';
import type { CellRef } from '../../src/core/cells';
import type { CheckReport } from '../../src/core/report';
import { ruleTitle } from '../../src/core/rule-titles';
import type { SheetLayout } from '../../src/port/layout';
import type { ClearResult, Mark, MarkResult, WorkbookPort } from '../../src/port/port';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { PaneController } from '../../src/taskpane/pane-controller';
import { FakeExcel } from './fake-excel';

// Fluent UI in jsdom is slow by nature (see task-pane.test.tsx); the tests here take 1-5 s idle.
beforeAll(() => {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const S01 = '公开01表 收入支出决算总表';
const REPORT: CheckReport = {
  profile: 'fuzhou-2024',
  unit: '测试单位',
  year: 2024,
  amountUnit: '万元',
  tables: [{ id: '01', title: '收入支出决算总表', sheet: S01, range: 'A1:D37' }],
  findings: [
    { rule: 'P8', severity: 'warning', table: '项目甲', message: '绩效!E5：自评得分未填，按0分计。', cells: [{ sheet: '绩效', row: 4, col: 4 }] },
    {
      rule: 'T1-b',
      severity: 'tail',
      table: '01',
      message: '本年支出合计差 0.01，属尾差',
      cells: Array.from({ length: 27 }, (_, i) => ({ sheet: S01, row: i === 0 ? 31 : i + 4, col: 3 })),
      unit: '万元',
      expectedMinor: 16_094_590_000,
      actualMinor: 16_094_580_000,
    },
    { rule: 'X1', severity: 'error', table: '01', message: '本年收入合计不一致', cells: [{ sheet: S01, row: 9, col: 3 }] },
    { rule: 'C3', severity: 'warning', table: '01', message: '科目名称与目录不符', cells: [] },
  ],
  projects: [],
};

function renderList(report: CheckReport | null = REPORT) {
  const jumps: CellRef[] = [];
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList report={report} onJump={(c) => jumps.push(c)} />
    </FluentProvider>,
  );
  return { jumps, view };
}

const rows = () => Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-rule]'));

test('the presentation: summary line, titles with the code on hover, addresses without the sheet, figures', () => {
  renderList();
  expect(screen.getByRole('status').textContent).toBe('错误 1 项 · 提示 2 项 · 尾差 1 处（不影响公开，可调整）');
  // Tables first, then severity worst first; the project last.
  expect(rows().map((b) => b.dataset.rule)).toEqual(['X1', 'C3', 'T1-b', 'P8']);
  const tail = rows()[2];
  expect(tail.textContent).toContain(ruleTitle('T1-b')!);
  expect(tail.textContent).not.toContain('T1-b');
  expect(tail.getAttribute('title')).toMatch(/^规则 T1-b：收入支出总表：本年支出合计应等于各类支出之和\n跳到 公开01表 收入支出决算总表!D32、/);
  expect(tail.textContent).toContain('D32、D6、D7、D8、D9、D10… 等 27 格');
  expect(tail.textContent).not.toContain(`${S01}!`);
  const figures = within(tail).getByTestId('figures');
  expect(Array.from(figures.children, (c) => c.textContent)).toEqual(['应为16,094.59', '实为16,094.58', '差额（万元）-0.01']);
  // A message opening with its own cell loses it; the address line says it once.
  const p8 = rows()[3];
  expect(p8.textContent).toContain('自评得分未填，按0分计。');
  expect(p8.textContent).not.toContain('绩效!E5');
  expect(screen.getByRole('group', { name: '绩效自评：项目甲' }).textContent).toContain('工作表“绩效”');
});

test('filters: by severity (the counts stay whole) and by table', async () => {
  renderList();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '错误 1' }));
  });
  expect(rows().map((b) => b.dataset.rule)).toEqual(['X1']);
  expect(screen.getByRole('button', { name: '错误 1' }).getAttribute('aria-pressed')).toBe('true');
  expect(screen.getByRole('status').textContent).toBe('错误 1 项 · 提示 2 项 · 尾差 1 处（不影响公开，可调整）');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '提示 2' }));
  });
  expect(rows().map((b) => b.dataset.rule)).toEqual(['C3', 'P8']);
  const table = screen.getByRole('combobox', { name: '按表筛选' }) as HTMLSelectElement;
  expect(Array.from(table.options, (o) => o.textContent)).toEqual([
    '全部表（4 项）',
    '公开01表 收入支出决算总表（3 项）',
    '绩效自评：项目甲（1 项）',
  ]);
  await act(async () => {
    fireEvent.change(table, { target: { value: '项目甲' } });
  });
  expect(rows().map((b) => b.dataset.rule)).toEqual(['P8']);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '尾差 1' }));
  });
  expect(rows()).toEqual([]);
  expect(screen.getByText('没有符合筛选条件的问题。')).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    fireEvent.change(table, { target: { value: '' } });
  });
  expect(rows()).toHaveLength(4);
});

test('keyboard: one tab stop, arrow keys through the findings, Enter jumps to the cell', async () => {
  const { jumps } = renderList();
  expect(rows().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
  const focused = () => (document.activeElement as HTMLElement).dataset.rule;
  await act(async () => {
    rows()[0].focus();
  });
  for (const [key, rule] of [
    ['ArrowDown', 'C3'],
    ['ArrowDown', 'T1-b'],
    ['ArrowDown', 'P8'],
    ['ArrowDown', 'P8'],
    ['ArrowUp', 'T1-b'],
    ['Home', 'X1'],
    ['End', 'P8'],
    ['ArrowUp', 'T1-b'],
  ]) {
    await act(async () => {
      fireEvent.keyDown(document.activeElement!, { key });
    });
    expect([key, focused()]).toEqual([key, rule]);
  }
  // The tab stop follows the focus.
  expect(rows().map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1]);
  // Enter on a button is its click (the browser's own); a finding without cells does not jump.
  await act(async () => {
    fireEvent.click(document.activeElement!);
  });
  expect(jumps).toEqual([{ sheet: S01, row: 31, col: 3 }]);
  await act(async () => {
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
  });
  expect(focused()).toBe('C3');
  await act(async () => {
    fireEvent.click(document.activeElement!);
  });
  expect(jumps).toHaveLength(1);
});

test('a finding’s status (#16) is shown under it when given; nothing without a report', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList
        report={REPORT}
        onJump={() => undefined}
        statusOf={(f) => (f.rule === 'C3' ? { label: '已说明', reason: '沿用上年科目名称' } : undefined)}
      />
    </FluentProvider>,
  );
  expect(rows()[1].textContent).toContain('已说明：沿用上年科目名称');
  expect(rows().filter((b) => b.textContent!.includes('已说明'))).toHaveLength(1);
  const { view } = renderList(null);
  expect(view.container.querySelector('section')).toBeNull();
});

class RecordingPort implements WorkbookPort {
  added: string[][] = [];
  async readSnapshot(): Promise<WorkbookSnapshot> {
    return { sheets: [] };
  }
  async applyMarks(_marks: Mark[]): Promise<MarkResult> {
    return { tailNotesOmitted: 0, invalidRecords: 0 };
  }
  async clearMarks(): Promise<ClearResult> {
    return { cleared: 0, invalidRecords: 0 };
  }
  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    this.added.push(layouts.map((l) => l.name));
    return layouts.map((l) => l.name);
  }
  async select(): Promise<void> {}
}

function renderPane(controller: PaneController) {
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane controller={controller} />
    </FluentProvider>,
  );
}

/** A bar's intent, told by its icon: compared with the icons of reference bars of each intent. */
function intentOf(bar: Element): string {
  const icon = (el: Element) => el.querySelector('.fui-MessageBar__icon path')!.getAttribute('d');
  const refs = render(
    <FluentProvider theme={webLightTheme}>
      {(['success', 'warning', 'info', 'error'] as const).map((intent) => (
        <MessageBar key={intent} intent={intent} data-intent={intent}>
          <MessageBarBody>参照</MessageBarBody>
        </MessageBar>
      ))}
    </FluentProvider>,
  );
  const found = Array.from(refs.container.querySelectorAll('[data-intent]')).find((r) => icon(r) === icon(bar));
  refs.unmount();
  return found?.getAttribute('data-intent') ?? 'unknown';
}

const NINE = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];

test('generation: a compact success line, not a warning listing every sheet, even after a check with findings', async () => {
  const port = new RecordingPort();
  const layouts = NINE.map((name): SheetLayout => ({ name, cells: [], merges: [], columnWidths: [] }));
  renderPane(new PaneController({ port, check: () => REPORT, layouts: () => ({ sheets: layouts, problems: [] }) }));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(intentOf(screen.getByText(/^检查完成。/).closest('.fui-MessageBar')!)).toBe('warning');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '一键生成公开表' }));
  });
  const line = screen.getByText('已生成 9 张工作表，原有工作表均未改动。');
  const bar = line.closest('.fui-MessageBar')!;
  expect(bar.textContent).not.toContain('公开02表');
  expect(intentOf(bar)).toBe('success');
});

test('插入底稿模板: the template sheets through the Office adapter, never replacing a sheet of the same name', async () => {
  const fx = new FakeExcel('1.9');
  fx.addSheet('底稿说明', [['我自己的说明']]);
  const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
  renderPane(new PaneController({ port }));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '插入底稿模板' }));
  });
  const template = workingTemplate().map((l) => l.name);
  expect(template[0]).toBe('底稿说明');
  const names = fx.state.sheets.map((s) => s.name);
  expect(names[0]).toBe('底稿说明');
  expect(fx.sheetByName('底稿说明')!.cells['0:0'].value).toBe('我自己的说明');
  // The instructions got a new name; the six working sheets theirs.
  expect(names.slice(1)).toEqual(['底稿说明(2)', ...template.slice(1)]);
  expect(fx.sheetByName('底稿说明(2)')!.cells['0:0'].value).toBe('决算公开助手 · 底稿填写说明');
  expect(screen.getByText(`已插入底稿模板（${template.length} 张工作表），原有工作表均未改动。请按“底稿说明(2)”工作表填写。`)).toBeTruthy();
}, 60_000);
