#!/usr/bin/env node
// `npm run serve [-- --rebuild] [--port 8080]`: builds the standalone page only when its sources changed
// since the last build (scripts/page-stamp.js), or always with --rebuild, then serves dist/page/.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { staleReason } = require('./page-stamp');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
const reason = rebuild ? '指定了 --rebuild' : staleReason(root);
if (reason) {
  console.log(`正在构建网页（${reason}）…`);
  const webpack = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const built = spawnSync(process.execPath, [webpack, '--mode', 'production', '--env', 'page'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
} else {
  console.log('网页已是最新构建，直接启动（加 --rebuild 可强制重新构建）。');
}
const served = spawnSync(process.execPath, [path.join(__dirname, 'serve.js'), ...args.filter((a) => a !== '--rebuild')], { stdio: 'inherit' });
process.exit(served.status ?? 0);
