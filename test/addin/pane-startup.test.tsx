/**
 * @jest-environment jsdom
 */
// The pane's entry (src/taskpane/index.tsx) as the browser runs it (#14 point 7): without office.js (`Office is not
// defined`), outside Excel, below the API floor, or as a failed command's dialog, it explains in Chinese; never blank.
import { screen, waitFor } from '@testing-library/react';

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown; ResizeObserver: unknown };

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globals.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

let errors: jest.SpyInstance;
beforeEach(() => {
  document.head.innerHTML = `<script src="${CDN}"></script>`;
  document.body.innerHTML = '<div id="root"></div>';
  window.history.replaceState({}, '', '/taskpane.html');
  delete globals.Office;
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  errors.mockRestore();
  delete globals.Office;
});

/** Loads the entry afresh, as the page does (it starts on import). */
async function startPane(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
}

/** A stand-in for what office.js defines, for the parts the entry touches. */
function fakeOffice(host: string | null, options: { apiSupported?: boolean; messages?: string[] } = {}) {
  return {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host, platform: null }),
    context: {
      requirements: { isSetSupported: () => options.apiSupported ?? true },
      ui: { messageParent: (m: string) => options.messages?.push(m) },
    },
  };
}

test('office.js did not load: the pane says how to set OFFICE_JS_URL, names the address it tried, and logs it', async () => {
  await startPane();
  await screen.findByText('无法加载 Office 组件（office.js），助手不能启动', undefined, { timeout: 10_000 });
  const text = document.body.textContent ?? '';
  expect(text).toContain(`本页面尝试从 ${CDN} 加载，未成功`);
  expect(text).toContain('OFFICE_JS_URL=https://内网服务器/office-js/office.js npm run build');
  expect(text).toContain('它必须在 Excel 中打开');
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('Office is not defined'));
}, 30_000);

test('opened in a browser tab (office.js loaded, no host): it must be opened from Excel', async () => {
  globals.Office = fakeOffice(null);
  await startPane();
  await screen.findByText('请在 Excel 中使用', undefined, { timeout: 10_000 });
  expect(document.body.textContent).toContain('请在 Excel 的“决算公开”选项卡中打开');
}, 30_000);

test('Excel below the API floor: the Chinese reason, not a blank pane', async () => {
  globals.Office = fakeOffice('Excel', { apiSupported: false });
  await startPane();
  await screen.findByText('启动未完成', undefined, { timeout: 10_000 });
  expect(document.body.textContent).toContain('您的 Excel 版本过旧');
}, 30_000);

test("as a failed command's dialog it shows the message, and 关闭 asks the command to close it", async () => {
  const messages: string[] = [];
  globals.Office = fakeOffice('Excel', { messages });
  const error = { title: '清除标记未完成', detail: '工作簿或工作表受保护，无法写入。' };
  window.history.replaceState({}, '', `/taskpane.html?commandError=${encodeURIComponent(JSON.stringify(error))}`);
  await startPane();
  await screen.findByText('清除标记未完成', undefined, { timeout: 10_000 });
  expect(document.body.textContent).toContain('工作簿或工作表受保护，无法写入。');
  screen.getByRole('button', { name: '关闭' }).click();
  await waitFor(() => expect(messages).toEqual(['close']));
}, 30_000);
