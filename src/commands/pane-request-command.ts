// 检查 / 一键生成公开表 on the ribbon: a request to the task pane (src/taskpane/pane-requests.ts). When the pane is
// open it acknowledges and runs it, again on every click; when no pane answers, a small dialog asks the user
// to open it with 打开助手, and the pane runs the request on opening.
import { isAcknowledged, postRequest, type PaneAction } from '../taskpane/pane-requests';
import { commandErrorUrl } from '../taskpane/startup-problems';
import type { CommandHost } from './run-command';

const ACTION_LABEL: Record<PaneAction, string> = { check: '检查', generate: '一键生成公开表' };

export interface RequestDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now: () => number;
  newId: () => string;
  /** Resolves true as soon as `acknowledged()` holds, false when the pane did not answer in time. */
  waitFor: (acknowledged: () => boolean) => Promise<boolean>;
}

export async function requestPaneAction(action: PaneAction, completed: () => void, host: CommandHost, deps: RequestDeps): Promise<void> {
  const request = postRequest(deps.storage, action, deps.now(), deps.newId());
  if (await deps.waitFor(() => isAcknowledged(deps.storage, request.id))) {
    completed();
    return;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    completed();
  };
  const message = {
    title: '请打开决算公开助手',
    detail: `助手窗格尚未打开。请点击“决算公开”选项卡中的“打开助手”，窗格打开后会自动${ACTION_LABEL[action]}（2 分钟内有效）。`,
  };
  try {
    host.showDialog(commandErrorUrl(host.paneUrl, message), finish, (error) => {
      host.log(`决算公开助手：无法显示“${ACTION_LABEL[action]}”的提示`, error);
      finish();
    });
  } catch (error) {
    host.log(`决算公开助手：无法显示“${ACTION_LABEL[action]}”的提示`, error);
    finish();
  }
}

/** Checks `acknowledged` every `stepMs` until it holds or `limitMs` have passed. */
export function pollUntil(limitMs: number, stepMs = 100): RequestDeps['waitFor'] {
  return (acknowledged) =>
    new Promise((resolve) => {
      const started = Date.now();
      const tick = () => {
        if (acknowledged()) resolve(true);
        else if (Date.now() - started >= limitMs) resolve(false);
        else setTimeout(tick, stepMs);
      };
      tick();
    });
}
