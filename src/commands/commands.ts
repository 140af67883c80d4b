// Ribbon commands without UI (ExecuteFunction): 清除标记. The check and generate buttons open the pane.
// A failure is logged and shown in a dialog (run-command.ts), never swallowed.
/// <reference types="office-js" />
import { createOfficePort } from '../taskpane/office-host';
import { runCommand, type CommandHost } from './run-command';

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

Office.onReady(() => {
  Office.actions.associate('clearMarks', clearMarks);
});
