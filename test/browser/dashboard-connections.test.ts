import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bundles';
import { startYelpStandIn, type YelpStandIn } from '../server/connectors/stand-ins/yelp';
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

const ARTIFACTS = 'test-artifacts/dashboard-connections';
const OWNER = { name: 'Olive Owner', email: 'olive@example.com', password: 'owner password 123' };

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;
let yelp: YelpStandIn;

beforeAll(async () => {
  // Yelp's Places API is played by a loopback stand-in; the server reads it through its configured base URL.
  yelp = await startYelpStandIn();
  dashboard = await startDashboard(ARTIFACTS, { PLAUDIT_YELP_BASE_URL: yelp.url });
  ({ browser, plaudit } = dashboard);
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
  await yelp?.close();
});

/** A browser context that records page errors, console errors and failed responses. */
async function open(width: number, storageState?: SignedIn) {
  const { context, page, errors } = await openPage(browser, width, { storageState });
  context.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
  collectFailedResponses(context, errors);
  return { context, page, errors };
}

/** axe-core finds nothing, nothing is wider than the viewport, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
  await expectFitsViewport(page, name);
}

/** Refreshes the connections list until the newest run of the connection says it created `created`. */
async function waitForRun(page: Page, created: RegExp) {
  const runs = page.getByRole('list', { name: 'Last sync runs' });
  for (let i = 0; i < 60; i++) {
    if (created.test((await runs.textContent().catch(() => '')) ?? '')) return;
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  }
  throw new Error(`no sync run matched ${created}: ${await runs.textContent()}`);
}

describe('connections in Chromium', () => {
  let owner: SignedIn;

  it('connects Yelp with an API key, maps its business, syncs now, and the reviews arrive in the inbox', async () => {
    const { context, page, errors } = await open(1280);
    await signUpOwner(page, plaudit.base, setupToken(plaudit), OWNER);
    owner = await context.storageState();

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    await page.getByText('No platform is connected yet.').waitFor();
    await check(page, 'connections-empty-1280');

    await page.getByLabel('Yelp', { exact: true }).check();
    expect(await page.getByTestId('platform-limit').textContent()).toContain('only the 3 newest reviews');
    await page.getByLabel('Yelp API key').fill(yelp.apiKey);
    await page.getByLabel('Your places').fill('https://www.yelp.com/biz/harbor-bakery-san-francisco');
    await page.getByRole('button', { name: 'Connect Yelp' }).click();

    // The new connection asks Yelp for the named business at once; the owner makes a business from it.
    const card = page.getByRole('article', { name: /Yelp/ });
    const select = card.getByLabel('Business for Harbor Bakery');
    await select.waitFor();
    await select.selectOption({ label: 'Create a business from it' });
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Saved: a sync is on its way.').waitFor();
    await card.getByText('Feeds Harbor Bakery').waitFor();

    await card.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/Sync of Yelp queued/).waitFor();
    await waitForRun(page, /3 fetched, 3 new/);
    expect(yelp.requests.some((r) => r.path.endsWith('/reviews') && r.query.sort_by === 'newest')).toBe(true);
    await check(page, 'connections-synced-1280');

    // The three reviews Yelp shows are in the inbox; the fourth, which Yelp's API hides, is not.
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByText('Best sourdough on the wharf...').waitFor();
    await page.getByText('Waited 20 minutes for a cold...').waitFor();
    await page.getByText('Lovely croissants, busy on...').waitFor();
    expect(await page.getByText('An older review the API hides.').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone: the connection with its location, runs and actions at 375 px', async () => {
    const { context, page, errors } = await open(375, owner);
    await page.goto(`${plaudit.base}/dashboard/settings/connections`);
    await page.getByRole('article', { name: /Yelp/ }).getByText('Feeds Harbor Bakery').waitFor();
    await check(page, 'connections-375');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows and edits the places Yelp watches, and explains a refused consent', async () => {
    const { context, page, errors } = await open(375, owner);
    await page.goto(`${plaudit.base}/dashboard/settings/connections`);
    const card = page.getByRole('article', { name: /Yelp/ });
    await card.getByText('Feeds Harbor Bakery').waitFor();
    expect(await card.getByTestId('place-settings').textContent()).toContain('harbor-bakery-san-francisco');
    await card.getByRole('button', { name: 'Edit places' }).click();
    const form = card.getByRole('form', { name: 'Places of Yelp' });
    await form.getByLabel('Search Yelp for (optional)').fill('Harbor Bakery');
    await form.getByLabel('Near (optional)').fill('San Francisco, CA');
    await check(page, 'connections-edit-places-375');
    await form.getByRole('button', { name: 'Save and find locations' }).click();
    await card.getByText('Harbor Bakery near San Francisco, CA').waitFor();
    await card.getByLabel('Business for Harbor Bakery').waitFor();

    await page.goto(`${plaudit.base}/dashboard/connections?error=refused`);
    await page
      .getByTestId('consent-error')
      .getByText(/did not allow Plaudit/)
      .waitFor();
    await check(page, 'connections-refused-375');
    expect(errors).toEqual([]);
    await context.close();
  });
});
