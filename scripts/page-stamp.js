// Whether dist/page/ is up to date with its sources: `npm run build:page` writes a hash of every source it
// depends on into dist/page/.sources-hash; `npm run serve` rebuilds only when that hash differs (or with
// --rebuild). A content hash, not file times: a checkout or a copy changes times without changing sources.
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

/** What the page bundle is built from (relative to the repository root). */
const SOURCES = ['src', 'webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json'];
const STAMP = '.sources-hash';

function filesUnder(root, rel) {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(rel, name)));
}

/** One hash of the names and contents of every source file. */
function sourcesHash(root, sources = SOURCES) {
  const hash = createHash('sha256');
  for (const rel of sources.flatMap((s) => filesUnder(root, s))) {
    hash.update(rel.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The reason dist/page must be rebuilt, or null when it is up to date. */
function staleReason(root, outDir = path.join(root, 'dist', 'page'), sources = SOURCES) {
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return '网页尚未构建';
  const stampFile = path.join(outDir, STAMP);
  if (!fs.existsSync(stampFile)) return '没有构建记录';
  return fs.readFileSync(stampFile, 'utf8').trim() === sourcesHash(root, sources) ? null : '源代码已改动';
}

function writeStamp(root, outDir = path.join(root, 'dist', 'page'), sources = SOURCES) {
  fs.writeFileSync(path.join(outDir, STAMP), `${sourcesHash(root, sources)}\n`);
}

module.exports = { SOURCES, STAMP, sourcesHash, staleReason, writeStamp };
