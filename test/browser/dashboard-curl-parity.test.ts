import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import { startSmtpPeer } from '../server/delivery/smtp-peer';
import { launchChromium } from './chromium';
import { type RunningPlaudit, startPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard-curl-parity';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const SETUP_LINK = /\/dashboard\/setup\?token=([A-Za-z0-9_-]+)/;
const OWNER = { name: 'Cleo Curl', email: 'cleo@example.com', password: 'first password 123' };
const CSV = [
  'source,externalId,rating,authorName,content',
  'google,imp-1,5,Ivy Import,Fast and friendly',
  'google,imp-2,9,Bad Row,Too many stars',
  'yelp,imp-3,4,Ian Import,Good pastries',
].join('\n');

freshBundle('dashboard');

let browser: Browser;
let plaudit: RunningPlaudit;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  smtp = await startSmtpPeer();
  plaudit = await startPlaudit(smtp.url, SETUP_LINK);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await plaudit?.close();
  await smtp?.close();
});

/** axe-core finds nothing, nothing is wider than the viewport, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations, name).toEqual([]);
  const width = page.viewportSize()?.width ?? 0;
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name}: width`,
  ).toBeLessThanOrEqual(width);
}

describe('what the README does with curl, from the dashboard in Chromium', () => {
  it('adds and imports reviews, creates and edits a customer, creates an organization and switches in', async () => {
    const token = SETUP_LINK.exec(plaudit.output())?.[1];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The import's bad row is reported inside a 200; no call here should fail.
    context.on('response', (response) => {
      if (response.status() >= 400 && response.status() !== 401)
        errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${plaudit.base}/dashboard/setup?token=${token}`);
    await page.getByLabel('Your name', { exact: true }).fill(OWNER.name);
    await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    // A review by hand, from the inbox's header link; then it is in the inbox.
    await page.getByRole('link', { name: 'Add or import reviews' }).click();
    await page.getByRole('heading', { name: 'Add a review' }).waitFor();
    await page.getByLabel('Source').selectOption('testimonial');
    await page.getByLabel('Rating').selectOption('4');
    await page.getByLabel('Author', { exact: true }).fill('Hana Hand');
    await page.getByLabel('Text', { exact: true }).fill('Written down at the counter.');
    await page.getByLabel('Show on the widget').check();
    await page.getByRole('button', { name: 'Add review' }).click();
    await page.getByText('Review by Hana Hand added.').waitFor();
    await check(page, 'review-add-1280');
    await page.getByRole('link', { name: 'go to the inbox' }).click();
    await page.locator('li.item', { hasText: 'Hana Hand' }).waitFor();

    // A 3-row CSV with one bad row: two created, the bad row's reason shown.
    await page.goto(`${plaudit.base}/dashboard/reviews/import`);
    await page.getByRole('heading', { name: 'Import reviews' }).waitFor();
    await page.getByLabel('CSV or JSON file').setInputFiles({
      name: 'reviews.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    // The file is read asynchronously into the text area, where it can be checked before it is sent.
    await expect.poll(() => page.getByLabel('Or paste it here').inputValue()).toBe(CSV);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('2 created, 0 updated, 0 skipped (unchanged), 1 failed.').waitFor();
    const bad = await page.locator('.import-errors li').allTextContents();
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^Row 2: rating /);
    await check(page, 'review-import-1280');
    await page.goto(`${plaudit.base}/dashboard`);
    await page.locator('li.item', { hasText: 'Ivy Import' }).waitFor();
    await page.locator('li.item', { hasText: 'Ian Import' }).waitFor();
    expect(await page.locator('li.item', { hasText: 'Bad Row' }).count()).toBe(0);

    // A customer: created from the list, then their phone edited on their page.
    await page.goto(`${plaudit.base}/dashboard/customers`);
    await page.getByRole('heading', { name: 'Add a customer' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Carla Customer');
    await page.getByLabel('Email', { exact: true }).fill('carla@example.com');
    await page.getByLabel('Phone', { exact: true }).fill('+1 415 555 0111');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByText('Customer added.').waitFor();
    await check(page, 'customers-1280');
    await page.getByRole('link', { name: 'Open their page' }).click();
    await page.getByRole('heading', { name: 'Carla Customer' }).waitFor();
    await page.getByLabel('Phone', { exact: true }).fill('+1 415 555 0199');
    await page.getByRole('button', { name: 'Save contact details' }).click();
    await page.getByText('Contact details saved.').waitFor();
    expect(await page.locator('dl.contact').textContent()).toContain('+14155550199');
    await check(page, 'customer-1280');
    const customerUrl = page.url();

    // The same email again is the upsert's 200: the screen says the customer already existed.
    await page.goto(`${plaudit.base}/dashboard/customers`);
    await page.getByLabel('Email', { exact: true }).fill('carla@example.com');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByText(/already existed: it was updated/).waitFor();

    // As the instance admin: a new organization, listed, and switched into (its inbox is empty).
    await page.goto(`${plaudit.base}/dashboard/agency`);
    await page.getByRole('heading', { name: 'Agency', exact: true }).waitFor();
    await page.getByLabel('Organization name').fill('Riverside Deli');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Riverside Deli created').waitFor();
    const row = page.getByRole('row', { name: /Riverside Deli/ });
    await row.waitFor();
    await check(page, 'agency-1280');
    await row.getByRole('button', { name: 'Switch to Riverside Deli' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByText('0 items, 0 unread').waitFor();
    await page.goto(`${plaudit.base}/dashboard/agency`);
    await page.getByRole('row', { name: /Riverside Deli \(current\)/ }).waitFor();

    // Every screen at 375 px.
    await page.setViewportSize({ width: 375, height: 812 });
    await check(page, 'agency-375');
    for (const [path, heading, name] of [
      ['/dashboard/reviews/new', 'Add a review', 'review-add-375'],
      ['/dashboard/reviews/import', 'Import reviews', 'review-import-375'],
      ['/dashboard/customers', 'Customers', 'customers-375'],
    ]) {
      await page.goto(`${plaudit.base}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await check(page, name);
    }
    expect(customerUrl).toMatch(/\/dashboard\/customers\/cust_/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
