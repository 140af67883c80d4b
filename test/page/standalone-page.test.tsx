/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// (ExcelJS's dependencies resolve to their Node builds: the browser ones are ES modules jest does not transform.)
// The page in jsdom before a file is opened: 下载底稿模板, and no button that would change a workbook.
// (Checking the example workbook in jsdom takes minutes: the page after a check is tested in Chromium,
// test/e2e/presentation.test.ts.)
import { TextDecoder, TextEncoder } from 'node:util';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StandalonePage } from '../../src/page/components/StandalonePage';

const downloads: { name: string; size: number }[] = [];

beforeAll(() => {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // jsdom has no object URLs and no download: record what the page saves.
  URL.createObjectURL = (blob: Blob) => {
    downloads.push({ name: '', size: blob.size });
    return 'blob:test';
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads[downloads.length - 1].name = this.download;
  };
  Element.prototype.scrollIntoView = function () {};
  // jsdom lacks the text codecs the browser has (the zip reader uses them).
  Object.assign(globalThis, { TextDecoder, TextEncoder });
});

test('before any file: 下载底稿模板 saves the template; the page has no 插入底稿模板 (it changes no workbook)', async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <StandalonePage />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '下载底稿模板：决算底稿模板.xlsx' }));
  });
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['决算底稿模板.xlsx']));
  expect(downloads[0].size).toBeGreaterThan(5_000);
  expect(screen.queryByRole('button', { name: '插入底稿模板' })).toBeNull();
  expect(document.body.textContent).not.toContain('已在工作簿中标出');
}, 60_000);
