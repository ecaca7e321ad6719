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

const ARTIFACTS = 'test-artifacts/dashboard-requests';
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit } = dashboard);
}, 60_000);

afterAll(() => dashboard?.close());

/** A context that records page errors and failed responses. */
async function open(width: number, storageState?: SignedIn) {
  const opened = await openPage(browser, width, { storageState });
  collectFailedResponses(opened.context, opened.errors);
  return opened;
}

/** axe-core finds nothing on the screen as it is, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
}

/** A call to the API from the signed-in page, as the dashboard makes it (cookie + CSRF header). */
const apiCall = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Plaudit-Csrf': '1' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );

/** 200 rows: customers 1–190 (1–5 opted out beforehand), then rows 11–20 again. */
function csv(): string {
  const lines = ['First name,Last name,E-mail,Phone'];
  const row = (n: number) => `Customer,Number ${n},customer${n}@example.com,`;
  for (let n = 1; n <= 190; n++) lines.push(row(n));
  for (let n = 11; n <= 20; n++) lines.push(row(n));
  return `${lines.join('\n')}\n`;
}

describe('asking for reviews in Chromium', () => {
  let signedIn: SignedIn;

  it('upload a 200-row CSV with 5 opted-out and 10 duplicates → the dry run says exactly that → send → messages appear in the log', async () => {
    const token = setupToken(plaudit);
    const { context, page, errors } = await open(1280);
    await signUpOwner(page, plaudit.base, token, OWNER);
    signedIn = await context.storageState();

    // The demo business sends nearly round the clock, so (almost) nothing waits for the morning.
    const business = (await apiCall(page, 'GET', '/businesses')).json.data[0];
    const patched = await apiCall(page, 'PATCH', `/businesses/${business.id}`, {
      sendWindow: { start: '00:00', end: '23:59' },
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    for (let n = 1; n <= 5; n++) {
      const made = await apiCall(page, 'POST', '/customers', { email: `customer${n}@example.com` });
      expect(made.status).toBe(201);
      const out = await apiCall(page, 'PATCH', `/customers/${made.json.id}`, { optOut: true });
      expect(out.json.optOut).toBe(true);
    }
    const messagesBefore = (await apiCall(page, 'GET', '/messages')).json.pagination.total as number;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { name: 'Review requests' }).waitFor();
    await page.getByRole('link', { name: 'Upload a list' }).click();
    await page.getByRole('heading', { name: 'Ask many customers' }).waitFor();
    await page.getByRole('radio', { name: 'Email' }).check();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv()),
    });
    // The columns are guessed from the header row; the person can correct them.
    await page.getByText('200 rows').waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('0');
    expect(await page.getByLabel('Last name').inputValue()).toBe('1');
    expect(await page.locator('#map-email').inputValue()).toBe('2');
    expect(await page.getByRole('radio', { name: 'Email' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Check what will happen' }).click();

    const summary = page.getByTestId('dry-run');
    await summary.getByRole('heading', { name: 'Dry run: 200 rows' }).waitFor();
    const count = async (outcome: string) =>
      Number(await summary.locator(`[data-outcome="${outcome}"] strong`).textContent());
    // In the window's one closed minute (23:59 in New York) the 185 would be scheduled rather than sent now.
    expect((await count('send')) + (await count('scheduled'))).toBe(185);
    expect(await count('suppressed')).toBe(5);
    expect(await count('deduplicated')).toBe(10);
    expect(await count('invalid')).toBe(0);
    expect((await apiCall(page, 'GET', '/messages')).json.pagination.total).toBe(messagesBefore);
    await check(page, 'bulk-dry-run-1280');

    await page.getByRole('button', { name: 'Send 185 requests' }).click();
    await summary.getByRole('heading', { name: 'Sent: 200 rows' }).waitFor();
    // The progress bar ran over the 190 rows sent (the file's 10 repeats stay out) in chunks of 200.
    expect(await page.locator('#bulk-progress').getAttribute('value')).toBe('190');
    expect(await page.locator('#bulk-progress').getAttribute('max')).toBe('190');
    expect((await count('send')) + (await count('scheduled'))).toBe(185);
    expect(await count('suppressed')).toBe(5);
    expect(await count('deduplicated')).toBe(10);
    await check(page, 'bulk-sent-1280');

    await page.getByRole('link', { name: 'See the messages' }).click();
    await page.getByRole('heading', { name: 'Messages' }).waitFor();
    await expect
      .poll(() => page.getByTestId('messages-total').textContent())
      .toBe(`${messagesBefore + 185} messages`);
    await page.getByRole('cell', { name: 'customer190@example.com' }).first().waitFor();
    await check(page, 'messages-1280');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.locator('li.item', { hasText: 'Customer Number 1' }).first().waitFor();
    await check(page, 'requests-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews one request with its SMS encoding and parts, and each screen is clean at 375 px', async () => {
    const { context, page, errors } = await open(375, signedIn);
    await page.goto(`${plaudit.base}/dashboard/requests/new`);
    await page.getByRole('heading', { name: 'Ask a customer for a review' }).waitFor();
    await page.getByLabel('Customer name').fill('Zoe Martin');
    await expect.poll(() => page.getByTestId('message-preview').textContent()).toContain('Hi Zoe, thanks');
    await expect
      .poll(() => page.getByTestId('sms-info').textContent())
      .toMatch(/^GSM-7 · \d+ characters · 1 SMS part/);
    // ë is outside GSM-7: the whole text becomes UCS-2, 70 units a part, 67 when split.
    await page.getByLabel('Customer name').fill('Zoë Martin');
    await expect
      .poll(() => page.getByTestId('sms-info').textContent())
      .toMatch(/^UCS-2 · \d+ characters · 2 SMS parts/);
    await page.getByLabel('Mobile phone').fill('+1 212 555 0199');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText(/^Request (queued|scheduled)\./).waitFor();
    await check(page, 'request-new-375');
    for (const [path, heading, name] of [
      ['/dashboard/requests', 'Review requests', 'requests-375'],
      ['/dashboard/requests/bulk', 'Ask many customers', 'bulk-375'],
      ['/dashboard/messages', 'Messages', 'messages-375'],
    ]) {
      await page.goto(`${plaudit.base}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await check(page, name);
    }

    // A template with its live preview, then a campaign with a reminder that stays as it was when paused.
    await page.goto(`${plaudit.base}/dashboard/templates`);
    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByLabel('Name').fill('Short SMS');
    await page.getByLabel('Text').fill('{{firstName}}, rate {{businessName}}: {{link}}');
    await page.getByText('Alex, rate Joe’s Coffee: https://reviews.example.com/r/AbCdEfGhIjKl').waitFor();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('button', { name: 'Edit Short SMS' }).waitFor();
    await check(page, 'templates-375');
    await page.goto(`${plaudit.base}/dashboard/campaigns`);
    await page.getByLabel('Name').fill('After a visit');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('link', { name: 'Add its reminders' }).click();
    await page.getByRole('heading', { name: 'After a visit' }).waitFor();
    await page.getByRole('button', { name: 'Add a reminder' }).click();
    await page.getByLabel('Hours after the step before').fill('48');
    await page.getByRole('button', { name: 'Save steps' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    const campaignId = page.url().split('/').pop();
    const stored = (await apiCall(page, 'GET', `/campaigns/${campaignId}`)).json;
    expect(stored).toMatchObject({ status: 'paused', steps: [{ delayHours: 0 }, { delayHours: 48 }] });
    await page.getByRole('heading', { name: 'Funnel' }).waitFor();
    await check(page, 'campaign-375');
    await page.setViewportSize({ width: 1280, height: 800 });
    await check(page, 'campaign-1280');
    await page.goto(`${plaudit.base}/dashboard/templates`);
    await page.getByRole('button', { name: 'Edit Short SMS' }).click();
    await check(page, 'templates-1280');
    expect(errors).toEqual([]);
    await context.close();
  });
});
