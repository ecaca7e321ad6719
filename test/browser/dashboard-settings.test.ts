import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import { startReceiver } from '../server/delivery/webhook-receiver';
import {
  collectFailedResponses,
  type Dashboard,
  expectAxeClean,
  expectFitsViewport,
  openPage,
  type SignedIn,
  type SmtpPeer,
  screenshot,
  setupToken,
  signUpOwner,
  startDashboard,
} from './dashboard-harness';
import type { RunningPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard-settings';
const OWNER = { name: 'Olive Owner', email: 'olive@example.com', password: 'owner password 123' };
const STAFF = { name: 'Sam Staff', email: 'sam@example.com', password: 'staff password 456' };

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;
let smtp: SmtpPeer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const webhookSecrets: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver(() => webhookSecrets);
  // The receiver listens on loopback, which Plaudit refuses unless the operator allows private targets.
  dashboard = await startDashboard(ARTIFACTS, { PLAUDIT_WEBHOOKS_ALLOW_PRIVATE: 'true' });
  ({ browser, plaudit, smtp } = dashboard);
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
  await receiver?.close();
});

/** A browser context that records page errors and failed responses, except the 4xx a test expects. */
async function open(width: number, storageState?: SignedIn) {
  const { context, page, errors } = await openPage(browser, width, { storageState });
  const expected: RegExp[] = [/status of 401/];
  context.on('console', (message) => {
    if (message.type() === 'error' && !expected.some((e) => e.test(message.text())))
      errors.push(`console: ${message.text()}`);
  });
  collectFailedResponses(context, errors, (line) => expected.some((e) => e.test(line)));
  return { context, page, errors, expect4xx: (pattern: RegExp) => expected.push(pattern) };
}

/** axe-core finds nothing, nothing is wider than the viewport, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
  await expectFitsViewport(page, name);
}

describe('settings in Chromium', () => {
  let owner: SignedIn;
  let webhookPath = '';

  it('creates an API key that works, a webhook whose test event is delivered, and invites a teammate', async () => {
    const token = setupToken(plaudit);
    const { context, page, errors } = await open(1280);
    await signUpOwner(page, plaudit.base, token, OWNER);

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await check(page, 'settings-1280');

    // An API key, created here and used from outside the browser.
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'Create a key' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Browser test key');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('secret').inputValue();
    expect(secret).toMatch(/^sk_live_/);
    await page.getByText('Browser test key').first().waitFor();
    await check(page, 'keys-1280');
    const meByKey = await fetch(`${plaudit.base}/api/v1/me`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(meByKey.status).toBe(200);
    const described = await meByKey.json();
    expect(described).toMatchObject({ user: null, mode: 'live', organization: { name: expect.any(String) } });
    expect(described.scopes).not.toContain('keys:admin');
    // Gone once the screen is left.
    await page.getByRole('link', { name: '← Settings' }).click();
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('Browser test key').first().waitFor();
    expect(await page.getByTestId('secret').count()).toBe(0);

    // A webhook to the test's loopback receiver; its test event arrives signed and is listed.
    await page.getByRole('link', { name: '← Settings' }).click();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url('/ok'));
    await page.getByLabel('review.created').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const whsec = await page.getByTestId('secret').inputValue();
    expect(whsec).toMatch(/^whsec_/);
    webhookSecrets.push(whsec);
    await check(page, 'webhooks-1280');
    await page.getByRole('link', { name: receiver.url('/ok') }).click();
    await page.getByRole('heading', { name: 'Webhook endpoint' }).waitFor();
    webhookPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await page.getByText('Test event queued').waitFor();
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return page
            .getByRole('list', { name: 'Deliveries' })
            .textContent({ timeout: 1000 })
            .catch(() => '');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatch(/webhook\.test\s*succeeded[\s\S]*HTTP 200/);
    expect(receiver.received.at(-1)?.verified).toMatchObject({ type: 'webhook.test' });
    await check(page, 'webhook-1280');

    // Invite a staff member; the link is shown here and emailed.
    await page.goto(`${plaudit.base}/dashboard/settings/team`);
    await page.getByLabel('Their email', { exact: true }).fill(STAFF.email);
    await page.getByLabel('Role', { exact: true }).selectOption('staff');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const shown = await page.locator('code.link').textContent();
    const mailed = () =>
      smtp.received.find(
        (m) => JSON.stringify(m.to).includes(STAFF.email) && m.text?.includes('/dashboard/accept?token='),
      );
    await expect.poll(() => Boolean(mailed()), { timeout: 20_000 }).toBe(true);
    const link = /(http:\/\/\S+\/dashboard\/accept\?token=[A-Za-z0-9_-]+)/.exec(mailed()?.text ?? '')?.[1];
    expect(link).toBe(shown);
    await check(page, 'team-1280');
    owner = await context.storageState();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a staff invitee signs in with the role’s limits: no keys, webhooks or team administration', async () => {
    const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(STAFF.email));
    const link = /(http:\/\/\S+\/dashboard\/accept\?token=[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    const { context, page, errors, expect4xx } = await open(375);
    await page.goto(link!);
    await page.getByLabel('Your name', { exact: true }).fill(STAFF.name);
    await page.getByLabel('Choose a password', { exact: true }).fill(STAFF.password);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    // Signing in again, as they will tomorrow; on a phone the rest of the navigation is behind Menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email', { exact: true }).fill(STAFF.email);
    await page.getByLabel('Password', { exact: true }).fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const sections = page.getByRole('list', { name: 'Settings sections' });
    await sections.waitFor();
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Profile', 'Team']);
    await check(page, 'settings-staff-375');

    await page.goto(`${plaudit.base}/dashboard/settings/keys`);
    await page.getByText('No access.').waitFor();
    await check(page, 'keys-no-access-375');
    await page.goto(`${plaudit.base}/dashboard/settings/webhooks`);
    await page.getByText('No access.').waitFor();
    await page.goto(`${plaudit.base}/dashboard/settings/team`);
    await page.getByText('sam@example.com').waitFor();
    expect(await page.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);

    // The server says the same, whatever the screens show.
    expect4xx(/403 .*\/api\/v1\/keys$/);
    expect4xx(/status of 403/);
    const direct = await page.evaluate(async () => {
      const res = await fetch('/api/v1/keys', { headers: { 'X-Plaudit-Csrf': '1' } });
      return { status: res.status, body: await res.json() };
    });
    expect(direct).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the owner’s settings screens at 375 px', async () => {
    const { context, page, errors } = await open(375, owner);
    await page.goto(`${plaudit.base}/dashboard/settings`);
    await page.getByRole('link', { name: 'Webhooks' }).waitFor();
    await check(page, 'settings-375');
    await page.goto(`${plaudit.base}/dashboard/settings/keys`);
    await page.getByText('Browser test key').first().waitFor();
    await check(page, 'keys-375');
    await page.goto(`${plaudit.base}/dashboard/settings/webhooks`);
    await page.getByRole('list', { name: 'Endpoints' }).waitFor();
    await check(page, 'webhooks-375');
    await page.goto(`${plaudit.base}${webhookPath}`);
    await page.getByText('webhook.test').first().waitFor();
    await check(page, 'webhook-375');
    await page.emulateMedia({ colorScheme: 'dark' });
    await check(page, 'webhook-375-dark');
    expect(errors).toEqual([]);
    await context.close();
  });
});
