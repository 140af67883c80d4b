// The WPS task pane: the same React pane as in Excel (src/taskpane), on the WPS adapter. Outside WPS it says
// so in Chinese instead of a blank page. A task comes in the address (?run=check|generate, a new pane) or from
// the ribbon through WPS's PluginStorage while the pane is open (looked at twice a second).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { StartupMessage } from '../taskpane/components/StartupMessage';
import { TaskPane } from '../taskpane/components/TaskPane';
import { PaneController } from '../taskpane/pane-controller';
import { toPaneError } from '../taskpane/pane-errors';
import { createWpsPort, inWps, takePendingRun } from './wps-host';

const NOT_IN_WPS = {
  title: '请在 WPS 表格中使用',
  detail: '这是决算公开助手的 WPS 加载项页面，请在 WPS 表格的“决算公开”选项卡中点击“打开助手”。',
};

function start(): void {
  const root = createRoot(document.getElementById('root')!);
  const show = (node: JSX.Element) => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  try {
    if (!inWps()) {
      show(<StartupMessage title={NOT_IN_WPS.title} detail={NOT_IN_WPS.detail} />);
      return;
    }
    const controller = new PaneController({ port: createWpsPort() });
    show(<TaskPane controller={controller} />);
    const run = (task: string | null) => {
      if (task === 'check') void controller.check();
      else if (task === 'generate') void controller.generate();
    };
    run(new URLSearchParams(window.location.search).get('run'));
    takePendingRun();
    const timer = setInterval(() => {
      try {
        run(takePendingRun());
      } catch (e) {
        // WPS's storage is gone (the pane is closing): stop looking, the pane's own buttons still work.
        clearInterval(timer);
        console.error('决算公开助手：无法读取功能区交给助手的任务', e);
      }
    }, 500);
  } catch (e) {
    console.error('决算公开助手：启动失败', e);
    const error = toPaneError(e, '启动');
    show(<StartupMessage title={error.title} detail={error.detail} />);
  }
}

start();
