// Ribbon commands without UI (ExecuteFunction): 清除标记, and 检查 / 一键生成公开表, which ask the task pane to run
// them (pane-request-command.ts: a message, so a click while the pane is open runs the action again).
// A failure is logged and shown in a dialog (run-command.ts), never swallowed.
/// <reference types="office-js" />
import { createOfficePort } from '../taskpane/office-host';
import { runCommand, type CommandHost } from './run-command';
import { pollUntil, requestPaneAction, type RequestDeps } from './pane-request-command';
import type { PaneAction } from '../taskpane/pane-requests';

const host: CommandHost = {
  paneUrl: new URL('taskpane.html', window.location.href).toString(),
  showDialog(url, onClosed, onFailed) {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        onFailed(result.error);
        return;
      }
      const dialog = result.value;
      // The dialog's 关闭 button sends a message; closing it with its own X raises a dialog event.
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        onClosed();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, onClosed);
    });
  },
  log: (message, error) => console.error(message, error),
};

async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  await runCommand(
    '清除标记',
    () => createOfficePort().clearMarks(),
    () => event.completed(),
    host,
  );
}

/** How long the command waits for an open pane to acknowledge (the pane looks at least every second). */
const ACK_WAIT_MS = 2500;

function requestDeps(): RequestDeps {
  let n = 0;
  return {
    storage: window.localStorage,
    now: () => Date.now(),
    newId: () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${(n += 1)}`,
    waitFor: pollUntil(ACK_WAIT_MS),
  };
}

function paneRequest(action: PaneAction) {
  return (event: Office.AddinCommands.Event) => requestPaneAction(action, () => event.completed(), host, requestDeps());
}

Office.onReady(() => {
  Office.actions.associate('clearMarks', clearMarks);
  Office.actions.associate('requestCheck', paneRequest('check'));
  Office.actions.associate('requestGenerate', paneRequest('generate'));
});
