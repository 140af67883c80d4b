// The e2e harness: the built page (dist/page) on a static server at a free 127.0.0.1 port, Debian's Chromium
// through playwright-core (never a downloaded browser), and a guard that fails on any request off the page.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PAGE_DIR = path.join(ROOT, 'dist', 'page');
export const EXAMPLE = path.join(ROOT, 'examples', 'fuzhou-gxj-2024.xlsx');
/** Screenshots for the README; E2E_SCREENSHOTS overrides the folder. */
export const SCREENSHOTS = path.resolve(process.env.E2E_SCREENSHOTS ?? path.join(ROOT, 'docs', 'screenshots'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../../scripts/serve.js') as {
  startServer: (o: { root: string }) => Promise<{ url: string; close: () => Promise<void> }>;
};

export interface Harness {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(path.join(PAGE_DIR, 'index.html')))
    throw new Error(`${PAGE_DIR}/index.html is missing: run npm run build:page (npm run test:e2e does)`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (Debian's package; never a downloaded browser)`);
  const server = await startServer({ root: PAGE_DIR });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to make anywhere but its own server (blocked). */
  offsite: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
}

export async function openPage(h: Harness, viewport: { width: number; height: number }): Promise<Watched> {
  const context = await h.browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const offsite: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(h.url) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(h.url);
  await page.getByRole('heading', { name: '决算公开助手（网页版）' }).waitFor();
  return { context, page, offsite, errors };
}

export async function screenshot(page: Page, name: string, target?: { locator: ReturnType<Page['locator']> }): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  if (target) await target.locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}

/** Counts of the findings list by severity label (错误/提示/尾差), read from the rendered lists. */
export function findingCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = { 错误: 0, 提示: 0, 尾差: 0 };
    for (const ul of Array.from(document.querySelectorAll('section[aria-label="检查结果"] ul[aria-label]'))) {
      const label = ul.getAttribute('aria-label')!.split(' ').pop()!;
      counts[label] = (counts[label] ?? 0) + ul.querySelectorAll(':scope > li').length;
    }
    return counts;
  });
}

/**
 * Text whose contrast against its background is below WCAG AA (4.5:1, 3:1 for large text), over the visible,
 * enabled elements holding text. Backgrounds are the first opaque one up the tree.
 */
export function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] >= 0.99) return bg;
      }
      return [255, 255, 255, 1];
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('[disabled],[aria-disabled="true"],noscript,option,select')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      // Blend a translucent text colour over its background.
      const fgb = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
      const [a, b] = [lum(fgb), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        out.push(`${ratio.toFixed(2)} ${style.color} on rgb(${bg.slice(0, 3).join(',')}): ${n.textContent.trim().slice(0, 40)}`);
    }
    return out;
  });
}
