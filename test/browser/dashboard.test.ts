import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import {
  collectFailedResponses,
  type Dashboard,
  expectAxeClean,
  fillSetupForm,
  openPage,
  type SignedIn,
  type SmtpPeer,
  screenshot,
  setupToken,
  startDashboard,
} from './dashboard-harness';
import type { RunningPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard';
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };
const NEW_PASSWORD = 'second password 456';
const REPLY = 'Thanks Sarah, we turned the music down.';

// The server process serves dist/: build what is missing or stale first.
freshBundle('dashboard');
freshBundle('widget');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;
let smtp: SmtpPeer;
let host: Server;
let hostUrl: string;
let hostHtml = '';

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit, smtp } = dashboard);
  host = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostHtml));
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
  host?.close();
});

/** A context whose every request must stay on Plaudit's origin (or the test's host page). */
async function open(width: number, storageState?: SignedIn) {
  const { context, page, errors } = await openPage(browser, width, { storageState });
  const offsite: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(plaudit.base) && !url.startsWith(hostUrl) && !url.startsWith('data:'))
      offsite.push(url);
  });
  // A CSP refusal or a failed request is a console error: none is expected, except the 401 that tells a
  // signed-out visitor (or a wrong password) apart, which Chromium logs for every fetch that gets one, and
  // the favicon of pages that are not the dashboard's (the landing page a customer uses declares none).
  context.on('console', (message) => {
    const text = message.text();
    const where = message.location().url;
    const foreignFavicon = where.endsWith('/favicon.ico') && !message.page()?.url().includes('/dashboard');
    if (message.type() === 'error' && !text.includes('status of 401') && !foreignFavicon)
      errors.push(`console: ${text} (${where})`);
  });
  collectFailedResponses(context, errors);
  return { context, page, offsite, errors };
}

/** axe-core finds nothing on the screen as it is, no web font is declared, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
  expect(await page.evaluate(() => document.fonts.size), `${name}: web fonts`).toBe(0);
}

const item = (page: Page, who: string) => page.locator('li.item', { hasText: who });

describe('the dashboard in Chromium', () => {
  let signedIn: SignedIn;

  it('sets up the first user from the printed link, then runs the inbox, a reply, read state and the widget', async () => {
    const token = setupToken(plaudit);
    expect(token).toBeTruthy();
    const { context, page, offsite, errors } = await open(1280);

    await fillSetupForm(page, plaudit.base, token, OWNER);
    await check(page, 'setup-1280');
    await page.getByRole('button', { name: 'Create my account' }).click();

    // The inbox shows the demo reviews, unread in bold, and the navigation counts them.
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await item(page, 'Sarah O’Connor').waitFor();
    expect(await page.locator('li.item').count()).toBeGreaterThan(10);
    expect(await item(page, 'Sarah O’Connor').locator('strong.who').count()).toBe(1);
    const unreadBefore = Number((await page.getByTestId('unread-count').textContent())?.replace(/\D/g, ''));
    expect(unreadBefore).toBeGreaterThan(10);
    await check(page, 'inbox-1280');
    // On a laptop the navigation is one row, with no Menu button.
    expect((await page.locator('header.bar').boundingBox())?.height).toBeLessThan(80);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);

    // Keyboard: the first Tab reaches the skip link, which moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');

    // Open the review (that reads it), reply, and show it on the widget.
    await item(page, 'Sarah O’Connor').getByRole('link').click();
    await page.getByRole('heading', { name: 'Review by Sarah O’Connor' }).waitFor();
    await expect
      .poll(async () => Number((await page.getByTestId('unread-count').textContent())?.replace(/\D/g, '')))
      .toBe(unreadBefore - 1);
    await page.getByLabel('Public reply').fill(REPLY);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByRole('heading', { name: 'Your reply' }).waitFor();
    await page.getByRole('button', { name: 'Show on widget' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Show on widget' }).getAttribute('aria-pressed'))
      .toBe('true');
    await check(page, 'review-1280');

    // Mark it unread, then read again from the inbox's selection.
    await page.getByRole('button', { name: 'Mark unread' }).click();
    await page.getByText('Marked unread.').waitFor();
    await page.getByRole('link', { name: '← Inbox' }).click();
    await expect.poll(() => item(page, 'Sarah O’Connor').locator('strong.who').count()).toBe(1);
    await item(page, 'Sarah O’Connor').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Mark read', exact: true }).click();
    await page.getByText('Marked 1 item read.').waitFor();
    expect(await item(page, 'Sarah O’Connor').locator('strong.who').count()).toBe(0);
    expect(await item(page, 'Sarah O’Connor').textContent()).toContain('Replied');

    // The filter lives in the URL.
    await page.getByLabel('Rating').selectOption('3');
    await expect.poll(() => new URL(page.url()).searchParams.get('rating')).toBe('3');
    await expect.poll(() => page.locator('li.item').count()).toBeLessThan(5);

    // The widget page: the real widget.js draws the preview; the snippet is what a site pastes.
    await page.getByRole('link', { name: 'Widget', exact: true }).click();
    await page.getByRole('heading', { name: 'Widget', exact: true }).waitFor();
    await page.getByLabel('Layout').selectOption('grid');
    const preview = page.locator('.preview [data-plaudit-widget][data-plaudit-mounted]');
    await expect
      .poll(() => preview.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 15_000 })
      .toContain('Sarah');
    await check(page, 'widget-1280');
    // Taking a review off the widget redraws the preview from fresh data; putting it back shows it again.
    const sarah = page.getByRole('checkbox', { name: /Sarah O’Connor/ });
    const previewText = () =>
      page
        .locator('.preview [data-plaudit-widget][data-plaudit-mounted]')
        .evaluate((el) => el.shadowRoot?.textContent ?? '');
    await sarah.uncheck();
    await expect
      .poll(
        async () => {
          const text = await previewText();
          return text.includes('Maria') && !text.includes('Sarah');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await sarah.check();
    await expect.poll(previewText, { timeout: 15_000 }).toContain('Sarah');
    const snippet = await page.locator('#snippet').inputValue();
    expect(snippet).toContain(`<script src="${plaudit.base}/widget.js" async></script>`);
    expect(snippet).toContain('data-layout="grid"');

    // A host page with the snippet shows the review and the reply.
    hostHtml = `<!doctype html><html lang="en"><head><title>Joe’s site</title></head><body><h1>Joe’s</h1>${snippet}</body></html>`;
    const hostPage = await context.newPage();
    await hostPage.goto(hostUrl);
    const widget = hostPage.locator('[data-plaudit-widget][data-plaudit-mounted]');
    await expect
      .poll(() => widget.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 15_000 })
      .toContain(REPLY);
    await hostPage.close();

    // Profile and Team are reached through Settings.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Profile', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed-in devices' }).waitFor();
    await page.getByText('this device').waitFor();
    await check(page, 'profile-1280');

    // Invite a colleague from the team page; the link works in another browser.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
    await page.getByLabel('Their email', { exact: true }).fill('sam@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('staff');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const acceptUrl = await page.locator('code.link').textContent();
    expect(acceptUrl?.startsWith(`${plaudit.base}/dashboard/accept?token=`)).toBe(true);
    await page.getByText('sam@example.com · staff').waitFor();
    await check(page, 'team-1280');
    const colleague = await open(1280);
    await colleague.page.goto(acceptUrl!);
    await colleague.page.getByRole('heading', { name: /^Join / }).waitFor();
    await colleague.page.getByLabel('Your name', { exact: true }).fill('Sam Staff');
    await colleague.page.getByLabel('Choose a password', { exact: true }).fill('sam password 789');
    await check(colleague.page, 'accept-1280');
    await colleague.page.getByRole('button', { name: 'Accept the invitation' }).click();
    await colleague.page.getByRole('heading', { name: 'Inbox' }).waitFor();
    // Read state is per person: Sam has read nothing yet, Sarah's review included.
    await item(colleague.page, 'Sarah O’Connor').waitFor();
    expect(await item(colleague.page, 'Sarah O’Connor').locator('strong.who').count()).toBe(1);
    expect(colleague.offsite).toEqual([]);
    expect(colleague.errors).toEqual([]);
    await colleague.context.close();

    signedIn = await context.storageState();
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable at 375 px and in dark mode, each screen clean under axe', async () => {
    const { context, page, offsite, errors } = await open(375, signedIn);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${plaudit.base}/dashboard`);
    await item(page, 'Sarah O’Connor').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 20, 23)');
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'inbox-375-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await check(page, 'inbox-375');

    // By keyboard alone: Tab to the newest review's link, Enter opens it, focus lands on the content.
    await page.locator('body').focus();
    let focused = '';
    // A review's own link (rev_…), not the inbox's "Add or import reviews" (/dashboard/reviews/new).
    for (let i = 0; i < 40 && !focused.includes('/dashboard/reviews/rev_'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    }
    expect(focused).toContain('/dashboard/reviews/rev_');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Review by / }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goBack();

    await item(page, 'Kevin Brooks').getByRole('link').click();
    await page.getByRole('heading', { name: 'Review by Kevin Brooks' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'review-375');

    await page.goto(`${plaudit.base}/dashboard/widget`);
    await page.getByRole('heading', { name: 'Live preview' }).scrollIntoViewIfNeeded();
    const preview = page.locator('.preview [data-plaudit-widget][data-plaudit-mounted]');
    await expect
      .poll(() => preview.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 15_000 })
      .toContain('Sarah');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'widget-375');

    await page.goto(`${plaudit.base}/dashboard/settings/profile`);
    await page.getByRole('heading', { name: 'Password' }).waitFor();
    await check(page, 'profile-375');

    // A customer leaves private feedback on the demo's public link; it arrives in the inbox.
    const slug = /\/b\/([\w-]+)/.exec(plaudit.output())?.[1];
    const customer = await context.newPage();
    await customer.goto(`${plaudit.base}/b/${slug}`);
    await customer.getByRole('radio', { name: '2 stars' }).click();
    await customer.getByLabel('What could we do better?').fill('The soup was cold.');
    await customer.getByLabel('Your name (optional)').fill('Bob Diner');
    await customer.getByLabel('Email (optional)').fill('bob@example.com');
    await customer.getByLabel('Phone (optional)').fill('+1 415 555 0100');
    await customer.getByRole('button', { name: 'Send privately' }).click();
    await customer.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await customer.close();

    await page.goto(`${plaudit.base}/dashboard?type=feedback`);
    await item(page, 'Bob Diner').getByRole('link').click();
    await page.getByRole('heading', { name: 'Private feedback' }).waitFor();
    expect(await page.getByRole('link', { name: 'bob@example.com' }).getAttribute('href')).toBe(
      'mailto:bob@example.com',
    );
    expect(await page.locator('a[href^="tel:"]').getAttribute('href')).toMatch(/^tel:\+1415555010/);
    await page.getByLabel('Note (only your team sees it)').fill('Called Bob, offered a refund.');
    await page.getByRole('button', { name: 'Resolve with note' }).click();
    await page.getByText('Resolved.', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'feedback-375');
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resets a forgotten password through the emailed link', async () => {
    const { context, page, errors } = await open(375);
    await page.goto(`${plaudit.base}/dashboard`);
    await page.getByRole('heading', { name: 'Sign in to Plaudit' }).waitFor();
    await check(page, 'login-375');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await check(page, 'forgot-375');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText(/a link to set a new password is on its way/).waitFor();

    // The outbox sends the message to the loopback SMTP server.
    const resetMail = () =>
      smtp.received.find(
        (m) =>
          m.to && JSON.stringify(m.to).includes(OWNER.email) && m.text?.includes('/dashboard/reset?token='),
      );
    await expect.poll(() => Boolean(resetMail()), { timeout: 20_000 }).toBe(true);
    const mail = resetMail();
    const link = /(http:\/\/\S+\/dashboard\/reset\?token=[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(link?.startsWith(plaudit.base)).toBe(true);

    await page.goto(link!);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await check(page, 'reset-375');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    // On a phone the header is one row: brand, Inbox with its count, Menu; the rest folds behind Menu.
    const header = page.locator('header.bar');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect((await header.boundingBox())?.height).toBeLessThan(80);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Settings', exact: true }).isVisible()).toBe(false);
    await page.getByTestId('unread-count').waitFor();
    await check(page, 'nav-closed-375');
    // Keyboard only: Menu opens it, Escape closes it and leaves focus on Menu, Tab reaches Settings.
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await check(page, 'nav-open-375');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    // Folded away after the navigation, so found among hidden elements too.
    const settings = page.getByRole('link', { name: 'Settings', exact: true, includeHidden: true });
    for (let i = 0; i < 12 && !(await settings.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await settings.getAttribute('aria-current')).toBe('page');
    expect((await header.boundingBox())?.height).toBeLessThan(80);
    await page.getByRole('link', { name: 'Plaudit', exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    // The new password signs in; the old one no longer does.
    await menu.click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
