/**
 * @jest-environment jsdom
 */
// The pane's states, rendered with React and Fluent UI in jsdom: empty, running, findings (click jumps), errors.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { CellRef } from '../../src/core/cells';
import type { CheckOptions } from '../../src/app/check';
import { PROFILES } from '../../src/core/profiles';
import type { CheckReport } from '../../src/core/report';
import type { SheetLayout } from '../../src/port/layout';
import type { ClearResult, Mark, MarkResult, WorkbookPort } from '../../src/port/port';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { PaneController } from '../../src/taskpane/pane-controller';

// Fluent UI in jsdom is slow by nature: each getComputedStyle walks the thousands of CSS rules Fluent inserts, and
// role queries (and a dropdown's positioning) call it for every element they look at. Most tests here take 0.3-2 s
// idle and up to 3 times that on a busy machine, within the suite's 30 s; the dropdown test has its own limit.
beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

/** A fake port that records calls and lets a test hold a read open (to see the running state). */
class FakeRecordingPort implements WorkbookPort {
  marks: Mark[] = [];
  selected: CellRef[] = [];
  release: (() => void) | null = null;
  hold = false;
  failWith: Error | null = null;
  /** What applyMarks reports as left out (the Office adapter on a workbook with many 尾差). */
  tailNotesOmitted = 0;
  async readSnapshot(): Promise<WorkbookSnapshot> {
    if (this.failWith) throw this.failWith;
    if (this.hold) await new Promise<void>((r) => (this.release = r));
    return { sheets: [] };
  }
  async applyMarks(marks: Mark[]): Promise<MarkResult> {
    this.marks = marks;
    return { tailNotesOmitted: this.tailNotesOmitted, invalidRecords: this.invalidRecords };
  }
  /** What applyMarks and clearMarks report as ignored mark-record entries. */
  invalidRecords = 0;
  async clearMarks(): Promise<ClearResult> {
    return { cleared: this.marks.length, invalidRecords: this.invalidRecords };
  }
  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    return layouts.map((l) => l.name);
  }
  async select(cell: CellRef): Promise<void> {
    this.selected.push(cell);
  }
}

const REPORT: CheckReport = {
  profile: 'fuzhou-2024',
  unit: '测试单位',
  year: 2024,
  amountUnit: '万元',
  tables: [{ id: '01', title: '收入支出决算总表', sheet: '01表', range: 'A1:F40' }],
  findings: [
    { rule: 'P3', severity: 'warning', table: '某项目', message: '执行率得分与规则不符', cells: [{ sheet: '绩效', row: 4, col: 5 }] },
    { rule: 'T1', severity: 'error', table: '01', message: '收入合计不等于各项收入之和', cells: [{ sheet: '01表', row: 9, col: 2 }] },
    { rule: 'T1', severity: 'tail', table: '01', message: '差 0.01 万元，属尾差', cells: [{ sheet: '01表', row: 12, col: 2 }] },
  ],
  projects: [],
};

function renderPane(port: FakeRecordingPort, report: CheckReport = REPORT) {
  const controller = new PaneController({ port, check: () => report, layouts: () => ({ sheets: [], problems: [] }) });
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane controller={controller} />
    </FluentProvider>,
  );
  return controller;
}

test('empty: explains what to do, buttons enabled', () => {
  renderPane(new FakeRecordingPort());
  expect(screen.getByText(/点击“检查”核对当前工作簿/)).toBeTruthy();
  expect((screen.getByRole('button', { name: '检查' }) as HTMLButtonElement).disabled).toBe(false);
});

test('the profile and rubric choices: automatic by default, a pick reaches the check', async () => {
  const port = new FakeRecordingPort();
  const seen: CheckOptions[] = [];
  const controller = new PaneController({
    port,
    check: (_s, options) => (seen.push(options), REPORT),
    layouts: () => ({ sheets: [], problems: [] }),
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane controller={controller} />
    </FluentProvider>,
  );
  const [profile, rubric] = screen.getAllByRole('combobox');
  expect(profile.textContent).toBe('自动识别表式');
  expect(rubric.textContent).toBe('默认（绩效自评公开表 2024）');
  await act(async () => {
    fireEvent.click(profile);
  });
  await act(async () => {
    fireEvent.click(screen.getByText(PROFILES[1].name, { selector: '[role="option"]' }));
  });
  expect(controller.getState().profile).toBe(PROFILES[1].id);
  expect(profile.textContent).toBe(PROFILES[1].name);
  expect(rubric.textContent).toBe('默认（绩效自评公开表 2024）');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(seen).toEqual([{ profile: PROFILES[1].id, performance: { rubric: undefined } }]);
  // No profile is the automatic choice again. (Opening a Fluent dropdown in jsdom takes seconds: set it directly.)
  await act(async () => {
    controller.setProfile(undefined);
  });
  expect(profile.textContent).toBe('自动识别表式');
}, 60_000); // opening the dropdown and picking an option: about 7 s idle, 15 s with a webpack build running

test('running: progress shown, actions disabled until the work ends', async () => {
  const port = new FakeRecordingPort();
  port.hold = true;
  renderPane(port);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText('正在读取工作簿…')).toBeTruthy();
  expect((screen.getByRole('button', { name: '检查' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: '清除标记' }) as HTMLButtonElement).disabled).toBe(true);
  await act(async () => {
    port.release!();
  });
  expect(screen.queryByText('正在读取工作簿…')).toBeNull();
  expect((screen.getByRole('button', { name: '检查' }) as HTMLButtonElement).disabled).toBe(false);
});

test('findings: grouped by table with counts, marks applied, a click selects the cell', async () => {
  const port = new FakeRecordingPort();
  renderPane(port);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText(/^检查完成。有问题的单元格已在工作簿中标出/)).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('错误 1 项 · 提示 1 项 · 尾差 1 处（不影响公开，可调整）');
  const findings = screen.getByRole('region', { name: '检查结果' });
  // The nine tables first (the project's finding came first), then the 绩效 projects; each group's counts by severity.
  expect(
    Array.from(findings.querySelectorAll('[role="group"][aria-label^="公开"], [role="group"][aria-label^="绩效"]'), (g) =>
      g.getAttribute('aria-label'),
    ),
  ).toEqual(['公开01表 收入支出决算总表', '绩效自评：某项目']);
  const table01 = screen.getByRole('group', { name: '公开01表 收入支出决算总表' });
  expect(table01.textContent).toContain('错误 1');
  expect(table01.textContent).toContain('尾差 1');
  expect(table01.textContent).not.toContain('提示');
  expect(screen.getByRole('group', { name: '绩效自评：某项目' }).textContent).toContain('提示 1');
  // The text on the cells is the CLI's (`check --marked`): severity, rule, message.
  expect(port.marks.map((m) => [m.cell.row, m.severity, m.message])).toEqual([
    [4, 'warning', '提示（P3）：执行率得分与规则不符'],
    [9, 'error', '错误（T1）：收入合计不等于各项收入之和'],
    [12, 'tail', '尾差（T1）：差 0.01 万元，属尾差'],
  ]);
  await act(async () => {
    fireEvent.click(screen.getByText('收入合计不等于各项收入之和'));
  });
  expect(port.selected).toEqual([{ sheet: '01表', row: 9, col: 2 }]);
  // Every note was written: no notice about left-out notes.
  expect(screen.queryByText(/尾差较多/)).toBeNull();
});

test('many 尾差: when the port left the notes of 尾差-only cells out, the pane says so, until the marks are cleared', async () => {
  const port = new FakeRecordingPort();
  port.tailNotesOmitted = 26_148;
  renderPane(port);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText(/^检查完成。/)).toBeTruthy();
  expect(
    screen.getByText(
      '尾差较多：26148 个只有尾差的单元格已着色，但未加批注（全部加批注会超出 Excel 单次请求上限，需要多次往返）。各处说明见问题列表。',
    ),
  ).toBeTruthy();
  // A later check that writes every note drops it.
  port.tailNotesOmitted = 0;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.queryByText(/尾差较多/)).toBeNull();
  port.tailNotesOmitted = 5;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText(/尾差较多：5 个只有尾差的单元格/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  });
  expect(screen.queryByText(/尾差较多/)).toBeNull();
});

test('ignored mark records (forged or stale) are reported after a check and after clearing', async () => {
  const port = new FakeRecordingPort();
  port.invalidRecords = 4;
  renderPane(port);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText('4 条标记记录无效，已忽略。')).toBeTruthy();
  port.invalidRecords = 2;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  });
  expect(screen.getByText('2 条标记记录无效，已忽略。')).toBeTruthy();
  port.invalidRecords = 0;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  });
  expect(screen.queryByText(/标记记录无效/)).toBeNull();
});

test('errors: a Chinese message with what to do, and the pane stays usable', async () => {
  const port = new FakeRecordingPort();
  port.failWith = Object.assign(new Error('x'), { userMessage: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后再试。' });
  renderPane(port);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText('检查未完成')).toBeTruthy();
  expect(screen.getByText(/请按 Enter 或 Esc/)).toBeTruthy();
  expect((screen.getByRole('button', { name: '检查' }) as HTMLButtonElement).disabled).toBe(false);
});

test('an unexpected error is still shown in Chinese, not as a crash', async () => {
  const port = new FakeRecordingPort();
  port.failWith = new TypeError('Cannot read properties of undefined');
  renderPane(port);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
  });
  expect(screen.getByText(/发生了意外错误/)).toBeTruthy();
});
