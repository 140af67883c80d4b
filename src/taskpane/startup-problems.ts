// What the pane shows instead of a blank page when it cannot start: office.js did not load (a 政务内网 without
// Microsoft's CDN and no OFFICE_JS_URL), the page was opened outside Excel, or a ribbon command failed.
import type { PaneError } from './pane-errors';

/** The office.js the page tried to load (the src of its script tag), or null when there is none. */
export function officeScriptUrl(doc: Pick<Document, 'querySelectorAll'>): string | null {
  for (const s of Array.from(doc.querySelectorAll('script[src]'))) {
    const src = s.getAttribute('src') ?? '';
    if (/office(\.debug)?\.js(\?|#|$)/i.test(src)) return src;
  }
  return null;
}

/** office.js is missing: how the administrator makes it load, and what a user who opened the page directly should do. */
export function officeJsMissing(scriptUrl: string | null): PaneError {
  const from = scriptUrl ? `本页面尝试从 ${scriptUrl} 加载，未成功` : '本页面没有引用 office.js';
  return {
    title: '无法加载 Office 组件（office.js），助手不能启动',
    detail:
      `助手需要 Microsoft 的 office.js 才能与 Excel 通信。${from}（常见原因：政务内网无法访问微软的 CDN appsforoffice.microsoft.com）。` +
      '请信息管理员把 office.js 的整个 dist 文件夹放到内网服务器上，构建时设置环境变量 OFFICE_JS_URL 指向它，' +
      '例如 OFFICE_JS_URL=https://内网服务器/office-js/office.js npm run build，然后重新部署加载项（详见 README“office.js on an intranet”）。' +
      '如果您是直接在浏览器中打开了这个页面：它必须在 Excel 中打开——请在 Excel 的“决算公开”选项卡中点击“打开助手”。',
  };
}

/** office.js loaded, but the page is not inside Excel (a browser tab, or another Office application). */
export const NOT_IN_EXCEL: PaneError = {
  title: '请在 Excel 中使用',
  detail: '决算公开助手是 Excel 加载项，请在 Excel 的“决算公开”选项卡中打开。',
};

/** The query parameter that turns the pane page into the dialog a failed ribbon command opens. */
export const COMMAND_ERROR_PARAM = 'commandError';

/** The dialog page's address for a failed command: the pane page with the message in its query. */
export function commandErrorUrl(paneUrl: string, error: PaneError): string {
  const url = new URL(paneUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(COMMAND_ERROR_PARAM, JSON.stringify({ title: error.title, detail: error.detail }));
  return url.toString();
}

/** The message a command-error dialog shows, read back from its address; null when the page is not one. */
export function commandErrorOf(search: string): PaneError | null {
  const raw = new URLSearchParams(search).get(COMMAND_ERROR_PARAM);
  if (raw === null) return null;
  try {
    const e = JSON.parse(raw) as { title?: unknown; detail?: unknown };
    if (typeof e.title === 'string' && typeof e.detail === 'string') return { title: e.title.slice(0, 200), detail: e.detail.slice(0, 2000) };
  } catch {
    // fall through: an address we did not make
  }
  return { title: '操作未完成', detail: '助手的命令没有完成。请打开助手窗格，再试一次。' };
}
