// Errors of the WPS adapter → one error type with a Chinese message that says what happened and what to do.
// WPS's object model throws plain JS errors with no stable code, so the message carries the host's own text.

export class WpsAccessError extends Error {
  constructor(
    /** Chinese, for the user: what happened and what to do. */
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = 'WpsAccessError';
  }
}

export const NO_WORKBOOK = '当前没有打开的工作簿。请在 WPS 表格中打开要检查的工作簿后再试。';

/** Any error thrown by a WPS call, as the pane shows it; WpsAccessError passes through. */
export function describeWpsError(e: unknown, task: string): WpsAccessError {
  if (e instanceof WpsAccessError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new WpsAccessError(
    `WPS 表格未能完成${task}（${detail}）。常见原因：单元格正在编辑（请按 Enter 或 Esc 结束编辑）、工作表受保护（请在“审阅”中撤销保护）。请处理后再试。`,
  );
}
