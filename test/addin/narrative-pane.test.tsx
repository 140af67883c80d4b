/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The pane's (and the page's) 情况说明 figure list and 上年数 picker, rendered with React and Fluent UI in jsdom:
// the figures of a real check of the Fuzhou 情况说明, filtered by status, a click selects the cell; last year's
// workbook picked, read through app/last-year.ts, kept in the controller's state and handed to check and generate.
// (Node's export conditions: the example workbooks are read with ExcelJS, whose uuid has no CommonJS browser build.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { checkWorkbook, type CheckOptions } from '../../src/app/check';
import { readLastYear } from '../../src/app/last-year';
import { refText, type CellRef } from '../../src/core/cells';
import type { FinalAccounts } from '../../src/core/model';
import { narrativeFromText } from '../../src/app/narrative-check';
import type { CheckReport } from '../../src/core/report';
import type { SheetLayout } from '../../src/port/layout';
import type { ClearResult, Mark, MarkResult, WorkbookPort } from '../../src/port/port';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { PaneController, type LoadedLastYear } from '../../src/taskpane/pane-controller';
import { FUZHOU_XLSX, ROOT, snapshotOf } from '../helpers/example';
import { lastYearWorkings } from '../narrative/fuzhou-draft';

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

class Port implements WorkbookPort {
  selected: CellRef[] = [];
  constructor(private readonly snapshot: WorkbookSnapshot) {}
  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.snapshot;
  }
  async applyMarks(_marks: Mark[]): Promise<MarkResult> {
    return { tailNotesOmitted: 0, invalidRecords: 0 };
  }
  async clearMarks(): Promise<ClearResult> {
    return { cleared: 0, invalidRecords: 0 };
  }
  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    return layouts.map((l) => l.name);
  }
  async select(cell: CellRef): Promise<void> {
    this.selected.push(cell);
  }
}

let tables: WorkbookSnapshot;
let lastYearBook: WorkbookSnapshot;
// Three sections of the Fuzhou 情况说明 (基本支出, 三公, 政府采购) as printed: agreeing figures, counts (未核对) and
// the 服务 share of 0.00% the document got wrong. (The whole text's 197 rows take minutes in jsdom.)
const LINES = readFileSync(join(ROOT, 'test/fixtures/fuzhou-gxj-2024/narrative.txt'), 'utf8').split('\n');
const TEXT = [...LINES.slice(114, 119), ...LINES.slice(124, 129), ...LINES.slice(150, 153)].join('\n');

/** Clicks what shows this text (a button's label); text queries keep Fluent's jsdom cost down. */
async function click(text: string | RegExp, inside: HTMLElement = document.body): Promise<void> {
  await act(async () => {
    fireEvent.click(within(inside).getByText(text));
  });
}

const items = (list: HTMLElement) => Array.from(list.querySelectorAll('li'));
beforeAll(async () => {
  tables = await snapshotOf(FUZHOU_XLSX);
  lastYearBook = await lastYearWorkings({ '2011301': 1500 });
}, 60_000);

function renderPane(controller: PaneController, read?: (file: File) => Promise<WorkbookSnapshot>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane controller={controller} readLastYearFile={read} />
    </FluentProvider>,
  );
}

describe('the 情况说明 figure list', () => {
  let report: CheckReport;
  let port: Port;
  beforeAll(() => {
    report = checkWorkbook(tables, { narrative: narrativeFromText(TEXT, { kind: 'txt', name: 'narrative.txt' }) });
  });

  async function checked(): Promise<HTMLElement> {
    port = new Port(tables);
    renderPane(new PaneController({ port, check: () => report, layouts: () => ({ sheets: [], problems: [] }) }));
    await click('检查');
    return document.querySelector('section[aria-label="情况说明中的数字"]') as HTMLElement;
  }

  const count = (status: string) => report.narrative!.figures.filter((f) => f.status === status).length;

  it('lists every figure with its status, subject and the cell it ties to; counts by status', async () => {
    const list = await checked();
    const figures = report.narrative!.figures;
    const [ok, unverified] = [count('ok'), count('unverified')];
    expect([count('error'), ok > 5, unverified > 5]).toEqual([1, true, true]);
    expect(list.textContent).toContain(`共 ${figures.length} 个，已核对 ${figures.length - unverified} 个`);
    const filters = list.querySelector('[role="toolbar"][aria-label="按状态筛选"]')!;
    expect(Array.from(filters.querySelectorAll('button'), (b) => b.textContent)).toEqual([
      `全部 ${figures.length}`,
      '错误 1',
      `未核对 ${unverified}`,
      `一致 ${ok}`,
    ]);
    expect(items(list)).toHaveLength(figures.length);
    const personnel = figures.find((f) => f.subject === '人员经费' && f.kind === 'amount')!;
    const row = items(list).find((li) => li.textContent!.includes(`对应 ${refText(personnel.cells[0])}`))!;
    expect(row.textContent).toContain('一致');
    expect(row.textContent).toContain(`${personnel.text} · 人员经费`);
  }, 60_000);

  it('filters by status, and a click selects the tied cell', async () => {
    const list = await checked();
    await click('错误 1', list);
    expect(items(list)).toHaveLength(1);
    expect(items(list)[0].textContent).toContain('服务采购授予中小企业合同金额占服务支出金额');
    await click(`未核对 ${count('unverified')}`, list);
    expect(items(list)).toHaveLength(count('unverified'));
    // A 未核对 count has no cell (a text file has none): it cannot be jumped to, and says why.
    const counted = items(list).find((li) => li.textContent!.includes('公开表中没有数量'))!;
    expect(counted.querySelector('button')!.disabled).toBe(true);
    await click(`一致 ${count('ok')}`, list);
    await act(async () => {
      fireEvent.click(items(list)[0].querySelector('button')!);
    });
    const first = report.narrative!.figures.find((f) => f.status === 'ok')!;
    expect(port.selected).toEqual([first.cells[0]]);
  }, 60_000);
});

describe('the 上年数 picker', () => {
  const file = (name: string) => new File([new Uint8Array([1])], name);

  async function pick(name: string): Promise<void> {
    await act(async () => {
      fireEvent.change(screen.getByLabelText('选择上年数文件'), { target: { files: [file(name)] } });
    });
  }

  it('reads the picked workbook through app/last-year.ts; check and generate get it from the controller', async () => {
    const seen: CheckOptions[] = [];
    const generated: Array<LoadedLastYear | null | undefined> = [];
    const controller = new PaneController({
      port: new Port(tables),
      check: (s, o) => (seen.push(o), checkWorkbook(s, o)),
      layouts: (_s, _p, lastYear) => (generated.push(lastYear), { sheets: [], problems: [] }),
    });
    const names: string[] = [];
    renderPane(controller, async (f) => (names.push(f.name), lastYearBook));
    expect(screen.getByText(/可选：上年的九张公开表或底稿/)).toBeTruthy();
    await pick('2023年底稿.xlsx');
    expect(names).toEqual(['2023年底稿.xlsx']);
    const loaded = controller.getState().lastYear!;
    const expected: FinalAccounts = readLastYear(lastYearBook, '2023年底稿.xlsx').accounts!;
    expect(loaded.accounts).toEqual(expected);
    expect([loaded.file, loaded.source, loaded.accounts.year]).toEqual(['2023年底稿.xlsx', 'workings', 2023]);
    expect(document.querySelector('section[aria-label="上年数"]')!.textContent).toContain('上年数：2023年底稿.xlsx（2023 年度，底稿）');
    await click('检查');
    expect(seen[0].lastYear).toBe(loaded.accounts);
    expect(seen[0].lastYearFile).toBe('2023年底稿.xlsx');
    await click('一键生成公开表');
    expect(generated).toEqual([loaded]);
    // 不用上年数: off again, for check and generate alike.
    await click('不用上年数');
    expect(controller.getState().lastYear).toBeNull();
    await click('检查');
    expect(seen[1].lastYear).toBeUndefined();
  }, 60_000);

  it('a file that is no workbook, or holds neither tables nor working sheets, is refused in Chinese', async () => {
    const controller = new PaneController({ port: new Port(tables), layouts: () => ({ sheets: [], problems: [] }) });
    let next: () => Promise<WorkbookSnapshot> = async () => ({ sheets: [] });
    renderPane(controller, () => next());
    await pick('空.xlsx');
    expect(document.querySelector('[role="alert"]')!.textContent).toContain('“空.xlsx”中既没有可识别的公开表，也没有底稿');
    expect(controller.getState().lastYear).toBeNull();
    next = () => Promise.reject(Object.assign(new Error('x'), { userMessage: '上年数文件“旧.xls”是旧版 Excel（.xls）' }));
    await pick('旧.xls');
    expect(document.querySelector('[role="alert"]')!.textContent).toContain('是旧版 Excel（.xls）');
    // A good file afterwards clears the message.
    next = async () => lastYearBook;
    await pick('2023.xlsx');
    expect(document.querySelector('[role="alert"]')).toBeNull();
    expect(controller.getState().lastYear?.file).toBe('2023.xlsx');
  }, 60_000);
});
