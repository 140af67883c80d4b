// `final-accounts --help`, `<command> --help`, `help <command>` and `--version` (#15), and the Chinese
// messages of the node:util parseArgs parser for bad options.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONS } from '../../src/cli/args';
import { COMMANDS, COMMON_OPTIONS } from '../../src/cli/commands';
import { ROOT } from '../helpers/example';
import { runCli } from '../helpers/cli';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('--version prints the version of package.json', async () => {
  const r = await runCli(['--version']);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out).toBe(`final-accounts ${VERSION}`);
  // After a command too.
  expect((await runCli(['check', '--version'])).out).toBe(`final-accounts ${VERSION}`);
});

test('--help lists every command with its usage, in Chinese, and the common options', async () => {
  const r = await runCli(['--help']);
  expect(r.code).toBe(0);
  for (const c of COMMANDS) {
    for (const u of c.usage) expect(r.out).toContain(u);
    expect(r.out).toContain(c.summary);
  }
  for (const name of COMMON_OPTIONS) expect(r.out).toContain(`--${name}`);
  expect(r.out).toContain('final-accounts <命令> --help');
  expect(r.out).toContain(VERSION);
  // -h and `help` say the same; no arguments at all is a usage error (exit 2) with the same text.
  expect((await runCli(['-h'])).out).toBe(r.out);
  expect((await runCli(['help'])).out).toBe(r.out);
  expect(await runCli([])).toMatchObject({ code: 2, out: r.out });
});

test.each(COMMANDS.map((c) => c.name))('%s --help lists each of its options with its text', async (name) => {
  const command = COMMANDS.find((c) => c.name === name)!;
  const r = await runCli([name, '--help']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('用法：');
  for (const u of command.usage) expect(r.out).toContain(u);
  for (const o of command.options) {
    const def = OPTIONS[o.name];
    expect(r.out).toContain(`--${o.name}`);
    expect(r.out).toContain((o.help ?? def.help).split('\n')[0]);
  }
  expect((await runCli(['help', name])).out).toBe(r.out);
  // The command's help, not the general list: no other command's usage.
  for (const other of COMMANDS.filter((c) => c.name !== name)) expect(r.out).not.toContain(other.usage[0]);
});

test('every command of the table runs (a missing argument is its own message, not an unknown command)', async () => {
  for (const c of COMMANDS) {
    const r = await runCli([c.name]);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('不认识的命令');
    expect(r.err).toMatch(/^错误：/);
  }
});

test('bad options are refused in Chinese, naming the option', async () => {
  const unknown = await runCli(['check', 'a.xlsx', '--colour']);
  expect(unknown).toMatchObject({ code: 2 });
  expect(unknown.err).toBe('错误：不认识的参数：--colour。运行 final-accounts --help 查看用法。');
  const missing = await runCli(['check', 'a.xlsx', '--profile']);
  expect(missing.err).toBe('错误：参数 --profile 需要一个值。');
  const switchValue = await runCli(['check', 'a.xlsx', '--json=yes']);
  expect(switchValue.err).toContain('参数 --json 不带值');
  const unknownCommand = await runCli(['chek', 'a.xlsx']);
  expect(unknownCommand.err).toBe('错误：不认识的命令“chek”。运行 final-accounts --help 查看用法。');
  expect((await runCli(['help', 'chek'])).err).toBe('错误：不认识的命令“chek”。运行 final-accounts --help 查看用法。');
});
