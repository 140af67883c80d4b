// A write that the file system refuses is reported in Chinese with the path, exit code 2, never a stack trace (#14).
import { mkdtempSync, rmSync } from 'node:fs';
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

test('generate into a folder that does not exist: 错误 naming the path, exit 2, no stack', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fa-write-'));
  try {
    const target = join(dir, '没有这个文件夹', '输出.xlsx');
    const { code, err } = await run(['generate', FUZHOU_XLSX, '-o', target]);
    expect(code).toBe(2);
    expect(err).toContain(`“${target}”不存在`);
    expect(err).not.toMatch(/内部错误|\n\s+at |Error:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('each file-system code gets a Chinese reason; anything else is not taken for one', () => {
  const fsError = (code: string) => Object.assign(new Error(`${code}: x`), { code, path: '/x/输出.xlsx' });
  expect(fileSystemMessage(fsError('EACCES'))).toBe('“/x/输出.xlsx”没有权限写入或读取。请换一个位置或检查权限后再试。');
  expect(fileSystemMessage(fsError('ENOSPC'))).toContain('磁盘空间不足');
  expect(fileSystemMessage(fsError('EWHATEVER'))).toContain('无法读写（EWHATEVER）');
  expect(fileSystemMessage(new Error('plain'))).toBeNull();
  expect(fileSystemMessage('text')).toBeNull();
});
