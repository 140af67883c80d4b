// A file-system failure (a read-only folder, a missing folder, a full disk) in Chinese, naming the path,
// instead of an English stack trace.

const WHY: Record<string, string> = {
  EACCES: '没有权限写入或读取',
  EPERM: '没有权限写入或读取',
  EROFS: '所在的磁盘或文件夹是只读的，无法写入',
  ENOENT: '不存在（或它所在的文件夹不存在）',
  ENOTDIR: '的路径中有一项不是文件夹',
  EISDIR: '是一个文件夹，请给出文件名',
  EEXIST: '已经存在，不会覆盖',
  ENOSPC: '所在的磁盘空间不足，无法写入',
  EMFILE: '无法打开：同时打开的文件太多',
};

/** The Chinese message for a Node file-system error, or null when `e` is not one. */
export function fileSystemMessage(e: unknown): string | null {
  // By shape, not instanceof: Node's own errors may come from another realm (a worker, a test sandbox).
  if (typeof e !== 'object' || e === null) return null;
  const { code, path } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string') return null;
  const why = WHY[code] ?? `无法读写（${code}）`;
  return `“${path}”${why}。请换一个位置或检查权限后再试。`;
}
