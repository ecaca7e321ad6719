import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { defaultConfig } from '../../server/config';
import { handleError } from '../../server/http/errors';
import { silentLogger } from '../../server/logger';
import { widgetRoutes } from '../../server/pages/widget';
import { openMemoryDb } from '../../server/store/db';
import { seedBusiness, seedReview } from '../widget/fixtures';
import { launchChromium } from './chromium';

// Plaudit (serving the built dist/widget.js and the data) on one port, host pages on another: a real cross-origin
// embed in real Chromium.
export const XSS = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

/** Global CSS a careless host might ship; its own rules keep the widget hosts and its markers visible. */
export const HOSTILE_CSS = `* { all: unset } div { display: none !important }
section[data-plaudit-widget], div[data-plaudit-widget] { display: block !important; margin: 16px 0 }
#own { display: block !important; color: rgb(255, 0, 0); font: 20px serif }
#cta { position: fixed; left: 16px; bottom: 16px; padding: 12px; background: rgb(0, 128, 0); color: #fff }
#tall { display: block; height: 1600px }`;

export type HostPage = { html: string; csp?: string };
export type Env = { plauditUrl: string; hostUrl: string; bizA: string; bizB: string };

/**
 * A host page. The hostile CSS is an external sheet of the host's own origin, so it applies under a strict CSP
 * (`style-src 'self'`) too and its text never shows (`all: unset` would display the contents of a <style>).
 */
export function hostPage(env: Env, body: string, { hostile = true } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
${hostile ? '<link rel="stylesheet" href="/host.css">' : ''}</head><body>${body}
<script src="${env.plauditUrl}/widget.js" async></script></body></html>`;
}

export type Harness = Env & {
  open(path: string, opts?: OpenOptions): Promise<Opened>;
  close(): Promise<void>;
};
export type OpenOptions = { width?: number; height?: number; init?: () => void };
export type Opened = { page: Page; errors: string[]; warnings: string[]; dataRequests: string[] };

/** Seeds two businesses, starts both servers and Chromium. `pages` maps a host path to its page. */
export async function startHarness(pages: (path: string, env: Env) => HostPage | null): Promise<Harness> {
  const db = openMemoryDb();
  const a = seedBusiness(db, { name: "Joe's Coffee", slug: 'joes' });
  const b = seedBusiness(db, { name: 'Bakery Two', slug: 'bakery' });
  seedReview(db, a, { rating: 5, content: 'Best flat white in town.', reply: 'Thanks, see you soon!' });
  seedReview(db, a, { rating: 4, content: XSS });
  seedReview(db, a, { rating: 5, content: 'Long review. '.repeat(40) });
  seedReview(db, b, { rating: 3, content: 'Good bread, slow queue.', source: 'yelp' });
  seedReview(db, b, { rating: 5, content: 'Croissants!', source: 'tripadvisor' });

  const app = new Hono();
  app.onError(handleError(silentLogger));
  app.route(
    '/',
    widgetRoutes({ db, config: defaultConfig(), logger: silentLogger, clock: () => new Date() }),
  );
  let plaudit: ReturnType<typeof serve> | undefined;
  const plauditUrl = await new Promise<string>((done) => {
    plaudit = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      done(`http://127.0.0.1:${info.port}`),
    );
  });
  const env: Env = { plauditUrl, hostUrl: '', bizA: a.id, bizB: b.id };
  const hostServer: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/host.css') return res.writeHead(200, { 'Content-Type': 'text/css' }).end(HOSTILE_CSS);
    const page = pages(path, env);
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': 'text/html',
      ...(page.csp ? { 'Content-Security-Policy': page.csp } : {}),
    });
    res.end(page.html);
  });
  await new Promise<void>((done) => hostServer.listen(0, '127.0.0.1', done));
  env.hostUrl = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
  const browser: Browser = await launchChromium();

  return {
    ...env,
    async open(path, { width = 1280, height = 900, init } = {}) {
      const page = await browser.newPage({ viewport: { width, height } });
      const opened: Opened = { page, errors: [], warnings: [], dataRequests: [] };
      page.on('pageerror', (e) => opened.errors.push(e.message));
      page.on('console', (m) => m.type() === 'warning' && opened.warnings.push(m.text()));
      page.on('request', (r) => r.url().includes('/widget/v1/') && opened.dataRequests.push(r.url()));
      if (init) await page.addInitScript(init);
      await page.goto(`${env.hostUrl}${path}`);
      return opened;
    },
    async close() {
      await browser.close();
      await new Promise((done) => hostServer.close(done));
      await new Promise((done) => plaudit?.close(done));
    },
  };
}

/** How many hosts on the page hold a rendered widget. */
export const mountedCount = (page: Page) =>
  page.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-plaudit-widget]')).filter((h) =>
        h.shadowRoot?.querySelector('.pw'),
      ).length,
  );

/** Resolves after two rendering steps, so observers (intersection, layout shift) have reported. */
export const frames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
