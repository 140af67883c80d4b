// Every file the CLI writes is new and complete: checked before any work is done, written to a temporary
// file beside it, then linked into place, which fails if anything (a file, a dangling link) is there.
import { constants } from 'node:fs';
import { access, copyFile, link, lstat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** An output path that cannot be used, in Chinese. */
export class OutputError extends Error {}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path); // lstat: a dangling symbolic link exists too, and is never followed
    return true;
  } catch {
    return false;
  }
}

/** Why `path` cannot take a new output (it exists; its folder is missing or not writable), or null. */
export async function outputProblem(path: string): Promise<string | null> {
  if (await exists(path)) return `输出文件“${path}”已存在，不会覆盖；请换一个文件名或先移走它。`;
  const dir = dirname(path);
  try {
    if (!(await lstat(dir)).isDirectory()) return `“${dir}”不是文件夹，无法写入“${path}”。`;
  } catch {
    return `输出文件“${path}”所在的文件夹“${dir}”不存在。`;
  }
  try {
    await access(dir, constants.W_OK);
  } catch {
    return `没有权限在文件夹“${dir}”中写入“${path}”。请换一个有写权限的位置。`;
  }
  return null;
}

/** Throws OutputError when `path` cannot take a new output; call it before doing the work. */
export async function requireNewOutput(path: string): Promise<void> {
  const problem = await outputProblem(path);
  if (problem) throw new OutputError(problem);
}

/** Writes a new file atomically: never a half-written file, never over an existing path. */
export async function writeNewFile(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(tmp, data, { flag: 'wx' });
  try {
    try {
      await link(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputError(`输出文件“${path}”已存在，不会覆盖。`);
      // A file system without hard links: an exclusive copy is still never over an existing file.
      await copyFile(tmp, path, constants.COPYFILE_EXCL);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
