import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startSmtpPeer } from '../server/delivery/smtp-peer';
import { launchChromium } from './chromium';
import { type RunningPlaudit, startPlaudit } from './dashboard-server';

/** The first-user link the server prints on a fresh data directory. */
export const SETUP_LINK = /\/dashboard\/setup\?token=([A-Za-z0-9_-]+)/;

export type SmtpPeer = Awaited<ReturnType<typeof startSmtpPeer>>;
export type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;
export type Owner = { name: string; email: string; password: string };
export type Dashboard = {
  browser: Browser;
  plaudit: RunningPlaudit;
  smtp: SmtpPeer;
  close: () => Promise<void>;
};

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * What every dashboard browser test runs against: a loopback SMTP peer, the real server process sending to
 * it (fresh data dir, setup link printed), and Chromium. `artifacts` is made for the screenshots.
 */
export async function startDashboard(
  artifacts: string,
  env: Record<string, string> = {},
): Promise<Dashboard> {
  mkdirSync(artifacts, { recursive: true });
  const started: Partial<Dashboard> = {};
  const close = async () => {
    await started.browser?.close();
    await started.plaudit?.close();
    await started.smtp?.close();
  };
  try {
    started.smtp = await startSmtpPeer();
    started.plaudit = await startPlaudit(started.smtp.url, SETUP_LINK, env);
    started.browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  return { ...(started as Omit<Dashboard, 'close'>), close };
}

/** The token of the setup link the server printed (undefined when it printed none). */
export const setupToken = (plaudit: RunningPlaudit) => SETUP_LINK.exec(plaudit.output())?.[1];

/** A context at `width` (812 px tall on a phone, 800 otherwise) and its page; page errors land in `errors`. */
export async function openPage(
  browser: Browser,
  width: number,
  options: { storageState?: SignedIn; acceptDownloads?: boolean; height?: number } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height: options.height ?? (width < 500 ? 812 : 800) },
    storageState: options.storageState,
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * Every response of 400 or more lands in `errors` as "status url", except 401 (how a signed-out visitor is
 * told apart) and those `allowed` says a test expects.
 */
export function collectFailedResponses(
  context: BrowserContext,
  errors: string[],
  allowed: (line: string) => boolean = () => false,
) {
  context.on('response', (response) => {
    const line = `${response.status()} ${response.url()}`;
    if (response.status() >= 400 && response.status() !== 401 && !allowed(line)) errors.push(line);
  });
}

/** Fills the first-user form behind the printed setup link, without submitting it. */
export async function fillSetupForm(page: Page, base: string, token: string | undefined, owner: Owner) {
  await page.goto(`${base}/dashboard/setup?token=${token}`);
  await page.getByLabel('Your name', { exact: true }).fill(owner.name);
  await page.getByLabel('Email', { exact: true }).fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
}

/** Creates the first account through the setup link and waits for the inbox it lands on. */
export async function signUpOwner(page: Page, base: string, token: string | undefined, owner: Owner) {
  await fillSetupForm(page, base, token, owner);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

/** A full-page screenshot kept as `<dir>/<name>.png`. */
export async function screenshot(page: Page, dir: string, name: string) {
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** axe-core finds no violation on the page as it is now. */
export async function expectAxeClean(page: Page, name: string) {
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

/** Nothing on the page is wider than its viewport (no sideways scrolling). */
export async function expectFitsViewport(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name}: width`,
  ).toBeLessThanOrEqual(width);
}
