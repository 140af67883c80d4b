// A write that the file system refuses is reported in Chinese with the path, exit code 2, never a stack trace (#14).
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSystemMessage } from '../../src/cli/fs-errors';
import { main } from '../../src/cli/main';
import { FUZHOU_XLSX } from '../helpers/example';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

function inTempDir(f: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fa-write-'));
    try {
      await f(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test(
  'generate into a folder that does not exist: 错误 naming the folder before any work, exit 2, no stack',
  inTempDir(async (dir) => {
    const target = join(dir, '没有这个文件夹', '输出.xlsx');
    const { code, err } = await run(['generate', FUZHOU_XLSX, '-o', target]);
    expect(code).toBe(2);
    expect(err).toContain(`“${join(dir, '没有这个文件夹')}”不存在`);
    expect(err).not.toMatch(/内部错误|\n\s+at |Error:/);
  }),
  60_000,
);

test(
  'a dangling symbolic link as the output is refused, and its target is not created',
  inTempDir(async (dir) => {
    const target = join(dir, '链接目标.xlsx');
    const out = join(dir, '输出.xlsx');
    symlinkSync(target, out);
    const { code, err } = await run(['check', FUZHOU_XLSX, '--marked', out]);
    expect(code).toBe(2);
    expect(err).toContain('已存在，不会覆盖');
    expect(existsSync(target)).toBe(false);
  }),
  60_000,
);

test(
  'a written output is complete and alone: no temporary file is left beside it, and a second write is refused',
  inTempDir(async (dir) => {
    const out = join(dir, '底稿.xlsx');
    expect((await run(['template', '-o', out])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['底稿.xlsx']);
    const size = statSync(out).size;
    expect(size).toBeGreaterThan(1000);
    const again = await run(['template', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在，不会覆盖');
    expect(statSync(out).size).toBe(size);
  }),
  60_000,
);

test('each file-system code gets a Chinese reason; anything else is not taken for one', () => {
  const fsError = (code: string) => Object.assign(new Error(`${code}: x`), { code, path: '/x/输出.xlsx' });
  expect(fileSystemMessage(fsError('EACCES'))).toBe('“/x/输出.xlsx”没有权限写入或读取。请换一个位置或检查权限后再试。');
  expect(fileSystemMessage(fsError('ENOSPC'))).toContain('磁盘空间不足');
  expect(fileSystemMessage(fsError('EWHATEVER'))).toContain('无法读写（EWHATEVER）');
  expect(fileSystemMessage(new Error('plain'))).toBeNull();
  expect(fileSystemMessage('text')).toBeNull();
});
