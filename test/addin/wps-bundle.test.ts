// The WPS add-in bundle: ribbon.xml is well-formed XML with the tab 决算公开 and its four buttons, and every
// callback it names is a function the bundle defines — checked on a real webpack build of the entry page
// (main.js, the entry of webpack.wps.config.js that index.html loads, into a temporary folder), run in a sandbox with a stub `wps`.
// The deployment files are well-formed too, and install.sh is valid shell.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { JSDOM } from 'jsdom';
import webpack from 'webpack';

/* eslint-disable @typescript-eslint/no-require-imports */
const wpsConfig = require('../../webpack.wps.config.js') as (env: unknown, argv: { mode: string }) => webpack.Configuration;
const deploy = require('../../scripts/wps-deploy.js') as {
  addonFolder(v: string): string;
  publishXml(v: string): string;
  jsPluginsXml(url: string): string;
  installSh(v: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

// A webpack build of the entry page takes a few seconds idle, far longer on a busy 2-core machine.
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const RIBBON_XML = fs.readFileSync(path.join(ROOT, 'src/wps/ribbon.xml'), 'utf8');
const CALLBACK_ATTRS = ['onLoad', 'onAction', 'getImage', 'getLabel', 'getEnabled', 'getVisible', 'getPressed', 'getScreentip'];

function parseXml(text: string): Document {
  const doc = new new JSDOM().window.DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

function callbackNames(doc: Document): string[] {
  const names = new Set<string>();
  for (const el of Array.from(doc.getElementsByTagName('*')))
    for (const attr of CALLBACK_ATTRS) {
      const v = el.getAttribute(attr);
      if (v) names.add(v);
    }
  return [...names].sort();
}

test('ribbon.xml is well-formed CustomUI with the tab 决算公开 and the four buttons', () => {
  const doc = parseXml(RIBBON_XML);
  expect(doc.documentElement.localName).toBe('customUI');
  expect(doc.documentElement.namespaceURI).toBe('http://schemas.microsoft.com/office/2006/01/customui');
  const tabs = Array.from(doc.getElementsByTagName('tab'));
  expect(tabs.map((t) => t.getAttribute('label'))).toEqual(['决算公开']);
  const buttons = Array.from(doc.getElementsByTagName('button'));
  expect(buttons.map((b) => b.getAttribute('label'))).toEqual(['检查', '一键生成公开表', '清除标记', '打开助手']);
  expect(callbackNames(doc)).toEqual(['ribbon.GetImage', 'ribbon.OnAction', 'ribbon.OnAddinLoad']);
  expect(() => parseXml('<customUI><tab></customUI>')).toThrow(/not well-formed/);
});

describe('the built entry page', () => {
  let bundle = '';
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-bundle-'));

  beforeAll(async () => {
    process.env.WPS_ADDIN_BASE_URL ??= 'http://intranet.example/final-accounts/';
    const full = wpsConfig({}, { mode: 'production' });
    // The build empties dist/wps only, never the other builds' output in dist/.
    expect(full.output).toMatchObject({ path: path.join(ROOT, 'dist', 'wps'), clean: true });
    const config: webpack.Configuration = {
      ...full,
      entry: { main: (full.entry as Record<string, string>).main },
      output: { path: out, filename: '[name].js' },
      plugins: [],
      context: ROOT,
    };
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
    );
    expect(stats.hasErrors()).toBe(false);
    bundle = fs.readFileSync(path.join(out, 'main.js'), 'utf8');
  });

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  /** Runs the bundle as WPS would load index.html; returns its window and what the stub `wps` was asked. */
  function load(existingPane = false) {
    const asked: string[] = [];
    const storage = new Map<string, unknown>(existingPane ? [['finalAccounts.taskPaneId', 'pane-1']] : []);
    const pane = { ID: 'pane-1', Visible: false };
    const wps = {
      EtApplication: () => ({ ActiveWorkbook: null }),
      CreateTaskPane: (url: string) => (asked.push(`create ${url}`), pane),
      GetTaskPane: (id: string) => (asked.push(`get ${id}`), id === 'pane-1' ? pane : null),
      PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => void storage.set(k, v) },
    };
    const alerts: string[] = [];
    const logged: string[] = [];
    const quiet = { ...console, error: (message: string) => logged.push(message) };
    const window = {
      location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/final-accounts_0.1.0/index.html' },
      alert: (t: string) => alerts.push(t),
    };
    vm.runInNewContext(bundle, { window, wps, URL, console: quiet, setTimeout, Promise });
    return { ribbon: (window as unknown as { ribbon: Record<string, unknown> }).ribbon, asked, alerts, logged, pane, storage };
  }

  test('every callback ribbon.xml names is a function of the bundle', () => {
    const { ribbon } = load();
    for (const name of callbackNames(parseXml(RIBBON_XML))) {
      const [object, member] = name.split('.');
      expect(object).toBe('ribbon');
      expect(typeof ribbon[member]).toBe('function');
    }
  });

  test('the buttons open the pane with their task, reuse an open pane, and clear tells its result in Chinese', async () => {
    let run = load();
    const onAction = (r: typeof run, id: string) => (r.ribbon.OnAction as (c: { Id: string }) => unknown)({ Id: id });
    onAction(run, 'btnCheck');
    expect(run.asked).toEqual(['create file:///home/u/.local/share/Kingsoft/wps/jsaddons/final-accounts_0.1.0/taskpane.html?run=check']);
    expect(run.pane.Visible).toBe(true);
    run = load(true);
    onAction(run, 'btnGenerate');
    expect(run.asked).toEqual(['get pane-1']);
    expect(run.storage.get('finalAccounts.pendingRun')).toBe('generate');
    await onAction(run, 'btnClear');
    expect(run.alerts).toEqual([expect.stringMatching(/^清除标记未完成：当前没有打开的工作簿/)]);
    expect(run.logged).toEqual(['决算公开助手：清除标记失败']);
    const images = ['btnCheck', 'btnGenerate', 'btnClear', 'btnOpen'].map((Id) => (run.ribbon.GetImage as (c: { Id: string }) => string)({ Id }));
    for (const image of images) expect(fs.existsSync(path.join(ROOT, 'assets', path.basename(image)))).toBe(true);
  });
});

test('the deployment files are well-formed and install.sh is valid shell', () => {
  const publish = parseXml(deploy.publishXml('0.1.0'));
  const entry = publish.getElementsByTagName('jsplugin')[0];
  expect(entry.getAttribute('url')).toBe(deploy.addonFolder('0.1.0'));
  expect(entry.getAttribute('type')).toBe('et');
  const online = parseXml(deploy.jsPluginsXml('http://内网/a?b=1&c=2'));
  expect(online.getElementsByTagName('jspluginonline')[0].getAttribute('url')).toBe('http://内网/a?b=1&c=2/');
});

test('install.sh installs offline for the current user and keeps the other add-ins of publish.xml', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-install-'));
  try {
    const bundleDir = path.join(tmp, 'wps');
    fs.mkdirSync(bundleDir);
    fs.writeFileSync(path.join(bundleDir, 'install.sh'), deploy.installSh('0.1.0'));
    fs.writeFileSync(path.join(bundleDir, 'publish.xml'), deploy.publishXml('0.1.0'));
    fs.writeFileSync(path.join(bundleDir, 'ribbon.xml'), RIBBON_XML);
    expect(() => execFileSync('sh', ['-n', path.join(bundleDir, 'install.sh')])).not.toThrow();
    const home = path.join(tmp, 'home');
    const jsaddons = path.join(home, '.local/share/Kingsoft/wps/jsaddons');
    fs.mkdirSync(jsaddons, { recursive: true });
    const other = '<jsplugin name="oa-helper" type="wps" url="oa-helper_2.0" version="2.0" enable="enable_dev" install="null"/>';
    fs.writeFileSync(path.join(jsaddons, 'publish.xml'), `<jsplugins>\n  ${other}\n</jsplugins>\n`);
    const run = () => execFileSync('sh', [path.join(bundleDir, 'install.sh')], { env: { ...process.env, HOME: home }, encoding: 'utf8' });
    expect(run()).toMatch(/已安装/);
    run(); // a second install replaces our entry, never duplicates it
    expect(fs.readFileSync(path.join(jsaddons, deploy.addonFolder('0.1.0'), 'ribbon.xml'), 'utf8')).toBe(RIBBON_XML);
    const publish = parseXml(fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8'));
    const names = Array.from(publish.getElementsByTagName('jsplugin')).map((e) => e.getAttribute('name'));
    expect(names).toEqual(['oa-helper', 'final-accounts']);
    expect(fs.readdirSync(jsaddons).filter((f) => f.startsWith('publish.xml.bak.')).length).toBeGreaterThanOrEqual(1);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
