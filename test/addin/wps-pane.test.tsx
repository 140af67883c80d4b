/**
 * @jest-environment jsdom
 */
// The WPS task pane entry (src/wps/taskpane.tsx) as WPS's browser runs it: the React pane of src/taskpane, unchanged,
// on the WPS adapter over FakeWps. Outside WPS it says so in Chinese; ?run=check checks and marks the workbook; a task
// the ribbon leaves in PluginStorage while the pane is open (一键生成公开表) is run too.
import { screen, waitFor } from '@testing-library/react';
import { syntheticWorkload, workloadSnapshot } from '../../src/synthetic';
import { FakeWps } from './fake-wps';

const globals = globalThis as unknown as { wps?: unknown; ResizeObserver: unknown; IS_REACT_ACT_ENVIRONMENT?: boolean };

beforeAll(() => {
  // The entry renders on its own, as in WPS; no act() around it.
  globals.IS_REACT_ACT_ENVIRONMENT = false;
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globals.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  window.history.replaceState({}, '', '/taskpane.html');
  delete globals.wps;
});
let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  // The pane of the last test stops looking for tasks once `wps` is gone (it says so in the console).
  delete globals.wps;
  await new Promise((resolve) => setTimeout(resolve, 600));
  errors.mockRestore();
});

async function startPane(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    await import('../../src/wps/taskpane');
  });
}

/** What WPS injects, over a fake workbook: a small synthetic unit's nine tables. */
function installWps(): { fw: FakeWps; storage: Map<string, unknown> } {
  const fw = new FakeWps();
  fw.loadSnapshot(workloadSnapshot(syntheticWorkload('small', 'tables', 7)));
  const storage = new Map<string, unknown>();
  globals.wps = {
    EtApplication: () => fw.application,
    PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => void storage.set(k, v) },
  };
  return { fw, storage };
}

const ourRules = (fw: FakeWps) => fw.sheets.reduce((n, s) => n + s.rules.filter((r) => r.formula?.includes('FINAL-ACCOUNTS-MARK:')).length, 0);

test('outside WPS the pane says where to open it', async () => {
  await startPane();
  await screen.findByText('请在 WPS 表格中使用', undefined, { timeout: 10_000 });
  expect(document.body.textContent).toContain('“决算公开”选项卡');
}, 30_000);

test('?run=check reads, checks and marks the workbook in WPS; a 生成 task left by the ribbon is run as well', async () => {
  const { fw, storage } = installWps();
  const sheetsBefore = fw.sheets.length;
  const namesBefore = fw.sheets.map((s) => s.name);
  window.history.replaceState({}, '', '/taskpane.html?run=check');
  await startPane();
  await screen.findByText(/检查完成/, undefined, { timeout: 20_000 });
  expect(ourRules(fw)).toBeGreaterThan(0);
  expect(fw.properties.length).toBeGreaterThan(0);

  storage.set('finalAccounts.pendingRun', 'generate');
  await waitFor(() => expect(fw.sheets.length).toBeGreaterThan(sheetsBefore), { timeout: 20_000 });
  await screen.findByText(/已生成 \d+ 张工作表/, undefined, { timeout: 20_000 });
  expect(storage.get('finalAccounts.pendingRun')).toBe('');
  // The generated sheets come after the user's, which are all still there.
  expect(fw.sheets.slice(0, sheetsBefore).map((s) => s.name)).toEqual(namesBefore);
}, 60_000);
