// Task pane entry: waits for Office, builds the port and the controller, renders, then runs each 检查 / 生成
// request the ribbon sends (pane-requests.ts), including one made just before the pane opened.
// It never leaves the pane blank: without office.js, outside Excel or on any startup error it says why in Chinese.
// Opened with ?commandError=… it is the dialog a failed ribbon command shows (src/commands).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { TaskPane } from './components/TaskPane';
import { StartupMessage } from './components/StartupMessage';
import { closeCommandDialog, createOfficePort, officeJsLoaded, whenOfficeReady } from './office-host';
import { PaneController } from './pane-controller';
import { toPaneError, type PaneError } from './pane-errors';
import { commandErrorOf, NOT_IN_EXCEL, officeJsMissing, officeScriptUrl } from './startup-problems';
import { listenForRequests } from './pane-requests';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const show = (node: JSX.Element) => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  const problem = (e: PaneError, onClose?: () => void) => show(<StartupMessage title={e.title} detail={e.detail} onClose={onClose} />);
  try {
    if (!officeJsLoaded()) {
      console.error('决算公开助手：office.js 未加载（Office is not defined）');
      problem(officeJsMissing(officeScriptUrl(document)));
      return;
    }
    const commandError = commandErrorOf(window.location.search);
    if (commandError) {
      problem(commandError, closeCommandDialog);
      return;
    }
    const { inExcel } = await whenOfficeReady();
    if (!inExcel) {
      problem(NOT_IN_EXCEL);
      return;
    }
    let controller: PaneController | null = null;
    const port = createOfficePort((done, total) => controller?.reportProgress(done, total));
    controller = new PaneController({ port, limitations: port.limitations() });
    // The 上年数 file is read in the pane with the file adapter, loaded only when one is picked.
    const readLastYearFile = async (file: File) =>
      (await import('./last-year-file')).readLastYearFile(file.name, new Uint8Array(await file.arrayBuffer()));
    show(<TaskPane controller={controller} readLastYearFile={readLastYearFile} />);
    const pane = controller;
    listenForRequests(window, (action) => void (action === 'check' ? pane.check() : pane.generate()), {
      now: () => Date.now(),
      every: (poll) => {
        const timer = window.setInterval(poll, 1000);
        return () => window.clearInterval(timer);
      },
    });
  } catch (e) {
    console.error('决算公开助手：启动失败', e);
    problem(toPaneError(e, '启动'));
  }
}

void start();
