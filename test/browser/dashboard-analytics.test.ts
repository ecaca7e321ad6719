import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import {
  collectFailedResponses,
  type Dashboard,
  expectAxeClean,
  openPage,
  type SignedIn,
  screenshot,
  setupToken,
  signUpOwner,
  startDashboard,
} from './dashboard-harness';
import type { RunningPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard-analytics';
const OWNER = { name: 'Ada Agency', email: 'ada@example.com', password: 'first password 123' };

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;
let signedIn: SignedIn;

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit } = dashboard);
}, 60_000);

afterAll(() => dashboard?.close());

/** A page whose console errors, failed requests and off-site requests are collected. */
async function open(width: number, storageState?: SignedIn) {
  const {
    context,
    page,
    errors: problems,
  } = await openPage(browser, width, {
    storageState,
    acceptDownloads: true,
    height: 800,
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(plaudit.base) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`offsite ${url}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 401'))
      problems.push(`console: ${message.text()}`);
  });
  collectFailedResponses(context, problems);
  return { context, page, problems };
}

/** A full-page screenshot, and axe-core finds nothing. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
}

/** Per chart canvas: its painted pixels, and those in one of the screen's series colours. */
async function canvasPixels(page: Page) {
  return page.evaluate(() => {
    const screen = document.querySelector('.analytics') as HTMLElement;
    const style = getComputedStyle(screen);
    const palette = [1, 2, 3, 4, 5, 6].map((i) => {
      const probe = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      probe.fillStyle = style.getPropertyValue(`--series-${i}`).trim();
      probe.fillRect(0, 0, 1, 1);
      return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
    });
    return Array.from(document.querySelectorAll<HTMLCanvasElement>('.chart canvas')).map((canvas) => {
      const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
        0,
        0,
        canvas.width,
        canvas.height,
      );
      let painted = 0;
      let series = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        painted += 1;
        if (
          palette.some(
            ([r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24,
          )
        )
          series += 1;
      }
      return { painted, series };
    });
  });
}

describe('analytics and the agency view in Chromium', () => {
  it('charts render with the demo data, and every chart’s numbers download as CSV', async () => {
    const token = setupToken(plaudit);
    const { context, page, problems } = await open(1280);
    await signUpOwner(page, plaudit.base, token, OWNER);
    signedIn = await context.storageState();

    await page.getByRole('link', { name: 'Analytics', exact: true }).click();
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    await page.getByRole('figure', { name: 'Reviews by month and source' }).locator('canvas').waitFor();
    // The demo's reviews reach back months: the 12-month preset is the default and shows as chosen.
    expect(await page.getByRole('button', { name: '12 months' }).getAttribute('aria-pressed')).toBe('true');
    const pixels = await canvasPixels(page);
    expect(pixels.length).toBe(4); // rating, count, funnel, replies (the demo has no cards)
    for (const canvas of pixels) expect(canvas.painted).toBeGreaterThan(1000);
    // The rating and count charts draw their series (lines and points in the palette).
    expect(pixels[0].series).toBeGreaterThan(100);
    expect(pixels[1].series).toBeGreaterThan(100);
    await check(page, 'analytics-1280');

    // The CSV of the count chart holds the months of the range and one column per source.
    const figure = page.getByRole('figure', { name: 'Reviews by month and source' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^plaudit-review-count-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Month,/);
    expect(lines).toHaveLength(13); // header + 12 months
    const total = lines.slice(1).reduce(
      (sum, line) =>
        sum +
        line
          .split(',')
          .slice(1)
          .reduce((a, n) => a + Number(n), 0),
      0,
    );
    expect(total).toBeGreaterThan(10);
    // The numbers are the ones the hidden table reads out.
    const tableRows = await figure.locator('.sr-only table tbody tr').count();
    expect(tableRows).toBe(12);

    // A preset narrows every chart: 30 days is one or two months.
    await page.getByRole('button', { name: '30 days' }).click();
    await expect.poll(() => figure.locator('.sr-only table tbody tr').count()).toBeLessThanOrEqual(2);
    expect(await page.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is readable at 375 px, light and dark', async () => {
    const { context, page, problems } = await open(375, signedIn);
    await page.goto(`${plaudit.base}/dashboard/analytics`);
    await page.getByRole('figure', { name: 'Reviews by month and source' }).locator('canvas').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'analytics-375');
    await page.emulateMedia({ colorScheme: 'dark' });
    // A theme change redraws the charts in the dark palette.
    await expect.poll(async () => (await canvasPixels(page))[1]?.series ?? 0).toBeGreaterThan(100);
    await check(page, 'analytics-375-dark');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists every organization for the instance admin, and switching into one shows its inbox', async () => {
    const { context, page, problems } = await open(1280, signedIn);
    await page.goto(`${plaudit.base}/dashboard`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    // A second client, made through the API as the dashboard would.
    const made = await page.evaluate(async () => {
      const post = async (path: string, body: unknown, org?: string) => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Plaudit-Csrf': '1' };
        if (org) headers['Plaudit-Organization'] = org;
        const res = await fetch(`/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
        return { status: res.status, json: await res.json() };
      };
      const org = await post('/organizations', { name: 'Northside Bakery' });
      const biz = await post('/businesses', { name: 'Northside Bakery, Main St' }, org.json.id);
      const review = await post(
        '/reviews',
        {
          businessId: biz.json.id,
          source: 'direct',
          rating: 5,
          authorName: 'Nadia North',
          content: 'Lovely croissants.',
        },
        org.json.id,
      );
      return [org.status, biz.status, review.status];
    });
    expect(made).toEqual([201, 201, 201]);

    await page.getByRole('link', { name: 'Agency', exact: true }).click();
    await page.getByRole('heading', { name: 'Agency', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /Northside Bakery/ });
    await row.waitFor();
    expect(await page.locator('table.agency tbody tr').count()).toBe(2);
    expect(await row.textContent()).toContain('Northside Bakery, Main St');
    await check(page, 'agency-1280');

    await row.getByRole('button', { name: 'Switch to Northside Bakery' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.locator('li.item', { hasText: 'Nadia North' }).waitFor();
    expect(await page.locator('li.item').count()).toBe(1);
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/?$/);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${plaudit.base}/dashboard/agency`);
    await page.getByRole('row', { name: /Northside Bakery/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'agency-375');
    expect(problems).toEqual([]);
    await context.close();
  });
});
