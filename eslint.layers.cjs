// The layers of src/ as ESLint rules (no-restricted-imports), used by eslint.config.mjs and by
// test/architecture/layers.test.ts. CommonJS, so that jest can require it (it cannot import the .mjs config).
'use strict';

/**
 * The layers: each top folder of src/ and the folders it may import from (besides itself). Everything else
 * under src/ is forbidden to it, a folder added later included. core is the domain and imports nothing; the
 * port is plain data (snapshot, layout) and the workbook interface on core; kinds (each table kind's body
 * reader and layout) stand on both; readers (workbook snapshot → model) and generator (model → sheet layouts)
 * use kinds; app (the use cases) joins readers and generator; the adapters implement the port; the CLI, the
 * task pane, the ribbon commands and the page compose app and adapters. The synthetic workloads (benchmarks)
 * may use any product layer. A top folder of src/ missing here fails lint until it is given its place.
 */
const LAYERS = {
  core: [],
  port: ['core'],
  kinds: ['core', 'port'],
  readers: ['core', 'port', 'kinds'],
  generator: ['core', 'port', 'kinds'],
  app: ['core', 'port', 'kinds', 'readers', 'generator'],
  adapters: ['core', 'port'],
  cli: ['core', 'port', 'app', 'adapters'],
  taskpane: ['core', 'port', 'app', 'adapters'],
  commands: ['core', 'port', 'app', 'adapters', 'taskpane'],
  page: ['core', 'port', 'app', 'adapters', 'taskpane'],
  // The WPS add-in's bootstrap (ribbon callbacks, task pane entry): like the ribbon commands, on the pane.
  wps: ['core', 'port', 'app', 'adapters', 'taskpane'],
  synthetic: ['core', 'port', 'kinds', 'readers', 'generator', 'app', 'adapters'],
};

/** Layers that do no I/O and know no host: no Node built-ins, no ExcelJS, no React or Fluent UI. */
const PURE = ['core', 'port', 'kinds', 'readers', 'generator', 'app'];
const HOST_PACKAGES = String.raw`^(node:|(fs|path|os|child_process|worker_threads|url|http|https|net)(/|$)|exceljs$|react(-dom)?(/|$)|@fluentui/|office-)`;

/** Deepest folder nesting under src/<layer>/ that the relative patterns below cover. */
const MAX_DEPTH = 6;

/**
 * no-restricted-imports matches the import text, so the layer an import reaches is read off its relative
 * path: from a file d folders below src/, `../` × d then a folder name is that top folder of src/. One
 * block per depth makes the match exact (a nested `../rules` inside core is core itself, never a layer).
 */
function layerBlocks() {
  const blocks = [];
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    const may = allowed.length ? `may import only from ${allowed.join(', ')}` : 'may import nothing outside itself';
    const own = [layer, ...allowed].join('|');
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const patterns = [
        {
          // Up to src/, then any folder but its own and the allowed ones.
          regex: String.raw`^(\.\./){${depth}}(?!\.\./)(?!(${own})(/|$))`,
          message: `Layer boundary: src/${layer} ${may} (LAYERS in eslint.layers.cjs).`,
        },
        {
          regex: String.raw`^(\.\./){${depth + 1},}`,
          message: `Layer boundary: src/${layer} may not import from outside src/.`,
        },
      ];
      if (PURE.includes(layer)) {
        patterns.push({
          regex: HOST_PACKAGES,
          message: `Layer boundary: src/${layer} does no I/O and knows no host (no Node built-ins, ExcelJS, React, Fluent UI or Office packages).`,
        });
      }
      blocks.push({
        files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      });
    }
  }
  // A top folder of src/ that is not a layer yet: every import it makes is reported, until LAYERS places it.
  blocks.push({
    files: ['src/*/**/*.{ts,tsx}'],
    ignores: Object.keys(LAYERS).map((layer) => `src/${layer}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^', message: 'Layer boundary: this folder of src/ is not in LAYERS (eslint.layers.cjs); give it its place there.' }] },
      ],
    },
  });
  return blocks;
}

/** Where the `wps` global WPS injects may be named: its bootstrap only (the adapter gets the application passed in). */
const WPS_ALLOWED = ['src/wps/**', 'src/adapters/wps/**'];
const WPS_MESSAGE = 'The WPS global `wps` is named only in src/wps (the bootstrap) and src/adapters/wps (see docs/wps.md).';

/**
 * No `wps` outside the WPS bootstrap and adapter: the global itself (no-restricted-globals), and `wps.` or
 * `window.wps` however it is reached, or a local `wps` declared to stand for it (no-restricted-syntax).
 */
function wpsGlobalBlocks() {
  return [
    {
      files: ['src/**/*.{ts,tsx}'],
      ignores: WPS_ALLOWED,
      rules: {
        'no-restricted-globals': ['error', { name: 'wps', message: WPS_MESSAGE }],
        'no-restricted-syntax': [
          'error',
          { selector: "MemberExpression[object.name='wps']", message: WPS_MESSAGE },
          { selector: "MemberExpression[property.name='wps']", message: WPS_MESSAGE },
          { selector: "MemberExpression[property.value='wps']", message: WPS_MESSAGE },
          { selector: "VariableDeclarator[id.name='wps']", message: WPS_MESSAGE },
        ],
      },
    },
  ];
}

module.exports = { LAYERS, MAX_DEPTH, layerBlocks, wpsGlobalBlocks, WPS_ALLOWED };
