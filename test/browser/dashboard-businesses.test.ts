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

const ARTIFACTS = 'test-artifacts/dashboard-businesses';
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };
const PLACE_ID = 'ChIJN1t_tDeuEmsRUsoyG83frY4';
// A real 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a6b1d1f30000000049454e44ae426082',
  'hex',
);
const DEEP_LINK = `https://search.google.com/local/writereview?placeid=${PLACE_ID}`;

// The server process serves dist/: build what is missing or stale first.
freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit } = dashboard);
}, 60_000);

afterAll(() => dashboard?.close());

/** A context that records page errors and failed responses (401 aside: it tells signed-out visitors apart). */
async function open(width: number, storageState?: SignedIn) {
  const opened = await openPage(browser, width, { storageState });
  collectFailedResponses(opened.context, opened.errors, (line) => line.endsWith('/favicon.ico'));
  return opened;
}

/** axe-core finds nothing on the screen as it is, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
}

describe('the Businesses screens in Chromium', () => {
  it('create a business with a Google place id → the landing page’s Google button goes to the right deep link', async () => {
    const token = setupToken(plaudit);
    expect(token).toBeTruthy();
    const { context, page, errors } = await open(1280);
    await signUpOwner(page, plaudit.base, token, OWNER);

    // From the navigation to the list (the demo business is there) and on to a new business.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Businesses' }).click();
    await page.getByRole('heading', { name: 'Businesses' }).waitFor();
    await page.getByRole('list', { name: 'Businesses' }).waitFor();
    await check(page, 'list-1280');
    await page.getByRole('link', { name: 'New business' }).click();
    await page.getByRole('heading', { name: 'New business' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Harbour Bakery');
    await page.getByLabel('Google', { exact: true }).fill(PLACE_ID);
    expect(await page.getByTestId('deep-link').textContent()).toBe(DEEP_LINK);
    const openIt = page.getByRole('link', { name: /Open it/ });
    expect(await openIt.getAttribute('href')).toBe(DEEP_LINK);
    expect(await openIt.getAttribute('target')).toBe('_blank');
    await check(page, 'new-1280');
    await page.getByRole('button', { name: 'Create business' }).click();

    // Its page: every section, the stored place id, and its landing link.
    await page.getByRole('heading', { name: 'Harbour Bakery', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/dashboard\/businesses\/biz_\w+$/);
    expect(await page.getByLabel('Google', { exact: true }).inputValue()).toBe(PLACE_ID);
    await page.getByRole('heading', { name: 'Gating and sending' }).waitFor();
    await check(page, 'edit-1280');
    const landing = await page.locator('code.link').first().textContent();
    expect(landing).toMatch(/\/b\/harbour-bakery$/);
    const editUrl = page.url();

    // A logo file: uploaded, shown at once, and on the landing page from Plaudit's own /assets/logo/.
    await page
      .getByLabel('Upload a file')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Logo of Harbour Bakery' }).waitFor();

    // A customer rates 5 on the landing page; the Google button's redirect ends at the deep link.
    const customer = await context.newPage();
    await customer.goto(landing!);
    await customer.waitForSelector('[data-hydrated]');
    const logo = await customer.locator('header img').getAttribute('src');
    expect(logo).toMatch(/^\/assets\/logo\/biz_\w+\.png\?v=[\w-]+$/);
    await customer.getByRole('radio', { name: '5 stars' }).click();
    await customer.getByRole('heading', { name: 'Thank you! Would you share it publicly?' }).waitFor();
    const google = customer.getByRole('link', { name: 'Review us on Google' });
    const href = await google.getAttribute('href');
    expect(href).toMatch(/^\/go\//);
    const redirect = await context.request.get(new URL(href!, plaudit.base).toString(), { maxRedirects: 0 });
    expect(redirect.status()).toBeGreaterThanOrEqual(300);
    expect(redirect.status()).toBeLessThan(400);
    expect(redirect.headers().location).toBe(DEEP_LINK);

    // The same screens at phone width.
    const signedIn = await context.storageState();
    await context.close();
    const phone = await open(375, signedIn);
    await phone.page.goto(`${plaudit.base}/dashboard/businesses`);
    await phone.page.getByRole('list', { name: 'Businesses' }).waitFor();
    await check(phone.page, 'list-375');
    await phone.page.goto(editUrl);
    await phone.page.getByRole('heading', { name: 'Gating and sending' }).waitFor();
    await check(phone.page, 'edit-375');
    await phone.page.goto(`${plaudit.base}/dashboard/businesses/new`);
    await phone.page.getByRole('heading', { name: 'New business' }).waitFor();
    await check(phone.page, 'new-375');
    expect(phone.page.url()).toContain('/dashboard/businesses/new');
    await phone.context.close();
    expect([...errors, ...phone.errors]).toEqual([]);
  });
});
