import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import { startSmtpPeer } from '../server/delivery/smtp-peer';
import { launchChromium } from './chromium';
import { type RunningPlaudit, startPlaudit } from './dashboard-server';

const ARTIFACTS = 'test-artifacts/dashboard-notifications';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const SETUP_LINK = /\/dashboard\/setup\?token=([A-Za-z0-9_-]+)/;
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };

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

/** axe-core finds nothing on the screen as it is, and a screenshot is kept. */
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
}

describe('owner alerts in Chromium', () => {
  it('chooses alerts on the profile, gets the feedback email, and unsubscribes in one click', async () => {
    const token = SETUP_LINK.exec(plaudit.output())?.[1];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${plaudit.base}/dashboard/setup?token=${token}`);
    await page.getByLabel('Your name', { exact: true }).fill(OWNER.name);
    await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

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
