// Any error → what the pane shows: a Chinese title and what to do. Adapters give their own Chinese message.

export interface PaneError {
  title: string;
  detail: string;
}

export function toPaneError(e: unknown, task: string): PaneError {
  const userMessage = (e as { userMessage?: unknown })?.userMessage;
  if (typeof userMessage === 'string') return { title: `${task}未完成`, detail: userMessage };
  const text = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(text)) return { title: `${task}未完成`, detail: text };
  return {
    title: `${task}未完成`,
    detail: `发生了意外错误（${text}）。请保存工作簿、关闭并重新打开助手后再试；如果仍然出错，请把这段文字发给技术支持。`,
  };
}
