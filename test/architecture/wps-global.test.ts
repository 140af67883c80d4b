// Nothing outside the WPS bootstrap (src/wps) and the WPS adapter (src/adapters/wps) names the `wps` global:
// the lint rule `npm run lint` applies (eslint.layers.cjs wpsGlobalBlocks) fires on snippets placed elsewhere,
// lets the allowed folders through, and no source file today breaks it (scanned without ESLint, which is slow).
import { ESLint, type Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports */
const { wpsGlobalBlocks } = require('../../eslint.layers.cjs') as { wpsGlobalBlocks: () => Linter.Config[] };
const tsParser = require('@typescript-eslint/parser') as Linter.Parser;
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(10_000);

const root = join(__dirname, '..', '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, ...wpsGlobalBlocks()],
});

async function wpsErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

test('npm run lint applies the rule', () => {
  expect(readFileSync(join(root, 'eslint.config.mjs'), 'utf8')).toContain('layers.wpsGlobalBlocks()');
});

test('the pane, the core or the Office adapter may not reach WPS, however it is spelt', async () => {
  expect(await wpsErrors('src/taskpane/x.ts', 'export const app = () => wps.EtApplication();\n')).toHaveLength(2);
  expect(await wpsErrors('src/core/x.ts', 'export const app = () => window.wps;\n')).toHaveLength(1);
  expect(await wpsErrors('src/adapters/office/x.ts', "export const app = () => (globalThis as any)['wps'];\n")).toHaveLength(1);
  expect(await wpsErrors('src/app/x.ts', 'declare const wps: { EtApplication(): unknown };\nexport const a = wps.EtApplication();\n')).toHaveLength(
    2,
  );
});

test('the bootstrap and the WPS adapter may, and other names are not caught', async () => {
  expect(await wpsErrors('src/wps/x.ts', 'export const app = () => wps.EtApplication();\n')).toEqual([]);
  expect(await wpsErrors('src/adapters/wps/x.ts', 'export const app = () => wps.EtApplication();\n')).toEqual([]);
  expect(
    await wpsErrors('src/taskpane/x.ts', "export const wpsLike = { wpsCount: 1 };\nexport const n = wpsLike.wpsCount + 'wps'.length;\n"),
  ).toEqual([]);
});

test('no source file outside the allowed folders names wps', () => {
  const src = join(root, 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const code = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
  const offenders = walk(src)
    .map((f) => relative(src, f).split(sep).join('/'))
    .filter((rel) => !rel.startsWith('wps/') && !rel.startsWith('adapters/wps/'))
    .filter((rel) => /(^|[^\w.$])wps\b(?!-)/.test(code(readFileSync(join(src, rel), 'utf8'))));
  expect(offenders).toEqual([]);
  // The scan does find the global where it is allowed (it can fail).
  expect(/(^|[^\w.$])wps\b/.test(code(readFileSync(join(src, 'wps', 'wps-host.ts'), 'utf8')))).toBe(true);
});
