// A ribbon command without UI (ExecuteFunction) that fails must not fail silently: it logs the error and opens a
// small dialog (the pane page with ?commandError=…) with the Chinese message. Excel's function commands have no
// notification API of their own; the Dialog API (DialogApi 1.1) is what a function file can show. The command's
// event.completed() is called exactly once: at once on success, else when the dialog closes or cannot open
// (completing first would unload the function file, and with it the dialog).
import { toPaneError } from '../taskpane/pane-errors';
import { commandErrorUrl } from '../taskpane/startup-problems';

export interface CommandHost {
  /** The task pane page's address (the dialog shows it with the message). */
  paneUrl: string;
  /** Opens the dialog; `onClosed` when it closes, `onFailed` when it cannot open. */
  showDialog(url: string, onClosed: () => void, onFailed: (error: unknown) => void): void;
  log(message: string, error: unknown): void;
}

export async function runCommand(task: string, work: () => Promise<unknown>, completed: () => void, host: CommandHost): Promise<void> {
  try {
    await work();
  } catch (e) {
    host.log(`决算公开助手：${task}失败`, e);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      completed();
    };
    const cannotShow = (error: unknown) => {
      host.log(`决算公开助手：无法显示“${task}”失败的提示`, error);
      finish();
    };
    try {
      host.showDialog(commandErrorUrl(host.paneUrl, toPaneError(e, task)), finish, cannotShow);
    } catch (error) {
      cannotShow(error);
    }
    return;
  }
  completed();
}
