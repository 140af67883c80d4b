// The layering rule can fail: ESLint, with the layer rules `npm run lint` applies (eslint.layers.cjs), rejects
// a core → readers import, a generator → adapters import and a type import of the port from core, and lets
// an allowed import through. The snippets are linted as if they stood at the given path; no file is written.
import { ESLint, type Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// eslint.config.mjs is an ES module, which jest cannot load; the layer rules it uses are this CommonJS module.
// The parser is required too: its types are published through package exports only, which this tsconfig's
// module resolution does not read.
/* eslint-disable @typescript-eslint/no-require-imports */
const { layerBlocks, LAYERS, MAX_DEPTH } = require('../../eslint.layers.cjs') as {
  layerBlocks: () => Linter.Config[];
  LAYERS: Record<string, string[]>;
  MAX_DEPTH: number;
};
const tsParser = require('@typescript-eslint/parser') as Linter.Parser;
/* eslint-enable @typescript-eslint/no-require-imports */

// One snippet lints in about 0.1 s; 10 s leaves room on a busy 2-core machine.
jest.setTimeout(10_000);

const root = join(__dirname, '..', '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, ...layerBlocks()],
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  test('npm run lint applies these rules', () => {
    const config = readFileSync(join(root, 'eslint.config.mjs'), 'utf8');
    expect(config).toMatch(/import layers from '\.\/eslint\.layers\.cjs'/);
    expect(config).toContain('layers.layerBlocks()');
  });

  test('core may not import a reader', async () => {
    const errors = await boundaryErrors('src/core/x.ts', "import { readAccounts } from '../readers/tables';\nexport const read = readAccounts;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layer boundary: src\/core may import nothing outside itself/);
  });

  test('core may not import the table kinds, a layer above it', async () => {
    const errors = await boundaryErrors('src/core/x.ts', "import { norm } from '../kinds/read/text';\nexport const n = norm;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layer boundary: src\/core/);
  });

  test('a new top folder of src/ fails lint until LAYERS places it', async () => {
    const errors = await boundaryErrors('src/newlayer/x.ts', "import { parseAmount } from '../core/money';\nexport const p = parseAmount;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/not in LAYERS/);
  });

  test('every source file stands in a layer, no deeper than the rules reach', () => {
    const src = join(root, 'src');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const misplaced = walk(src)
      .map((f) => relative(src, f).split(sep))
      .filter((parts) => !(parts[0] in LAYERS) || parts.length - 1 > MAX_DEPTH)
      .map((parts) => parts.join('/'));
    expect(misplaced).toEqual([]);
  });

  test('core may not import the port, not even a type, and not from a nested folder', async () => {
    const errors = await boundaryErrors(
      'src/core/rules/x.ts',
      "import type { WorkbookSnapshot } from '../../port/snapshot';\nexport type S = WorkbookSnapshot;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layer boundary: src\/core/);
  });

  test('the generator may not import an adapter', async () => {
    const errors = await boundaryErrors(
      'src/generator/layout/x.ts',
      "import { addLayoutSheet } from '../../adapters/file/exceljs-layout';\nexport const add = addLayoutSheet;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layer boundary: src\/generator may import only from core, port/);
  });

  test('a pure layer may not import ExcelJS or Node built-ins', async () => {
    const errors = await boundaryErrors(
      'src/readers/x.ts',
      "import ExcelJS from 'exceljs';\nimport { readFileSync } from 'node:fs';\nexport const x = [ExcelJS, readFileSync];\n",
    );
    expect(errors).toHaveLength(2);
  });

  test('allowed imports pass: core inside itself, a reader on core and the port, the app on readers and the generator', async () => {
    expect(await boundaryErrors('src/core/rules/x.ts', "import { parseAmount } from '../money';\nexport const p = parseAmount;\n")).toEqual([]);
    expect(
      await boundaryErrors(
        'src/readers/tables/x.ts',
        "import { parseAmount } from '../../core/money';\nimport { cellAt } from '../../port/snapshot';\nexport const x = [parseAmount, cellAt];\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src/app/x.ts',
        "import { readAccounts } from '../readers/tables';\nimport { tableSheets } from '../generator/sheets';\nexport const x = [readAccounts, tableSheets];\n",
      ),
    ).toEqual([]);
  });
});
