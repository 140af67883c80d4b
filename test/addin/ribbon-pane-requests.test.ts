/**
 * @jest-environment jsdom
 */
// The ribbon's 检查 and 一键生成公开表 (#15 point 6): ExecuteFunction commands that send the task pane a message
// (src/taskpane/pane-requests.ts) instead of opening it at a `?run=` address. On the strict fake: a second click
// while the pane is open checks again; a click while it is closed asks the user to open it, and the pane runs
// the request on opening; a stale request is not run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { PaneController } from '../../src/taskpane/pane-controller';
import { listenForRequests, PENDING_MS, postRequest, REQUEST_KEY, type PaneAction } from '../../src/taskpane/pane-requests';
import { commandErrorOf } from '../../src/taskpane/startup-problems';
import { FakeExcel } from './fake-excel';
import { syntheticWorkload } from '../../src/synthetic';

type Command = (event: { completed: () => void }) => Promise<void>;

/** office.js as far as the function file uses it; the workbook is the strict fake. */
function installOffice(fx: FakeExcel) {
  const registered: Record<string, Command> = {};
  const dialogs: { url: string; close: () => void }[] = [];
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };
  g.Excel = { run: fx.run };
  g.Office = {
    onReady: (cb?: () => void) => (cb?.(), Promise.resolve({ host: 'Excel' })),
    actions: { associate: (name: string, f: Command) => (registered[name] = f) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: { isSetSupported: (_set: string, v: string) => fx.isSupported(v) },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
          const handlers: Record<string, () => void> = {};
          dialogs.push({ url, close: () => handlers.dialogEventReceived?.() });
          cb({ status: 'succeeded', value: { addEventHandler: (type: string, h: () => void) => (handlers[type] = h), close: () => {} } });
        },
      },
    },
  };
  return { registered, dialogs };
}

async function loadCommands(fx: FakeExcel) {
  const office = installOffice(fx);
  await jest.isolateModulesAsync(async () => {
    await import('../../src/commands/commands');
  });
  return office;
}

/** A synthetic unit's filled working sheets on the fake, and a sheet of the user's own. */
async function workbook(): Promise<FakeExcel> {
  const fx = new FakeExcel('1.18');
  fx.addSheet('备忘', [['说明'], ['本工作簿用于测试。']]);
  for (const sheet of syntheticWorkload('small', 'workings', 3, '乙单位').sheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (const c of sheet.cells) {
      while (rows.length <= c.row) rows.push([]);
      while (rows[c.row].length <= c.col) rows[c.row].push(null);
      rows[c.row][c.col] = c.value as string | number | boolean | null;
    }
    fx.addSheet(sheet.name, rows);
  }
  return fx;
}

/** The task pane: a controller on the fake, and its listener (polling as the real pane does every second). */
function openPane(fx: FakeExcel) {
  const controller = new PaneController({ port: new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }) });
  const ran: PaneAction[] = [];
  const finished: Promise<void>[] = [];
  const listener = listenForRequests(
    window,
    (action) => {
      ran.push(action);
      finished.push(action === 'check' ? controller.check() : controller.generate());
    },
    {
      now: () => Date.now(),
      every: (poll) => {
        const t = setInterval(poll, 20);
        return () => clearInterval(t);
      },
    },
  );
  return { controller, ran, finished, listener };
}

let errors: jest.SpyInstance;
beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState({}, '', '/commands.html');
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

test('with the pane open, every click on 检查 checks the workbook again; 一键生成公开表 generates', async () => {
  const fx = await workbook();
  const { registered, dialogs } = await loadCommands(fx);
  const pane = openPane(fx);
  try {
    for (const click of [1, 2]) {
      const completed = jest.fn();
      await registered.requestCheck({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
      expect(pane.ran).toHaveLength(click);
      await Promise.all(pane.finished);
      // The check really ran on the workbook: the controller holds its report (of the working sheets' unit).
      expect(pane.controller.getState().report).not.toBeNull();
      expect(pane.controller.getState().error).toBeNull();
    }
    const completed = jest.fn();
    await registered.requestGenerate({ completed });
    await Promise.all(pane.finished);
    expect(pane.ran).toEqual(['check', 'check', 'generate']);
    expect(completed).toHaveBeenCalledTimes(1);
    // Nothing asked the user anything, and the 9 tables were added beside the user's sheet.
    expect(dialogs).toEqual([]);
    expect(fx.state.sheets.map((s) => s.name).filter((n) => n.startsWith('公开0'))).toHaveLength(9);
    expect(fx.state.sheets.map((s) => s.name)).toContain('备忘');
  } finally {
    pane.listener.stop();
  }
}, 30000);

test('with the pane closed, the click asks to open it; the pane opened then runs the request once', async () => {
  const fx = await workbook();
  const { registered, dialogs } = await loadCommands(fx);
  const completed = jest.fn();
  await registered.requestCheck({ completed });
  expect(dialogs).toHaveLength(1);
  expect(commandErrorOf(new URL(dialogs[0].url).search)).toMatchObject({ title: '请打开决算公开助手', detail: expect.stringContaining('打开助手') });
  // The dialog is open: the command completes when it closes.
  expect(completed).not.toHaveBeenCalled();
  dialogs[0].close();
  expect(completed).toHaveBeenCalledTimes(1);

  const pane = openPane(fx);
  try {
    expect(pane.ran).toEqual(['check']);
    await Promise.all(pane.finished);
    // Looked at again, the same request is not run twice.
    pane.listener.poll();
    expect(pane.ran).toEqual(['check']);
  } finally {
    pane.listener.stop();
  }
}, 30000);

test('a request older than two minutes, or not ours, is not run when the pane opens', async () => {
  postRequest(window.localStorage, 'generate', Date.now() - PENDING_MS - 1000, 'old');
  const fx = await workbook();
  const pane = openPane(fx);
  pane.listener.stop();
  expect(pane.ran).toEqual([]);
  window.localStorage.setItem(REQUEST_KEY, '{"action":"delete-everything","id":"x","at":0}');
  const again = openPane(fx);
  again.listener.stop();
  expect(again.ran).toEqual([]);
});

test('the manifest sends 检查 and 一键生成公开表 to the function file, and no button opens the pane at a ?run= address', () => {
  const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  expect(manifest).not.toContain('?run=');
  expect(manifest).toMatch(/<FunctionName>requestCheck<\/FunctionName>/);
  expect(manifest).toMatch(/<FunctionName>requestGenerate<\/FunctionName>/);
  // One pane address: 打开助手 opens taskpane.html, the only ShowTaskpane.
  expect(manifest.match(/xsi:type="ShowTaskpane"/g)).toHaveLength(1);
});
