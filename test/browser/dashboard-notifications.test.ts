import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import {
  type Dashboard,
  expectAxeClean,
  type SmtpPeer,
  screenshot,
  setupToken,
  signUpOwner,
  startDashboard,
} from './dashboard-harness';
import type { RunningPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard-notifications';
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;
let smtp: SmtpPeer;

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit, smtp } = dashboard);
}, 60_000);

afterAll(() => dashboard?.close());

/** axe-core finds nothing on the screen as it is, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
}

describe('owner alerts in Chromium', () => {
  it('chooses alerts on the profile, gets the feedback email, and unsubscribes in one click', async () => {
    const token = setupToken(plaudit);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await signUpOwner(page, plaudit.base, token, OWNER);

    await page.goto(`${plaudit.base}/dashboard/settings/profile`);
    const feedback = page.getByLabel('Email me each new private feedback');
    await feedback.waitFor();
    expect(await feedback.isChecked()).toBe(true);
    expect(await page.getByLabel('Email me each new review rated').inputValue()).toBe('2');
    await page.getByLabel('Daily digest').selectOption('8');
    await page.getByRole('button', { name: 'Save notifications' }).click();
    await page.getByText('Notifications saved.').waitFor();
    await check(page, 'profile-1280');

    // A customer leaves private feedback on the demo's public link: the owner is emailed through SMTP.
    const slug = /\/b\/([\w-]+)/.exec(plaudit.output())?.[1];
    const customer = await context.newPage();
    await customer.goto(`${plaudit.base}/b/${slug}`);
    await customer.getByRole('radio', { name: '2 stars' }).click();
    await customer.getByLabel('What could we do better?').fill('The soup was cold.');
    await customer.getByRole('button', { name: 'Send privately' }).click();
    await customer.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await customer.close();

    const alertMail = () => smtp.received.findIndex((m) => m.subject?.startsWith('New private feedback'));
    await expect.poll(alertMail, { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
    const index = alertMail();
    expect(smtp.received[index].text).toContain('The soup was cold.');
    const unsubscribe = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(smtp.raw[index])?.[1];
    expect(unsubscribe?.startsWith(`${plaudit.base}/u/a/`)).toBe(true);
    expect(smtp.raw[index]).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // The link shows a confirmation page (a scanner's GET changes nothing); its button unsubscribes.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const confirm = await phone.newPage();
    await confirm.goto(unsubscribe!);
    await confirm.getByRole('heading', { name: 'Unsubscribe' }).waitFor();
    await check(confirm, 'unsubscribe-375');
    await confirm.getByRole('button', { name: 'Unsubscribe' }).click();
    await confirm.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    await check(confirm, 'unsubscribed-375');
    await phone.close();

    await page.reload();
    await feedback.waitFor();
    expect(await feedback.isChecked()).toBe(false);
    expect(await page.getByLabel('Daily digest').inputValue()).toBe('8');
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await check(page, 'profile-375');
    expect(errors).toEqual([]);
    await context.close();
  });
});
