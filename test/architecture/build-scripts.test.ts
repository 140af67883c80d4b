// Build and run (#15 point 6): `npm run build` keeps dist/page/ (what `npm run build:page` wrote and `npm run
// serve` serves), `npm run serve` rebuilds only when a source changed, and the manifest is Chinese by default.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/example';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as (env: object, argv: object) => Promise<{ output: { path: string; clean: unknown } }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stamp = require('../../scripts/page-stamp.js') as {
  staleReason(root: string, outDir?: string, sources?: string[]): string | null;
  writeStamp(root: string, outDir?: string, sources?: string[]): void;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../../scripts/validate-manifest.js') as { semanticProblems(xml: string): string[] };

describe('webpack outputs', () => {
  test('the add-in build cleans dist/ but keeps dist/page/; the page build cleans only dist/page/', async () => {
    const addin = await webpackConfig({}, { mode: 'production' });
    const page = await webpackConfig({ page: true }, { mode: 'production' });
    expect(addin.output.path).toBe(join(ROOT, 'dist'));
    expect(page.output.path).toBe(join(ROOT, 'dist', 'page'));
    const keep = (addin.output.clean as { keep: RegExp }).keep;
    // webpack asks `keep` with paths relative to dist/.
    for (const kept of ['page/index.html', 'page/page.js', 'page/.sources-hash']) expect(keep.test(kept)).toBe(true);
    for (const cleaned of ['taskpane.js', 'page.html', 'page.js', 'assets/icon-16.png', 'pages/x.js']) expect(keep.test(cleaned)).toBe(false);
    expect(page.output.clean).toBe(true);
  });
});

describe('serve rebuilds only when a source changed', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fa-stamp-'));
    mkdirSync(join(root, 'src', 'page'), { recursive: true });
    writeFileSync(join(root, 'src', 'page', 'index.tsx'), 'export {};\n');
    writeFileSync(join(root, 'package.json'), '{}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const out = () => join(root, 'dist', 'page');
  const build = () => {
    mkdirSync(out(), { recursive: true });
    writeFileSync(join(out(), 'index.html'), '<html></html>');
    stamp.writeStamp(root, out());
  };

  test('no build, then a build, then an edit, then a rebuild', () => {
    expect(stamp.staleReason(root, out())).toBe('网页尚未构建');
    build();
    expect(stamp.staleReason(root, out())).toBeNull();
    writeFileSync(join(root, 'src', 'page', 'index.tsx'), 'export const x = 1;\n');
    expect(stamp.staleReason(root, out())).toBe('源代码已改动');
    build();
    expect(stamp.staleReason(root, out())).toBeNull();
    // A new source file counts too; rewriting a file with the same content does not.
    writeFileSync(join(root, 'src', 'page', 'more.ts'), 'export {};\n');
    expect(stamp.staleReason(root, out())).toBe('源代码已改动');
    build();
    writeFileSync(join(root, 'src', 'page', 'more.ts'), 'export {};\n');
    expect(stamp.staleReason(root, out())).toBeNull();
  });

  test('a page built without a stamp (an older build) is rebuilt', () => {
    mkdirSync(out(), { recursive: true });
    writeFileSync(join(out(), 'index.html'), '<html></html>');
    expect(stamp.staleReason(root, out())).toBe('没有构建记录');
  });

  test('npm run serve goes through the stamp check and takes --rebuild', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.serve).toBe('node scripts/serve-page.js');
    const script = readFileSync(join(ROOT, 'scripts', 'serve-page.js'), 'utf8');
    expect(script).toContain("args.includes('--rebuild')");
    expect(script).toContain('staleReason(root)');
  });
});

describe('manifest locale', () => {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  test('zh-CN by default with an en-US override of every text', () => {
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest.semanticProblems(xml)).toEqual([]);
    const defaults = [...xml.matchAll(/DefaultValue="([^"]*)">\s*<(?:bt:)?Override Locale="en-US"/g)].map((m) => m[1]);
    expect(defaults.length).toBeGreaterThanOrEqual(12);
    for (const d of defaults) expect(d).toMatch(/[\u4e00-\u9fff]/);
    expect(xml).not.toContain('Locale="zh-CN"');
  });
  test('the check refuses an English default', () => {
    const english = xml
      .replace('<DefaultLocale>zh-CN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>')
      .replace('DefaultValue="检查"', 'DefaultValue="Check"');
    expect(manifest.semanticProblems(english)).toEqual(['DefaultLocale must be zh-CN', 'ribbon label Check.Label has no Chinese default']);
  });
});
