// Ribbon commands without UI (ExecuteFunction): 清除标记. The check and generate buttons open the pane.
/// <reference types="office-js" />
import { createOfficePort } from '../taskpane/office-host';

async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await createOfficePort().clearMarks();
  } catch {
    // A function command has no UI to show the error in; the pane's 清除标记 button shows it.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('clearMarks', clearMarks);
});
