import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import { landingSetup, PLATFORMS } from '../server/pages/landing-fixtures';
import { launchChromium } from './chromium';
import { recordTraffic, type Traffic } from './traffic';

const ARTIFACTS = 'test-artifacts/landing';
const GOOGLE = 'https://search.google.com/local/writereview?placeid=ChIJ-test-place';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

// Built by `npm run test:browser`; rebuilt here when missing or older than landing/. Before the app is made:
// the app reads dist/landing.js once, when it is created.
freshBundle('landing');

let browser: Browser;
let server: ReturnType<typeof serve>;
let base: string;
const t = landingSetup();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await new Promise<void>((ready) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** A phone-sized page whose every request is recorded; nothing off the Plaudit origin leaves the box. */
async function phone(
  javaScriptEnabled = true,
): Promise<{ context: BrowserContext; page: Page; traffic: Traffic }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  });
  const traffic = await recordTraffic(context, base);
  // Chromium does not hand redirected requests to route handlers: let /go/ answer for real (so the click is
  // recorded), then continue to wherever its 302 points as a fresh navigation, which the handler above catches.
  await context.route(`${base}/go/**`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers().location ?? '';
    expect(response.status()).toBe(302);
    await route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<meta http-equiv="refresh" content="0;url=${location}">`,
    });
  });
  return { context, page: await context.newPage(), traffic };
}

/** axe-core on the current step (injected by evaluation, so the page's CSP does not apply) and a screenshot. */
async function check(page: Page, name: string, scriptsOff = false) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  if (scriptsOff) return checkStatic(await page.content(), name);
  // axe is evaluated in a fresh function scope each time: it defines `axe` on window.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
  });
  expect(violations, name).toEqual([]);
  // No web fonts: not even one declared and never fetched (a data: URL font makes no request to record).
  expect(await page.evaluate(() => document.fonts.size), `${name}: @font-face fonts`).toBe(0);
}

/** A page seen with JavaScript off is audited as a static copy (its scripts removed) in a JS-enabled page. */
async function checkStatic(html: string, name: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.setContent(html.replace(/<script[^>]*><\/script>/g, ''));
  await check(page, `${name}-static`);
  await context.close();
}

const requestStatus = (id: string) =>
  (t.db.prepare('SELECT status FROM review_requests WHERE id = ?').get(id) as { status: string }).status;

describe('landing pages in Chromium on a phone', () => {
  it('SMS link → 5 stars → Google: lands on the configured URL and completes the request', async () => {
    const biz = await t.createBusiness({ name: 'Joe’s Coffee', platforms: PLATFORMS, brandColor: '#7c2d12' });
    const rr = t.createRequest(biz.id);
    const { context, page, traffic } = await phone();
    await page.goto(`${base}/r/${rr.code}`);
    await page.waitForSelector('[data-hydrated]');
    await check(page, '1-rate');
    // The recorder sees the page and its island (so an empty record cannot pass for a clean one).
    expect(traffic.expectOnlyPlaudit('rate')).toEqual(
      expect.arrayContaining([`${base}/r/${rr.code}`, expect.stringMatching(/\/assets\/landing\.js\?v=/)]),
    );
    await page.getByRole('radio', { name: '5 stars' }).click();
    await page.getByRole('heading', { name: 'Thank you! Would you share it publicly?' }).waitFor();
    expect(page.url()).toBe(`${base}/r/${rr.code}`);
    await check(page, '1-platforms');
    traffic.expectOnlyPlaudit('platforms');
    await Promise.all([
      page.waitForURL(GOOGLE),
      page.getByRole('link', { name: 'Review us on Google' }).click(),
    ]);
    expect(page.url()).toBe(GOOGLE);
    traffic.expectOnlyPlaudit('platform click', GOOGLE);
    expect(requestStatus(rr.id)).toBe('completed');
    expect(
      (t.db.prepare('SELECT rating FROM review_requests WHERE id = ?').get(rr.id) as { rating: number })
        .rating,
    ).toBe(5);
    await context.close();
  });

  it('2 stars → private feedback → thank-you page that still shows the platforms (soft)', async () => {
    const biz = await t.createBusiness({ name: 'Soft Cafe', platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);
    const { context, page, traffic } = await phone();
    await page.goto(`${base}/r/${rr.code}`);
    await page.waitForSelector('[data-hydrated]');
    traffic.expectOnlyPlaudit('rate');
    await page.getByRole('radio', { name: '2 stars' }).click();
    await page.getByLabel('What could we do better?').fill('The milk was off <b>twice</b>');
    await check(page, '2-feedback');
    traffic.expectOnlyPlaudit('feedback');
    await page.getByRole('button', { name: 'Send privately' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await page.getByRole('link', { name: /Review us on/ }).count()).toBe(2);
    await check(page, '2-thanks');
    traffic.expectOnlyPlaudit('thanks');
    expect(requestStatus(rr.id)).toBe('completed');
    const stored = t.db.prepare('SELECT comments FROM feedback WHERE request_id = ?').get(rr.id) as {
      comments: string;
    };
    expect(stored.comments).toBe('The milk was off <b>twice</b>');
    await page.goBack();
    await page.reload();
    traffic.expectOnlyPlaudit('back and reload');
    expect(
      (t.db.prepare('SELECT count(*) AS n FROM feedback WHERE request_id = ?').get(rr.id) as { n: number }).n,
    ).toBe(1);
    await context.close();
  });

  it('strict: 2 stars → private form only → thank-you page without platforms', async () => {
    const biz = await t.createBusiness({
      name: 'Strict Cafe',
      platforms: PLATFORMS,
      gating: { mode: 'strict', acknowledgePolicyRisk: true },
    });
    const { context, page, traffic } = await phone();
    await page.goto(`${base}/b/${biz.slug}`);
    await page.waitForSelector('[data-hydrated]');
    traffic.expectOnlyPlaudit('rate');
    await page.getByRole('radio', { name: '2 stars' }).click();
    expect(await page.getByRole('link', { name: /Review us on/ }).count()).toBe(0);
    await page.getByLabel('What could we do better?').fill('Slow');
    traffic.expectOnlyPlaudit('feedback');
    await page.getByRole('button', { name: 'Send privately' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await page.getByRole('link', { name: /Review us on/ }).count()).toBe(0);
    await check(page, '3-strict-thanks');
    traffic.expectOnlyPlaudit('thanks');
    await context.close();
  });

  it('works with JavaScript disabled: rate, feedback with an error, thanks; then a happy customer to Google', async () => {
    const biz = await t.createBusiness({ name: 'No JS Diner', platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);
    const { context, page, traffic } = await phone(false);
    await page.goto(`${base}/r/${rr.code}`);
    traffic.expectOnlyPlaudit('rate');
    await page.getByRole('radio', { name: '1 star' }).click();
    await page.getByRole('heading', { name: 'Sorry to hear that. What happened?' }).waitFor();
    await page.getByLabel('What could we do better?').fill('Cold food');
    await page.getByLabel('Email (optional)').fill('not-an-email');
    await page.getByLabel('Email (optional)').evaluate((input: HTMLInputElement) => {
      input.type = 'text';
    });
    await page.getByRole('button', { name: 'Send privately' }).click();
    await page.getByText('Please enter a valid email address.').waitFor();
    await check(page, '4-nojs-error', true);
    traffic.expectOnlyPlaudit('feedback');
    await page.getByLabel('Email (optional)').fill('');
    await page.getByRole('button', { name: 'Send privately' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await page.reload();
    expect(
      (t.db.prepare('SELECT count(*) AS n FROM feedback WHERE request_id = ?').get(rr.id) as { n: number }).n,
    ).toBe(1);
    await check(page, '4-nojs-thanks', true);
    traffic.expectOnlyPlaudit('thanks');

    const happy = t.createRequest(biz.id);
    await page.goto(`${base}/r/${happy.code}`);
    traffic.expectOnlyPlaudit('rate (happy)');
    await page.getByRole('radio', { name: '5 stars' }).click();
    await page.getByRole('link', { name: 'Review us on Google' }).waitFor();
    traffic.expectOnlyPlaudit('platforms');
    await Promise.all([
      page.waitForURL(GOOGLE),
      page.getByRole('link', { name: 'Review us on Google' }).click(),
    ]);
    traffic.expectOnlyPlaudit('platform click', GOOGLE);
    expect(requestStatus(happy.id)).toBe('completed');
    await context.close();
  });

  it('counts a card tap once across reloads; Arabic renders right to left', async () => {
    const biz = await t.createBusiness({ name: 'Card Bar', platforms: PLATFORMS });
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    const { context, page, traffic } = await phone();
    await page.goto(`${base}/t/${card.code}`);
    await page.reload();
    await page.goto(`${base}/t/${card.code}?lang=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await check(page, '5-card-ar');
    traffic.expectOnlyPlaudit('card rate');
    expect((await t.call('GET', `/api/v1/cards/${card.id}`)).json.taps).toBe(1);
    await context.close();
  });

  it('prints the card sheet: every card on A4 pages with its label', async () => {
    const biz = await t.createBusiness({ name: 'Print Shop' });
    await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, count: 14, labelPrefix: 'Table' } });
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${t.orgKey}` } });
    const page = await context.newPage();
    await page.goto(`${base}/api/v1/cards/sheet?businessId=${biz.id}`);
    expect(await page.locator('figure img').count()).toBe(14);
    expect(
      await page
        .locator('figure img')
        .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0)),
    ).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: `${ARTIFACTS}/cards-sheet.pdf`, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${ARTIFACTS}/cards-sheet.png`, fullPage: true });
    await context.close();
  });
});
