// The WPS add-in's entry page (index.html, loaded by WPS at start): the callbacks ribbon.xml names, as
// `window.ribbon`. 检查 and 一键生成公开表 open the task pane and run there; 清除标记 runs here, without UI;
// 打开助手 only opens the pane. A failure is logged and told in Chinese, never swallowed.
import { toPaneError } from '../taskpane/pane-errors';
import { createWpsPort, showTaskPane } from './wps-host';

/** What WPS passes to onAction / getImage: the control's id from ribbon.xml. */
interface RibbonControl {
  Id: string;
}

const IMAGES: Record<string, string> = {
  btnCheck: 'images/check-32.png',
  btnGenerate: 'images/generate-32.png',
  btnClear: 'images/clear-32.png',
  btnOpen: 'images/icon-32.png',
};

const baseUrl = () => new URL('.', window.location.href).toString();

async function clearMarks(): Promise<void> {
  try {
    const { cleared, invalidRecords } = await createWpsPort().clearMarks();
    const invalid = invalidRecords ? `另有 ${invalidRecords} 条标记记录无效，已忽略。` : '';
    window.alert((cleared > 0 ? `已清除 ${cleared} 处标记，您自己的格式保持原样。` : '工作簿中没有本助手的标记。') + invalid);
  } catch (e) {
    console.error('决算公开助手：清除标记失败', e);
    const error = toPaneError(e, '清除标记');
    window.alert(`${error.title}：${error.detail}`);
  }
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },

  OnAction(control: RibbonControl): Promise<void> | void {
    try {
      switch (control.Id) {
        case 'btnCheck':
          return showTaskPane(baseUrl(), 'check');
        case 'btnGenerate':
          return showTaskPane(baseUrl(), 'generate');
        case 'btnClear':
          return clearMarks();
        case 'btnOpen':
          return showTaskPane(baseUrl(), null);
      }
    } catch (e) {
      console.error('决算公开助手：操作失败', e);
      const error = toPaneError(e, '打开助手');
      window.alert(`${error.title}：${error.detail}`);
    }
  },

  GetImage(control: RibbonControl): string {
    return IMAGES[control.Id] ?? 'images/icon-32.png';
  },
};

(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
