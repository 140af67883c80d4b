/**
 * @jest-environment jsdom
 */
// The ribbon's 清除标记 (src/commands/commands.ts, loaded as the function file loads it) on the strict fake (#14
// point 7): a failure is logged and shown in a dialog with the Chinese message, and event.completed() is still
// called exactly once (when the dialog closes, or at once when it cannot open). Success completes without a dialog.
import { commandErrorOf } from '../../src/taskpane/startup-problems';
import { FakeExcel } from './fake-excel';

type Handler = (arg?: unknown) => void;

interface FakeDialog {
  handlers: Record<string, Handler>;
  closed: number;
}

/** What office.js defines, as far as the function file uses it; the workbook is the strict fake. */
function installOffice(fx: FakeExcel, dialogOpens = true) {
  const registered: Record<string, (event: { completed: () => void }) => Promise<void>> = {};
  const dialogs: { url: string; dialog: FakeDialog }[] = [];
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };
  g.Excel = { run: fx.run };
  g.Office = {
    onReady: (cb?: () => void) => (cb?.(), Promise.resolve({ host: 'Excel' })),
    actions: { associate: (name: string, f: (typeof registered)[string]) => (registered[name] = f) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: { isSetSupported: (_set: string, v: string) => fx.isSupported(v) },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
          if (!dialogOpens) return cb({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened' } });
          const dialog: FakeDialog = { handlers: {}, closed: 0 };
          dialogs.push({ url, dialog });
          cb({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, h: Handler) => (dialog.handlers[type] = h),
              close: () => (dialog.closed += 1),
            },
          });
        },
      },
    },
  };
  return { registered, dialogs };
}

async function loadCommands(fx: FakeExcel, dialogOpens = true) {
  const office = installOffice(fx, dialogOpens);
  await jest.isolateModulesAsync(async () => {
    await import('../../src/commands/commands');
  });
  return office;
}

/** A small workbook: clearing reads it (2 syncs) and removes what the record names (here nothing) in a third. */
function markedWorkbook(): FakeExcel {
  const fx = new FakeExcel('1.18');
  fx.addSheet('表', [['项目', 100]]);
  return fx;
}

let errors: jest.SpyInstance;
beforeEach(() => {
  window.history.replaceState({}, '', '/commands.html');
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

test('a failed 清除标记 is logged and shown in a dialog; completed() once, when the dialog is closed', async () => {
  const fx = markedWorkbook();
  const { registered, dialogs } = await loadCommands(fx);
  // The sheet is protected: Excel refuses the removal at sync.
  fx.failNextSyncWith = { code: 'AccessDenied' };
  const completed = jest.fn();
  await registered.clearMarks({ completed });

  expect(errors).toHaveBeenCalledWith('决算公开助手：清除标记失败', expect.objectContaining({ problem: 'protected' }));
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0].url);
  expect(url.pathname).toBe('/taskpane.html');
  expect(commandErrorOf(url.search)).toEqual({ title: '清除标记未完成', detail: '工作簿或工作表受保护，无法写入。请在“审阅”中撤销保护后再试。' });
  // The dialog is open: completing now would unload the function file and the dialog with it.
  expect(completed).not.toHaveBeenCalled();
  dialogs[0].dialog.handlers.dialogMessageReceived({ message: 'close' });
  expect(dialogs[0].dialog.closed).toBe(1);
  dialogs[0].dialog.handlers.dialogEventReceived({ error: 12006 });
  expect(completed).toHaveBeenCalledTimes(1);
});

test('when the dialog cannot open, the failure is still logged and completed() is called', async () => {
  const fx = markedWorkbook();
  const { registered } = await loadCommands(fx, false);
  fx.failNextSyncWith = { code: 'AccessDenied' };
  const completed = jest.fn();
  await registered.clearMarks({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(errors).toHaveBeenCalledWith('决算公开助手：清除标记失败', expect.anything());
  expect(errors).toHaveBeenCalledWith('决算公开助手：无法显示“清除标记”失败的提示', expect.objectContaining({ code: 12007 }));
});

test('a successful 清除标记 completes at once, with no dialog and nothing logged', async () => {
  const fx = markedWorkbook();
  const { registered, dialogs } = await loadCommands(fx);
  const completed = jest.fn();
  await registered.clearMarks({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(dialogs).toEqual([]);
  expect(errors).not.toHaveBeenCalled();
});
