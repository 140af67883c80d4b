// ESLint (flat config): typescript-eslint's recommended rules, React hooks in the UIs, and the layers of src/
// (eslint.layers.cjs, CommonJS so that test/architecture can load the same rules inside jest).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.cjs';

export default defineConfig(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'demo-output/', 'docs/generated/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_` marks a parameter or binding kept on purpose (the same rule tsc's noUnused* applies).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text is indented with the ideographic space (U+3000), in template strings as in plain ones.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Object-literal accessors (the fake Excel's write-only proxies) reach their owner through one alias.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self', 'owner'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/page/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}', 'src/wps/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  layers.layerBlocks(),
  layers.wpsGlobalBlocks(),
);
