// Host errors → one error type with a Chinese message that says what happened and what to do.

export type AccessProblem = 'below-floor' | 'cell-editing' | 'not-found' | 'too-large' | 'protected' | 'name-taken' | 'busy' | 'unknown';

export class WorkbookAccessError extends Error {
  constructor(
    /** Chinese, for the user: what happened and what to do. */
    readonly userMessage: string,
    readonly problem: AccessProblem,
    readonly hostCode?: string,
  ) {
    super(userMessage);
    this.name = 'WorkbookAccessError';
  }
}

const BY_CODE: Record<string, { problem: AccessProblem; message: string }> = {
  InvalidOperationInCellEditMode: { problem: 'cell-editing', message: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后再试。' },
  ItemNotFound: { problem: 'not-found', message: '找不到要操作的工作表或单元格，可能已被改名或删除。请重新检查后再试。' },
  InvalidReference: { problem: 'not-found', message: '引用的单元格区域无效，可能工作表已被修改。请重新检查后再试。' },
  RequestPayloadSizeLimitExceeded: {
    problem: 'too-large',
    message: '一次要写入的数据过多，Excel 拒绝了请求。请关闭其他大型工作簿后重试；如仍失败，请改用桌面版 Excel。',
  },
  ResponsePayloadSizeLimitExceeded: { problem: 'too-large', message: '工作簿数据量过大，Excel 无法一次读出。请删除无关的大型工作表后重试。' },
  AccessDenied: { problem: 'protected', message: '工作簿或工作表受保护，无法写入。请在“审阅”中撤销保护后再试。' },
  ItemAlreadyExists: { problem: 'name-taken', message: '已有同名工作表（可能刚刚被添加）。请再点一次，助手会自动换一个名称，不会覆盖已有工作表。' },
  ActivityLimitReached: { problem: 'busy', message: 'Excel 正忙，请稍候几秒再试。' },
  GeneralException: { problem: 'unknown', message: 'Excel 报告了一个内部错误（可能是数据量过大或网络不稳定）。请保存工作簿后重试。' },
};

/** The error as the pane shows it; errors that already are WorkbookAccessError pass through. */
export function describeOfficeError(e: unknown): WorkbookAccessError {
  if (e instanceof WorkbookAccessError) return e;
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : undefined;
  const known = code ? BY_CODE[code] : undefined;
  if (known) return new WorkbookAccessError(known.message, known.problem, code);
  const detail = e instanceof Error ? e.message : String(e);
  return new WorkbookAccessError(`操作未能完成：${detail}。请保存工作簿、关闭并重新打开助手后再试。`, 'unknown', code);
}
