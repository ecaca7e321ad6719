import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import {
  collectFailedResponses,
  type Dashboard,
  expectAxeClean,
  expectFitsViewport,
  openPage,
  type SignedIn,
  screenshot,
  setupToken,
  signUpOwner,
  startDashboard,
} from './dashboard-harness';
import type { RunningPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard-cards';
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit } = dashboard);
}, 60_000);

afterAll(() => dashboard?.close());

/** A context that records page errors, console errors and failed responses (none is expected). */
async function open(width: number, storageState?: SignedIn) {
  const { context, page, errors } = await openPage(browser, width, { storageState, acceptDownloads: true });
  context.on('console', (message) => {
    const where = message.location().url;
    // The print sheet declares no icon: Chromium's own favicon request is no error of ours.
    if (
      message.type() === 'error' &&
      !message.text().includes('status of 401') &&
      !where.endsWith('/favicon.ico')
    )
      errors.push(`console: ${message.text()} (${where})`);
  });
  collectFailedResponses(context, errors, (line) => line.endsWith('/favicon.ico'));
  return { context, page, errors };
}

/** axe-core finds nothing on the screen as it is, nothing is wider than the viewport, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
  await expectFitsViewport(page, name);
}

/** Every QR image on the page, drawn to a canvas in the page and decoded here with jsQR. */
async function decodeQrImages(page: Page): Promise<Array<{ decoded: string | null; caption: string }>> {
  const images = await page.evaluate(async () => {
    const cells = [...document.querySelectorAll('figure')];
    return Promise.all(
      cells.map(async (cell) => {
        const img = cell.querySelector('img') as HTMLImageElement;
        await img.decode();
        const size = 400;
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, size, size);
        ctx.drawImage(img, 0, 0, size, size);
        const pixels = ctx.getImageData(0, 0, size, size).data;
        let binary = '';
        for (let i = 0; i < pixels.length; i++) binary += String.fromCharCode(pixels[i]);
        return { size, rgba: btoa(binary), caption: cell.querySelector('.url')?.textContent ?? '' };
      }),
    );
  });
  return images.map(({ size, rgba, caption }) => {
    const bytes = new Uint8ClampedArray(Buffer.from(rgba, 'base64'));
    return { decoded: jsQR(bytes, size, size)?.data ?? null, caption };
  });
}

/** A call from the signed-in page, as the dashboard makes it (cookie and CSRF header). */
const apiFrom = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'X-Plaudit-Csrf': '1', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    { method, path, body },
  );

describe('cards and customers in Chromium', () => {
  let signedIn: SignedIn;

  it('creates 10 cards, prints a sheet of 10 QR codes that decode to the card URLs, and runs a card’s page', async () => {
    const token = setupToken(plaudit);
    const { context, page, errors } = await open(1280);
    await signUpOwner(page, plaudit.base, token, OWNER);

    await page.getByRole('link', { name: 'Cards', exact: true }).click();
    await page.getByRole('heading', { name: 'Cards', exact: true }).waitFor();
    await page.getByLabel('How many').fill('10');
    await page.getByLabel('Label prefix').fill('Table');
    await page.getByLabel('Staff member').fill('Ana');
    await page.getByRole('button', { name: 'Create cards' }).click();
    await page.getByText('Created 10 cards.').waitFor();
    await page.getByRole('link', { name: 'Table 10', exact: true }).waitFor();
    await check(page, 'cards-1280');

    const cards = (await apiFrom(page, 'GET', '/cards?perPage=100')).data as Array<{
      id: string;
      url: string;
      label: string;
    }>;
    expect(cards).toHaveLength(10);

    // Print: a plain link opens the API's sheet in a new tab with the session cookie.
    const [sheet] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Print the 10 picked' }).click(),
    ]);
    await sheet.waitForLoadState('load');
    expect(await sheet.locator('figure img').count()).toBe(10);
    const decoded = await decodeQrImages(sheet);
    expect(decoded.map((d) => d.decoded).sort()).toEqual(cards.map((c) => c.url).sort());
    for (const cell of decoded) expect(cell.decoded).toBe(cell.caption);
    await sheet.screenshot({ path: `${ARTIFACTS}/sheet-1280.png`, fullPage: true });
    await sheet.close();

    // A phone taps Table 1: the list and the staff figures count it.
    const table1 = cards.find((c) => c.label === 'Table 1')!;
    const phone = await browser.newContext({ userAgent: PHONE_UA, viewport: { width: 375, height: 812 } });
    const tap = await phone.newPage();
    await tap.goto(table1.url);
    await tap.getByRole('radio', { name: '5 stars' }).waitFor();
    await phone.close();
    await page.reload();
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Table 1', exact: true }) });
    await expect.poll(async () => (await row.locator('td').nth(1).textContent())?.trim()).toBe('1');
    const staffRow = page.getByRole('region', { name: 'Figures per staff member' }).locator('tbody tr');
    expect(await staffRow.first().textContent()).toContain('Ana');

    // The card's page: QR preview, downloads, NFC steps (desktop Chromium has no Web NFC), reassign.
    await page.getByRole('link', { name: 'Table 1', exact: true }).click();
    await page.getByRole('heading', { name: 'Table 1' }).waitFor();
    await expect
      .poll(() => page.locator('img.qr-preview').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`qr-${table1.id}.png`);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await page.getByRole('button', { name: 'Write to tag' }).count()).toBe(0);
    await page.getByTestId('nfc-unsupported').waitFor();
    await page.getByLabel('Staff member').fill('Bo');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Deactivate card' }).click();
    await page.getByRole('button', { name: 'Reactivate card' }).waitFor();
    await check(page, 'card-1280');

    signedIn = await context.storageState();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a customer, opens them and opts them out; the screens fit 375 px', async () => {
    const { context, page, errors } = await open(375, signedIn);
    await page.goto(`${plaudit.base}/dashboard/customers`);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    for (const [name, email, tags] of [
      ['Jessica Jones', 'jessica@example.com', ['vip']],
      ['Luke Cage', 'luke@example.com', ['regular']],
      ['Danny Rand', 'danny@example.com', []],
    ] as const) {
      await apiFrom(page, 'POST', '/customers', { name, email, tags });
    }
    await page.reload();
    await page.getByRole('link', { name: 'Luke Cage' }).waitFor();
    await check(page, 'customers-375');

    await page.getByLabel('Search').fill('jessica');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('search')).toBe('jessica');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    // The filter's Tags, not the add-a-customer form's.
    const filters = page.getByRole('form', { name: 'Find customers' });
    await filters.getByLabel('Tags', { exact: true }).fill('regular');
    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Luke Cage' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    await filters.getByLabel('Tags', { exact: true }).fill('');
    await page.getByLabel('Search').fill('Jessica');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Jessica Jones' }).click();
    await page.getByRole('heading', { name: 'Jessica Jones' }).waitFor();
    await page.getByText('Receiving messages.').waitFor();
    await page.getByRole('button', { name: 'Opt out of messages' }).click();
    await expect.poll(() => page.getByTestId('optout-state').textContent()).toMatch(/^Opted out on/);
    await page.getByRole('button', { name: 'Resume messages' }).waitFor();
    await check(page, 'customer-375');

    await page.goto(`${plaudit.base}/dashboard/cards`);
    await page.getByRole('link', { name: 'Table 2', exact: true }).waitFor();
    await check(page, 'cards-375');
    await page.getByRole('link', { name: 'Table 2', exact: true }).click();
    await page.getByRole('heading', { name: 'Table 2' }).waitFor();
    await check(page, 'card-375');

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${plaudit.base}/dashboard/customers`);
    await page.getByRole('link', { name: 'Jessica Jones' }).waitFor();
    expect(await page.locator('tr', { hasText: 'Jessica Jones' }).textContent()).toContain('Opted out');
    await check(page, 'customers-1280');
    expect(errors).toEqual([]);
    await context.close();
  });
});
