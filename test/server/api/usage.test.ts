import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../server/domain/scopes';
import { setup } from '../helpers';

async function limited(limits: { smsPerMonth: number | null; emailPerMonth: number | null }) {
  const t = setup();
  const biz = await t.createBusiness();
  const put = await t.call('PUT', `/api/v1/organizations/${t.org.id}/limits`, { key: t.admin, body: limits });
  if (put.status !== 200) throw new Error(put.text);
  const invite = (email: string, key?: string) =>
    t.call('POST', '/api/v1/review-requests', {
      body: { businessId: biz.id, customerEmail: email, method: 'email' },
      key,
    });
  const counts = async () => ({
    requests: (await t.call('GET', '/api/v1/review-requests')).json.pagination.total,
    messages: (await t.call('GET', '/api/v1/messages')).json.pagination.total,
    customers: (await t.call('GET', '/api/v1/customers')).json.pagination.total,
  });
  return { t, biz, invite, counts };
}

describe('organization limits and usage', () => {
  it('starts unlimited: GET /usage answers the period and nothing used', async () => {
    const t = setup();
    const res = await t.call('GET', '/api/v1/usage');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      organizationId: t.org.id,
      periodStart: '2026-06-15T12:00:00.000Z',
      renews: '2026-07-15T12:00:00.000Z',
      renewalAnchor: '2026-06-15T12:00:00.000Z',
      sms: { limit: null, used: 0, left: null },
      email: { limit: null, used: 0, left: null },
    });
    const org = await t.call('GET', `/api/v1/organizations/${t.org.id}`, { key: t.admin });
    expect(org.json.limits).toEqual({
      smsPerMonth: null,
      emailPerMonth: null,
      renewalAnchor: '2026-06-15T12:00:00.000Z',
    });
  });

  it('refuses the request that would exceed the allowance with 429 and queues nothing', async () => {
    const { t, invite, counts } = await limited({ smsPerMonth: 5, emailPerMonth: 2 });
    expect((await invite('a@example.com')).status).toBe(201);
    expect((await invite('b@example.com')).status).toBe(201);
    const usage = await t.call('GET', '/api/v1/usage');
    expect(usage.json.email).toEqual({ limit: 2, used: 2, left: 0 });
    expect(usage.json.sms).toEqual({ limit: 5, used: 0, left: 5 });
    const before = await counts();

    const refused = await invite('c@example.com');
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe('USAGE_LIMIT_REACHED');
    expect(refused.json.error).toContain('2026-07-15T12:00:00.000Z');
    expect(refused.json.details.method).toContain('0 left');
    expect(Number(refused.headers.get('retry-after'))).toBe(30 * 86_400);
    expect(await counts()).toEqual(before);

    // The other channel has its own allowance.
    const sms = await t.call('POST', '/api/v1/review-requests', {
      body: {
        businessId: (await t.call('GET', '/api/v1/businesses')).json.data[0].id,
        customerPhone: '+14155550123',
        method: 'sms',
      },
    });
    expect(sms.status).toBe(201);
  });

  it('allows requests again once the period renews', async () => {
    const { t, invite } = await limited({ smsPerMonth: null, emailPerMonth: 1 });
    expect((await invite('a@example.com')).status).toBe(201);
    expect((await invite('b@example.com')).status).toBe(429);
    t.clock.set('2026-07-15T11:59:59.000Z');
    expect((await invite('b@example.com')).status).toBe(429);
    t.clock.set('2026-07-15T12:00:00.000Z');
    const usage = await t.call('GET', '/api/v1/usage');
    expect(usage.json).toMatchObject({
      periodStart: '2026-07-15T12:00:00.000Z',
      email: { used: 0, left: 1 },
    });
    expect((await invite('b@example.com')).status).toBe(201);
    expect((await invite('c@example.com')).status).toBe(429);
  });

  it('counts every message a campaign queues, and refuses a request whose reminders would not fit', async () => {
    const { t, biz, counts } = await limited({ smsPerMonth: null, emailPerMonth: 2 });
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      body: {
        name: 'Three steps',
        businessId: biz.id,
        steps: [{ delayHours: 0 }, { delayHours: 24 }, { delayHours: 48 }],
      },
    });
    expect(campaign.status).toBe(201);
    const before = await counts();
    const res = await t.call('POST', '/api/v1/review-requests', {
      body: {
        businessId: biz.id,
        customerEmail: 'a@example.com',
        method: 'email',
        campaignId: campaign.json.id,
      },
    });
    expect(res.status).toBe(429);
    expect(res.json.details.method).toContain('this request needs 3');
    expect(await counts()).toEqual(before);
  });

  it('a sandbox key never uses the allowance but is refused as a live key would be', async () => {
    const { t, invite } = await limited({ smsPerMonth: null, emailPerMonth: 1 });
    const test = t.keyWithScopes([...DEFAULT_SCOPES], 'test');
    expect((await invite('a@example.com', test)).status).toBe(201);
    expect((await t.call('GET', '/api/v1/usage')).json.email.used).toBe(0);
    expect((await invite('b@example.com')).status).toBe(201);
    expect((await invite('c@example.com', test)).status).toBe(429);
  });

  it('stops a bulk send at the allowance: later rows are refused, earlier ones sent', async () => {
    const { t, biz } = await limited({ smsPerMonth: null, emailPerMonth: 2 });
    const res = await t.call('POST', '/api/v1/review-requests/bulk', {
      body: {
        businessId: biz.id,
        method: 'email',
        dryRun: false,
        rows: [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }],
      },
    });
    expect(res.status).toBe(200);
    expect(
      res.json.rows.map((row: { outcome: string; reason: string | null }) => row.reason ?? row.outcome),
    ).toEqual(['send', 'send', 'usage_limit_reached']);
    expect((await t.call('GET', '/api/v1/messages')).json.pagination.total).toBe(2);
  });

  it('is set by the admin key only, validated, and shown on the organization', async () => {
    const t = setup();
    const path = `/api/v1/organizations/${t.org.id}/limits`;
    const body = { smsPerMonth: 20, emailPerMonth: null, renewalAnchor: '2026-06-01T00:00:00+02:00' };
    expect((await t.call('PUT', path, { body })).status).toBe(403);
    for (const bad of [
      { smsPerMonth: -1, emailPerMonth: null },
      { smsPerMonth: 1.5, emailPerMonth: null },
      { smsPerMonth: 1 },
      { smsPerMonth: 1, emailPerMonth: 1, extra: true },
      { smsPerMonth: 1, emailPerMonth: 1, renewalAnchor: 'soon' },
    ]) {
      const res = await t.call('PUT', path, { key: t.admin, body: bad });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
    }
    expect((await t.call('GET', '/api/v1/usage')).json.sms.limit).toBeNull();
    const missing = await t.call('PUT', '/api/v1/organizations/org_missing/limits', { key: t.admin, body });
    expect(missing.status).toBe(404);

    const res = await t.call('PUT', path, { key: t.admin, body });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      periodStart: '2026-05-31T22:00:00.000Z',
      renews: '2026-06-30T22:00:00.000Z',
      sms: { limit: 20, used: 0, left: 20 },
      email: { limit: null },
    });
    const org = await t.call('GET', `/api/v1/organizations/${t.org.id}`, { key: t.admin });
    expect(org.json.limits).toEqual({
      smsPerMonth: 20,
      emailPerMonth: null,
      renewalAnchor: '2026-05-31T22:00:00.000Z',
    });
    // Omitting the anchor keeps it.
    await t.call('PUT', path, { key: t.admin, body: { smsPerMonth: 3, emailPerMonth: 4 } });
    expect((await t.call('GET', '/api/v1/usage')).json.renewalAnchor).toBe('2026-05-31T22:00:00.000Z');
  });

  it('keeps organizations apart: usage and limits are per organization', async () => {
    const { t, invite } = await limited({ smsPerMonth: null, emailPerMonth: 1 });
    const other = t.otherOrg();
    expect((await invite('a@example.com')).status).toBe(201);
    const theirs = await t.call('GET', '/api/v1/usage', { key: other.key });
    expect(theirs.json).toMatchObject({ organizationId: other.id, email: { limit: null, used: 0 } });
    const otherBiz = await t.call('POST', '/api/v1/businesses', {
      key: other.key,
      body: { name: 'Other shop' },
    });
    const sent = await t.call('POST', '/api/v1/review-requests', {
      key: other.key,
      body: { businessId: otherBiz.json.id, customerEmail: 'b@example.com', method: 'email' },
    });
    expect(sent.status).toBe(201);
    expect((await t.call('GET', '/api/v1/usage')).json.email.used).toBe(1);
    const forbidden = await t.call('PUT', `/api/v1/organizations/${other.id}/limits`, {
      key: other.key,
      body: { smsPerMonth: null, emailPerMonth: null },
    });
    expect(forbidden.status).toBe(403);
  });
});
