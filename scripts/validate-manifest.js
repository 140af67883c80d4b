#!/usr/bin/env node
// Offline manifest validation: `npm run validate`.
// 1. manifest.xml and its production form (dev base URL replaced) against the 2020 task-pane XSDs with xmllint
//    (the online validator of office-addin-manifest is unreachable here);
// 2. dist/manifest.xml too when a build exists;
// 3. checks the XSD cannot express: exactly ReadWriteDocument, the ExcelApi floor, every resid defined,
//    every icon file present in assets/, Chinese overrides for the ribbon labels, no dev URL in production.
// The production transform is exported so that webpack.config.js writes dist/manifest.xml the same way.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DEV_BASE_URL = 'https://localhost:3000/';
const DEFAULT_PROD_BASE_URL = 'https://addin.example.invalid/final-accounts/';
const REQUIRED_EXCEL_API = '1.7';

/** ADDIN_BASE_URL with exactly one trailing slash, or the placeholder default. */
function productionBaseUrl(env = process.env) {
  const raw = (env.ADDIN_BASE_URL || DEFAULT_PROD_BASE_URL).trim();
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** The manifest as served from baseUrl: every dev URL rewritten, the AppDomain-free manifest otherwise unchanged. */
function productionManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

function schemaDir(env = process.env) {
  return env.MANIFEST_SCHEMAS ? path.resolve(env.MANIFEST_SCHEMAS) : path.resolve(ROOT, 'schemas', 'manifest');
}

function runXmllint(file, schemas) {
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(schemas, 'OfficeAppManifestV1_1.xsd'), file], { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') {
    return ['xmllint was not found: install it with `apt-get install -y libxml2-utils` (Debian/Ubuntu).'];
  }
  if (r.status !== 0) return [`${file}: schema validation failed`, (r.stderr || '').trim()];
  return [];
}

/** Checks beyond the schema. Returns a list of problems (empty = fine). */
function semanticProblems(xml, { production = false, assetsDir = path.join(ROOT, 'assets') } = {}) {
  const problems = [];
  const perms = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
  if (perms.length !== 1 || perms[0] !== 'ReadWriteDocument')
    problems.push(`Permissions must be exactly ReadWriteDocument, found: ${perms.join(', ') || 'none'}`);
  const floor = /<Set\s+Name="ExcelApi"\s+MinVersion="([^"]+)"/.exec(xml);
  if (!floor || floor[1] !== REQUIRED_EXCEL_API) problems.push(`Requirements must state ExcelApi MinVersion="${REQUIRED_EXCEL_API}"`);
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!defined.has(m[1])) problems.push(`resid "${m[1]}" is used but not defined in Resources`);
  }
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  for (const u of urls) {
    if (!u.startsWith('https://')) problems.push(`URL is not HTTPS: ${u}`);
    const asset = /\/assets\/([^/?"]+\.png)$/.exec(u);
    if (asset && !fs.existsSync(path.join(assetsDir, asset[1]))) problems.push(`icon ${asset[1]} is referenced but missing from assets/`);
    if (production && u.startsWith(DEV_BASE_URL)) problems.push(`production manifest still points at the dev server: ${u}`);
  }
  // A Chinese product: Chinese by default (zh-CN), English as the en-US override of every text.
  if (!/<DefaultLocale>zh-CN<\/DefaultLocale>/.test(xml)) problems.push('DefaultLocale must be zh-CN');
  const chinese = /[\u4e00-\u9fff]/;
  for (const id of ['Tab.Label', 'Check.Label', 'Generate.Label', 'Clear.Label', 'Open.Label']) {
    const block = new RegExp(`<bt:String\\s+id="${id.replace('.', '\\.')}"\\s+DefaultValue="([^"]*)"[^>]*>([\\s\\S]*?)</bt:String>`).exec(xml);
    if (!block || !chinese.test(block[1])) problems.push(`ribbon label ${id} has no Chinese default`);
    if (!block || !/Locale="en-US"/.test(block[2])) problems.push(`ribbon label ${id} has no en-US override`);
  }
  for (const element of ['DisplayName', 'Description']) {
    const block = new RegExp(`<${element}\\s+DefaultValue="([^"]*)"[^>]*>([\\s\\S]*?)</${element}>`).exec(xml);
    if (!block || !chinese.test(block[1]) || !/<Override\s+Locale="en-US"/.test(block[2]))
      problems.push(`${element} must be Chinese by default with an en-US override`);
  }
  return problems;
}

function validateText(label, xml, schemas, options) {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'manifest.xml');
  fs.writeFileSync(tmp, xml);
  const problems = [...runXmllint(tmp, schemas), ...semanticProblems(xml, options)];
  return problems.map((p) => `${label}: ${p}`);
}

function main() {
  const schemas = schemaDir();
  if (!fs.existsSync(path.join(schemas, 'OfficeAppManifestV1_1.xsd'))) {
    console.error(`Manifest schemas not found in ${schemas} (set MANIFEST_SCHEMAS to their folder).`);
    return 2;
  }
  const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const problems = [
    ...validateText('manifest.xml', source, schemas, {}),
    ...validateText(`manifest.xml for ${productionBaseUrl()}`, productionManifest(source, productionBaseUrl()), schemas, { production: true }),
  ];
  const built = path.join(ROOT, 'dist', 'manifest.xml');
  if (fs.existsSync(built)) {
    problems.push(
      ...validateText('dist/manifest.xml', fs.readFileSync(built, 'utf8'), schemas, {
        production: !/localhost:3000/.test(process.env.ADDIN_BASE_URL || '') && !isDevBuild(built),
      }),
    );
  } else {
    console.log('dist/manifest.xml not found (run `npm run build` first to validate the built manifest too).');
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    return 1;
  }
  console.log(`Manifest valid (offline XSD + checks): manifest.xml, production form${fs.existsSync(built) ? ', dist/manifest.xml' : ''}.`);
  return 0;
}

/** A dev build (`webpack --mode development`) keeps the localhost URLs on purpose; it leaves a marker file. */
function isDevBuild(builtManifest) {
  return fs.existsSync(path.join(path.dirname(builtManifest), '.dev-build'));
}

if (require.main === module) process.exitCode = main();

module.exports = { productionManifest, productionBaseUrl, semanticProblems, DEV_BASE_URL, DEFAULT_PROD_BASE_URL };
