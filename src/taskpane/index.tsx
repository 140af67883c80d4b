// Task pane entry: waits for Office, builds the port and the controller, renders, runs ?run=check|generate.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { TaskPane } from './components/TaskPane';
import { StartupMessage } from './components/StartupMessage';
import { createOfficePort, whenOfficeReady } from './office-host';
import { PaneController } from './pane-controller';
import { toPaneError } from './pane-errors';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const show = (node: JSX.Element) => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  const { inExcel } = await whenOfficeReady();
  if (!inExcel) {
    show(<StartupMessage title="请在 Excel 中使用" detail="决算公开助手是 Excel 加载项，请在 Excel 的“决算公开”选项卡中打开。" />);
    return;
  }
  let controller: PaneController | null = null;
  let port;
  try {
    port = createOfficePort((done, total) => controller?.reportProgress(done, total));
  } catch (e) {
    const err = toPaneError(e, '启动');
    show(<StartupMessage title={err.title} detail={err.detail} />);
    return;
  }
  controller = new PaneController({ port, limitations: port.limitations() });
  show(<TaskPane controller={controller} />);
  const run = new URLSearchParams(window.location.search).get('run');
  if (run === 'check') void controller.check();
  else if (run === 'generate') void controller.generate();
}

void start();
