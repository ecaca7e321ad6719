import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { SCOPES } from '../../../server/domain/scopes';
import { createApiKey } from '../../../server/store/api-keys';
import { insertConnection } from '../../../server/store/connections';
import { createPendingAction } from '../../../server/store/pending-actions';
import { insertFeedbackRow } from '../rows';
import { accountsSetup } from './accounts-fixtures';

type Setup = ReturnType<typeof accountsSetup>;

/** One object of each kind in Acme, made through the API where the API makes them. */
async function acmeObjects(t: Setup): Promise<Record<string, string>> {
  const ok = async (method: string, path: string, body: unknown) => {
    const res = await t.call(method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  const business = await t.createBusiness();
  const review = await ok('POST', '/api/v1/reviews', {
    businessId: business.id,
    source: 'direct',
    rating: 5,
    authorName: 'Ana',
    content: 'Great',
  });
  const customer = await ok('POST', '/api/v1/customers', { name: 'Jo', email: 'jo@example.com' });
  const request = await ok('POST', '/api/v1/review-requests', {
    businessId: business.id,
    customerName: 'Jo',
    customerEmail: 'jo@example.com',
    method: 'email',
  });
  const card = await ok('POST', '/api/v1/cards', { businessId: business.id });
  const key = await ok('POST', '/api/v1/keys', { name: 'spare' });
  const webhook = await ok('POST', '/api/v1/webhooks', {
    url: 'https://hooks.example.com/plaudit',
    events: ['review.created'],
  });
  const template = await ok('POST', '/api/v1/templates', {
    name: 'SMS',
    channel: 'sms',
    body: 'Rate us: {{link}}',
  });
  const campaign = await ok('POST', '/api/v1/campaigns', { name: 'After visit', businessId: business.id });
  const messages = await ok('GET', '/api/v1/messages', undefined);
  const invitation = (
    await t.call('POST', '/api/v1/auth/invitations', {
      key: t.admin,
      headers: { 'plaudit-organization': t.org.id },
      body: { email: 'new@example.com', role: 'staff' },
    })
  ).json;
  const person = await t.addUser('ana@acme.example', 'owner');
  await t.login('ana@acme.example');
  const session = t.db.prepare('SELECT id FROM sessions WHERE user_id = ?').get(person.id) as { id: string };
  return {
    'auth/invitations': invitation.id,
    'auth/sessions': session.id,
    team: person.id,
    businesses: business.id,
    reviews: review.id,
    customers: customer.id,
    'review-requests': request.id,
    feedback: insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: business.id }),
    cards: card.data[0].id,
    keys: key.id,
    webhooks: webhook.id,
    messages: messages.data[0]?.id ?? 'msg_none',
    templates: template.id,
    campaigns: campaign.id,
    connections: insertConnection(t.db, t.clock, {
      id: 'conn_acmeConnection0001',
      organizationId: t.org.id,
      platform: 'google',
      label: 'Google Business Profile',
      syncIntervalMinutes: 30,
      tokens: Buffer.from('sealed'),
      tokenExpiresAt: null,
    }).id,
    'pending-actions': createPendingAction(t.db, t.clock, t.org.id, {
      kind: 'review_reply',
      targetId: review.id,
      payload: { reply: 'Thanks' },
      sandbox: false,
      requestedByKeyId: null,
    }).id,
  };
}

/** A body each write route accepts, so the answer is about the id and not the payload. */
function validBody(method: string, path: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (path.endsWith('/reply')) return { reply: 'Thanks!' };
  if (path.startsWith('/api/v1/team/')) return { role: 'staff' };
  if (path.startsWith('/api/v1/feedback/')) return { status: 'resolved' };
  if (path.startsWith('/api/v1/reviews/')) return { hidden: true };
  if (path.startsWith('/api/v1/businesses/')) return { name: 'Taken over' };
  if (path.startsWith('/api/v1/customers/')) return { notes: 'Taken over' };
  if (path.startsWith('/api/v1/cards/')) return { label: 'Taken over' };
  if (path.startsWith('/api/v1/webhooks/') && method === 'PATCH') return { events: ['review.updated'] };
  if (path.startsWith('/api/v1/templates/'))
    return { name: 'Taken over', channel: 'sms', body: 'Hi {{link}}' };
  if (path.startsWith('/api/v1/campaigns/') && method === 'PATCH') return { name: 'Taken over' };
  if (path.endsWith('/locations')) return { externalId: 'accounts/1/locations/1', createBusiness: true };
  if (path.startsWith('/api/v1/connections/') && method === 'POST') return { apiKey: 'a-platform-api-key' };
  return {};
}

// Four callers × every id route: generous time on a shared, busy machine.
describe('tenancy on every route that takes an id', { timeout: 30_000 }, () => {
  it('answers 404 to another organization (key, admin or person acting in it), and changes nothing', async () => {
    const t = accountsSetup();
    const ids = await acmeObjects(t);
    const other = t.otherOrg();
    const fullKey = createApiKey(t.db, t.clock, {
      organizationId: other.id,
      name: 'full',
      mode: 'live',
      scopes: [...SCOPES],
    }).secret;
    await t.addUser('owner@other.example', 'owner', other.id);
    const { cookie } = await t.login('owner@other.example');
    const session = { cookie, origin: 'http://plaudit.test', 'x-plaudit-csrf': '1' };
    const callers: Array<{ name: string; key: string | null; headers: Record<string, string> }> = [
      { name: 'other org key', key: other.key, headers: {} },
      { name: 'other org key with every scope', key: fullKey, headers: {} },
      { name: 'admin in other org', key: t.admin, headers: { 'plaudit-organization': other.id } },
      { name: 'other org owner session', key: null, headers: session },
      {
        name: 'other org owner naming Acme',
        key: null,
        headers: { ...session, 'plaudit-organization': t.org.id },
      },
    ];
    const routes = t.app.routes.filter(
      (r) =>
        r.path.startsWith('/api/v1/') &&
        r.path.includes('/:') &&
        r.method !== 'ALL' &&
        r.path !== OPENAPI_PATH,
    );
    expect(routes.length).toBeGreaterThan(15);
    const before = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    for (const route of routes) {
      const segments = route.path.split('/');
      const resource = segments[3] === 'auth' ? `auth/${segments[4]}` : segments[3];
      if (resource === 'organizations') continue; // admin-only: not tenant data
      const id = ids[resource];
      expect(id, `no fixture for ${resource}`).toBeDefined();
      const path = route.path.replace(/:(id|userId)\b/, id).replace(/:[A-Za-z]+/g, 'x_other');
      for (const caller of callers) {
        const res = await t.call(route.method, path, {
          key: caller.key,
          headers: caller.headers,
          body: validBody(route.method, path),
        });
        // A session's own routes refuse API keys outright (403): they have no session to look in.
        // The other org's default key lacks team:admin, so it is refused before any lookup (403).
        const needsPerson = resource === 'auth/sessions' && caller.key;
        const needsTeamAdmin = ['auth/invitations', 'team'].includes(resource) && caller.key === other.key;
        const refusals = needsPerson || needsTeamAdmin ? [403, 404] : [404];
        expect(refusals, `${caller.name}: ${route.method} ${route.path} → ${res.status}`).toContain(
          res.status,
        );
      }
    }
    const after = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    // Only bookkeeping may be written: last-used stamps and rate-limit free; no tenant row changes.
    const tenantRowsChanged = after.n - before.n;
    expect(tenantRowsChanged).toBeLessThanOrEqual(2);
  });

  it('shows another organization’s person nothing of Acme on any list route', async () => {
    const t = accountsSetup();
    const ids = await acmeObjects(t);
    const other = t.otherOrg();
    await t.addUser('owner@other.example', 'owner', other.id);
    const { cookie } = await t.login('owner@other.example');
    const lists = t.app.routes.filter(
      (r) =>
        r.path.startsWith('/api/v1/') &&
        !r.path.includes('/:') &&
        r.method === 'GET' &&
        r.path !== OPENAPI_PATH,
    );
    expect(lists.length).toBeGreaterThan(10);
    for (const route of lists) {
      const res = await t.asUser(cookie, 'GET', route.path);
      for (const [resource, id] of Object.entries(ids)) {
        expect(res.text, `${route.path} shows Acme's ${resource}`).not.toContain(id);
      }
      expect(res.text, route.path).not.toContain(t.org.id);
    }
  });
});

describe('tenancy on the routes that take ids or filters in the query or body', () => {
  it('keeps another organization out of Acme’s inbox, read state and bulk edits', async () => {
    const t = accountsSetup();
    const ids = await acmeObjects(t);
    const other = t.otherOrg();
    const callers: Array<{ name: string; key: string; headers: Record<string, string> }> = [
      { name: 'other org key', key: other.key, headers: {} },
      { name: 'admin in other org', key: t.admin, headers: { 'plaudit-organization': other.id } },
    ];
    const items = [
      { type: 'review', id: ids.reviews },
      { type: 'feedback', id: ids.feedback },
    ];
    const before = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    const reviewBefore = (await t.call('GET', `/api/v1/reviews/${ids.reviews}`)).json;
    for (const caller of callers) {
      const as = (method: string, path: string, body?: unknown) =>
        t.call(method, path, { key: caller.key, headers: caller.headers, body });
      const inbox = await as('GET', '/api/v1/inbox');
      expect(inbox.status, caller.name).toBe(200);
      expect(inbox.json.data, caller.name).toEqual([]);
      expect(inbox.json.unreadCount, caller.name).toBe(0);
      expect((await as('GET', `/api/v1/inbox?businessId=${ids.businesses}`)).status, caller.name).toBe(404);
      expect((await as('GET', '/api/v1/inbox/unread-count')).json, caller.name).toEqual({
        total: 0,
        reviews: 0,
        feedback: 0,
      });
      expect(
        (await as('GET', `/api/v1/inbox/unread-count?businessId=${ids.businesses}`)).status,
        caller.name,
      ).toBe(404);
      expect((await as('POST', '/api/v1/inbox/mark', { read: true, items })).json, caller.name).toEqual({
        updated: 0,
      });
      expect((await as('POST', '/api/v1/inbox/mark', { read: true, filter: {} })).json).toEqual({
        updated: 0,
      });
      const markTheirs = await as('POST', '/api/v1/inbox/mark', {
        read: true,
        filter: { businessId: ids.businesses },
      });
      expect(markTheirs.status, caller.name).toBe(404);
      const bulkIds = await as('POST', '/api/v1/reviews/bulk', { ids: [ids.reviews], set: { hidden: true } });
      expect(bulkIds.json, caller.name).toEqual({ updated: 0 });
      const bulkAll = await as('POST', '/api/v1/reviews/bulk', { filter: {}, set: { hidden: true } });
      expect(bulkAll.json, caller.name).toEqual({ updated: 0 });
      const bulkTheirs = await as('POST', '/api/v1/reviews/bulk', {
        filter: { businessId: ids.businesses },
        set: { hidden: true },
      });
      expect(bulkTheirs.status, caller.name).toBe(404);
    }
    const after = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(after.n - before.n).toBeLessThanOrEqual(2);
    expect(t.db.prepare('SELECT count(*) AS n FROM inbox_reads').get()).toEqual({ n: 0 });
    expect((await t.call('GET', `/api/v1/reviews/${ids.reviews}`)).json).toEqual(reviewBefore);
    expect((await t.call('GET', '/api/v1/inbox/unread-count')).json.total).toBe(2);
  });
});
