import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/config';
import { handleError } from '../../server/http/errors';
import { silentLogger } from '../../server/logger';
import { widgetRoutes } from '../../server/pages/widget';
import { openMemoryDb } from '../../server/store/db';
import { seedBusiness, seedReview } from '../widget/fixtures';
import { launchChromium } from './chromium';

// Real Chromium against the built dist/widget.js (npm run test:browser builds first), embedded by a host page
// served from another origin with hostile CSS.
const ARTIFACTS = resolve(process.cwd(), 'test-artifacts');
const XSS = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
const LAYOUTS = ['list', 'grid', 'carousel', 'badge', 'floating'];

let browser: Browser;
let plaudit: ReturnType<typeof serve>;
let hostServer: Server;
let plauditUrl = '';
let hostUrl = '';
let bizA = '';
let bizB = '';

const HOSTILE_CSS = `* { all: unset } div { display: none !important }
  section[data-plaudit-widget], div[data-plaudit-widget] { display: block !important; margin: 16px 0 }
  #own { display: block !important; color: rgb(255, 0, 0); font: 20px serif }`;

function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>${HOSTILE_CSS}</style></head><body><div id="own">Host text</div>${body}
<script src="${plauditUrl}/widget.js" async></script></body></html>`;
}

function pages(path: string): { html: string; csp?: string } | null {
  if (path === '/all') {
    return {
      html: hostPage(
        `<section data-plaudit-widget="${bizA}" data-layout="list"></section>
         <div data-plaudit-widget="${bizB}" data-layout="grid"></div>
         <section data-plaudit-widget="${bizA}" data-layout="carousel"></section>
         <section data-plaudit-widget="${bizB}" data-layout="badge"></section>`,
      ),
    };
  }
  const layout = path.match(/^\/layout\/(\w+)$/)?.[1];
  if (layout)
    return { html: hostPage(`<section data-plaudit-widget="${bizA}" data-layout="${layout}"></section>`) };
  if (path === '/csp') {
    return {
      html: hostPage(`<section data-plaudit-widget="${bizA}" data-layout="list"></section>`),
      csp: `default-src 'none'; script-src ${plauditUrl}; connect-src ${plauditUrl}; style-src 'unsafe-inline'; img-src https: data:`,
    };
  }
  return null;
}

beforeAll(async () => {
  const db = openMemoryDb();
  const a = seedBusiness(db, { name: "Joe's Coffee", slug: 'joes' });
  const b = seedBusiness(db, { name: 'Bakery Two', slug: 'bakery' });
  bizA = a.id;
  bizB = b.id;
  seedReview(db, a, { rating: 5, content: 'Best flat white in town.', reply: 'Thanks, see you soon!' });
  seedReview(db, a, { rating: 4, content: XSS });
  seedReview(db, a, { rating: 5, content: 'Long review. '.repeat(40) });
  seedReview(db, b, { rating: 3, content: 'Good bread, slow queue.', source: 'yelp' });
  seedReview(db, b, { rating: 5, content: 'Croissants!', source: 'tripadvisor' });

  const app = new Hono();
  app.onError(handleError(silentLogger));
  const deps = { db, config: defaultConfig(), logger: silentLogger, clock: () => new Date() };
  app.route('/', widgetRoutes(deps));
  await new Promise<void>((done) => {
    plaudit = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      plauditUrl = `http://127.0.0.1:${info.port}`;
      done();
    });
  });
  hostServer = createServer((req, res) => {
    const page = pages(req.url ?? '/');
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': 'text/html',
      ...(page.csp ? { 'Content-Security-Policy': page.csp } : {}),
    });
    res.end(page.html);
  });
  await new Promise<void>((done) => hostServer.listen(0, '127.0.0.1', done));
  hostUrl = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => hostServer?.close(done));
  await new Promise((done) => plaudit?.close(done));
});

async function open(
  path: string,
  width = 1280,
): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${hostUrl}${path}`);
  return { page, errors, warnings };
}

const mountedCount = (page: Page) =>
  page.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-plaudit-widget]')).filter((h) =>
        h.shadowRoot?.querySelector('.pw'),
      ).length,
  );

describe('widget in Chromium', () => {
  it('renders every layout of two businesses on a hostile page, leaving the page alone', async () => {
    const { page, errors, warnings } = await open('/all');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(4);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const own = await page.evaluate(() => {
      const s = getComputedStyle(document.getElementById('own')!);
      return { color: s.color, font: s.fontFamily, size: s.fontSize, styles: document.styleSheets.length };
    });
    expect(own).toEqual({ color: 'rgb(255, 0, 0)', font: 'serif', size: '20px', styles: 1 });
    // Each widget is visible and styled by its own sheet, whatever `* { all: unset }` says.
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-plaudit-widget]')).map((h) => {
        const card = h.shadowRoot!.querySelector('.card, .badge')!;
        const s = getComputedStyle(card);
        return { height: card.getBoundingClientRect().height, radius: s.borderTopLeftRadius };
      }),
    );
    for (const box of boxes) expect(box.height).toBeGreaterThan(20);
    expect(boxes[0].radius).toBe('12px');
    await page.close();
  });

  it('shows hostile review text as text and runs none of it', async () => {
    const { page } = await open('/layout/list');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    const result = await page.evaluate((xss) => {
      const root = document.querySelector('[data-plaudit-widget]')!.shadowRoot!;
      const texts = Array.from(root.querySelectorAll('.tx')).map((p) => p.textContent);
      return {
        shown: texts.includes(xss),
        injected: root.querySelectorAll('img[src=x], script').length,
        pwned: (window as never as { pwned?: number }).pwned,
      };
    }, XSS);
    expect(result).toEqual({ shown: true, injected: 0, pwned: undefined });
    await page.close();
  });

  it('moves the carousel with the keyboard', async () => {
    const { page } = await open('/layout/carousel');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    const region = page.locator('section.car');
    await region.focus();
    const label = () => page.locator('.slide [role=group]').getAttribute('aria-label');
    expect(await label()).toBe('1 / 3');
    await page.keyboard.press('ArrowRight');
    expect(await label()).toBe('2 / 3');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await label()).toBe('3 / 3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await label()).toBe('2 / 3');
    await page.close();
  });

  it('opens the badge dialog, closes it with Escape and returns focus', async () => {
    const { page } = await open('/layout/badge');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    await page.locator('button.badge').click();
    const dialog = page.getByRole('dialog', { name: "Joe's Coffee" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('article').count()).toBe(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const focused = await page.evaluate(
      () => document.querySelector('[data-plaudit-widget]')!.shadowRoot!.activeElement?.className,
    );
    expect(focused).toContain('badge');
    await page.close();
  });

  it('works under a strict CSP that allows scripts only from Plaudit', async () => {
    const { page, errors } = await open('/csp');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    const radius = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('[data-plaudit-widget]')!.shadowRoot!.querySelector('.card')!)
          .borderTopLeftRadius,
    );
    expect(radius).toBe('12px');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves screenshots of each layout at 375 and 1280 px', async () => {
    for (const width of [375, 1280]) {
      for (const layout of LAYOUTS) {
        const { page } = await open(`/layout/${layout}`, width);
        await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
        await page.screenshot({ path: resolve(ARTIFACTS, `widget-${layout}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
  });
});
