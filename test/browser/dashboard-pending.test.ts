import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
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

const ARTIFACTS = 'test-artifacts/dashboard-pending';
const OWNER = { name: 'Joe Owner', email: 'joe@example.com', password: 'first password 123' };
const APPROVED = 'Thank you for the kind words. We hope to see you again soon!';
const REJECTED = 'This draft says something the owner would never say.';

freshBundle('dashboard');

let dashboard: Dashboard;
let browser: Browser;
let plaudit: RunningPlaudit;
let assistant: Client | undefined;

beforeAll(async () => {
  dashboard = await startDashboard(ARTIFACTS);
  ({ browser, plaudit } = dashboard);
}, 60_000);

afterAll(async () => {
  await assistant?.close();
  await dashboard?.close();
});

/** A context that records page errors, console errors and failed responses (none is expected). */
async function open(width: number, storageState?: SignedIn) {
  const { context, page, errors } = await openPage(browser, width, { storageState });
  context.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 401'))
      errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  collectFailedResponses(context, errors);
  return { context, page, errors };
}

/** axe-core finds nothing on the screen as it is, nothing is wider than the viewport, and a screenshot is kept. */
async function check(page: Page, name: string) {
  await screenshot(page, ARTIFACTS, name);
  await expectAxeClean(page, name);
  await expectFitsViewport(page, name);
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

/** What a tool answered, parsed from its one text block. */
async function draftReply(client: Client, reviewId: string, reply: string) {
  const result = await client.callTool({ name: 'draft_reply', arguments: { reviewId, reply } });
  const [block] = result.content as Array<{ type: string; text: string }>;
  return JSON.parse(block.text) as { status: string; pendingActionId: string };
}

describe('approving what an AI assistant asked, in Chromium', () => {
  it('an assistant drafts two replies over MCP; the owner approves one and rejects the other', async () => {
    const token = setupToken(plaudit);
    expect(token).toBeTruthy();
    const { context, page, errors } = await open(1280);
    await signUpOwner(page, plaudit.base, token, OWNER);
    expect(await page.getByTestId('pending-notice').count()).toBe(0);

    // The owner makes a key for the assistant, without actions:direct: its writes wait for approval.
    const key = (await apiFrom(page, 'POST', '/keys', {
      name: 'Claude desktop',
      mode: 'live',
      scopes: ['reviews:read', 'reviews:write'],
    })) as { id: string; secret: string };
    expect(key.secret).toMatch(/^sk_live_/);
    const unanswered = ((await apiFrom(page, 'GET', '/reviews?responded=false&perPage=2')).data ??
      []) as Array<{
      id: string;
      authorName: string;
      reply: string | null;
    }>;
    expect(unanswered).toHaveLength(2);
    const [first, second] = unanswered;

    // The assistant, through the real /mcp endpoint with the official SDK client.
    assistant = new Client({ name: 'browser-test', version: '1.0.0' });
    await assistant.connect(
      new StreamableHTTPClientTransport(new URL(`${plaudit.base}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key.secret}` } },
      }),
    );
    const one = await draftReply(assistant, first.id, APPROVED);
    const two = await draftReply(assistant, second.id, REJECTED);
    expect([one.status, two.status]).toEqual(['pending', 'pending']);
    expect((await apiFrom(page, 'GET', `/reviews/${first.id}`)).reply).toBeNull();

    // The inbox says so and links to the approvals screen.
    await page.reload();
    const notice = page.getByRole('link', { name: '2 actions from AI assistants wait for your approval' });
    await notice.waitFor();
    await check(page, 'inbox-notice-1280');
    await notice.click();
    await page.getByRole('heading', { name: 'Waiting for your approval' }).waitFor();
    const cardOf = (reply: string) =>
      page
        .getByRole('article')
        .filter({ has: page.getByTestId('proposed-reply').getByText(reply, { exact: true }) });
    await cardOf(APPROVED).getByText(`Review by ${first.authorName}`).waitFor();
    expect(await cardOf(APPROVED).textContent()).toContain('Claude desktop');
    expect(await cardOf(APPROVED).textContent()).toContain('draft_reply');
    await check(page, 'pending-1280');

    await cardOf(APPROVED).getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').getByText('Approved: the reply is published.').waitFor();
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    await cardOf(REJECTED).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('status').getByText('Rejected: nothing was published or sent.').waitFor();
    await page.getByText('Nothing is waiting.').waitFor();
    const decided = page.locator('ul.decided li');
    await expect.poll(() => decided.count()).toBe(2);
    expect(await decided.filter({ hasText: REJECTED }).getAttribute('data-status')).toBe('rejected');
    expect(await decided.filter({ hasText: APPROVED }).getAttribute('data-status')).toBe('approved');
    await check(page, 'decided-1280');

    // The approved reply is on its review; the rejected one is nowhere.
    await decided.filter({ hasText: APPROVED }).getByRole('link', { name: 'Open the review' }).click();
    await page.getByRole('heading', { name: `Review by ${first.authorName}` }).waitFor();
    await page.getByRole('heading', { name: 'Your reply' }).waitFor();
    await page.getByText(APPROVED).waitFor();
    await page.goto(`${plaudit.base}/dashboard/reviews/${second.id}`);
    await page.getByRole('heading', { name: `Review by ${second.authorName}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Your reply' }).count()).toBe(0);
    expect((await apiFrom(page, 'GET', `/reviews/${second.id}`)).reply).toBeNull();

    // A third draft, seen on a phone: the screen fits 375 px.
    const third =
      unanswered.length && (await apiFrom(page, 'GET', '/reviews?responded=false&perPage=1')).data[0];
    await draftReply(assistant, third.id, 'A reply read on a phone.');
    const phone = await open(375, await context.storageState());
    await phone.page.goto(`${plaudit.base}/dashboard`);
    await phone.page
      .getByRole('link', { name: '1 action from an AI assistant waits for your approval' })
      .waitFor();
    await check(phone.page, 'inbox-notice-375');
    await phone.page.goto(`${plaudit.base}/dashboard/pending`);
    await phone.page.getByTestId('proposed-reply').getByText('A reply read on a phone.').waitFor();
    await phone.page.getByText(`Review by ${third.authorName}`).waitFor();
    await check(phone.page, 'pending-375');

    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    await context.close();
  });
});
