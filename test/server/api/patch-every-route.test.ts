import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { insertFeedbackRow } from '../rows';
import { accountsSetup } from './accounts-fixtures';

type Setup = ReturnType<typeof accountsSetup>;
type Json = Record<string, unknown>;
type Fixture = {
  /** Makes the object with every field away from its default, so a default filled in shows. */
  create(t: Setup): Promise<{ id: string; read(): Promise<Json> }>;
  /** For each field of the PATCH body, a value different from the one created. */
  changes(t: Setup): Promise<Json>;
  /** Fields of the answer a field legitimately moves along with it (a slug moves the review link). */
  alongside?: Record<string, string[]>;
  /** The key that may change it, when the organization's key may not. */
  key?(t: Setup): string;
};

const ok = async (t: Setup, method: string, path: string, body?: unknown, key?: string) => {
  const res = await t.call(method, path, { body, key });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json as Json;
};
let made = 0;
const teamKey = (t: Setup) => t.keyWithScopes(['team:read', 'team:admin']);
const reader = (t: Setup, path: string, key?: string) => () => ok(t, 'GET', path, undefined, key);

/** One fixture per PATCH route; the test fails for a PATCH route or body field that has none. */
const FIXTURES: Record<string, Fixture> = {
  '/api/v1/organizations/{id}': {
    async create(t) {
      const org = await ok(t, 'POST', '/api/v1/organizations', { name: 'Before' }, t.admin);
      return { id: String(org.id), read: reader(t, `/api/v1/organizations/${org.id}`, t.admin) };
    },
    changes: async () => ({ name: 'After' }),
    key: (t) => t.admin,
  },
  '/api/v1/businesses/{id}': {
    async create(t) {
      const business = await t.createBusiness({
        slug: `before-${++made}`,
        address: '1 Old Road',
        phone: '+14155550100',
        website: 'https://before.example.com',
        country: 'US',
        timezone: 'America/New_York',
        locale: 'en-US',
        brandColor: '#112233',
        logoUrl: 'https://before.example.com/logo.png',
        gating: { mode: 'off', threshold: 3, scale: 'stars' },
        testimonials: { autoPublishMinRating: 5 },
        platforms: { google: { placeId: 'ChIJBeforeBeforeBefore' } },
        sendWindow: { start: '08:00', end: '18:00' },
        dedupDays: 30,
      });
      return { id: business.id, read: reader(t, `/api/v1/businesses/${business.id}`) };
    },
    changes: async () => ({
      name: 'After',
      slug: 'after',
      address: '2 New Road',
      phone: '+14155550199',
      website: 'https://after.example.com',
      country: 'CA',
      timezone: 'America/Toronto',
      locale: 'fr-CA',
      brandColor: '#445566',
      logoUrl: 'https://after.example.com/logo.png',
      gating: { threshold: 5 },
      testimonials: { autoPublishMinRating: null },
      platforms: { trustpilot: { domain: 'after.example.com' } },
      sendWindow: { start: '10:00', end: '16:00' },
      dedupDays: 7,
    }),
    alongside: { slug: ['reviewLink'], platforms: ['reviewLinks'] },
  },
  '/api/v1/cards/{id}': {
    async create(t) {
      const business = await t.createBusiness();
      const cards = await ok(t, 'POST', '/api/v1/cards', {
        businessId: business.id,
        label: 'Before',
        staffMember: 'Ana',
      });
      const id = (cards.data as Json[])[0].id as string;
      return { id, read: reader(t, `/api/v1/cards/${id}`) };
    },
    changes: async (t) => ({
      label: 'After',
      staffMember: 'Bo',
      businessId: (await t.createBusiness({ name: 'Other place' })).id,
      active: false,
    }),
  },
  '/api/v1/reviews/{id}': {
    async create(t) {
      const business = await t.createBusiness();
      const review = await ok(t, 'POST', '/api/v1/reviews', {
        businessId: business.id,
        source: 'direct',
        externalId: 'before-1',
        rating: 4,
        title: 'Before',
        content: 'Lovely coffee before',
        authorName: 'Ana',
        authorAvatarUrl: 'https://before.example.com/a.png',
        url: 'https://before.example.com/r/1',
        publishedAt: '2026-01-02T03:04:05.000Z',
        showOnWidget: true,
        verified: true,
        tags: ['before'],
      });
      return { id: String(review.id), read: reader(t, `/api/v1/reviews/${review.id}`) };
    },
    changes: async () => ({
      externalId: 'after-1',
      rating: 2,
      title: 'After',
      content: 'Cold coffee after',
      authorName: 'Bo',
      authorAvatarUrl: 'https://after.example.com/b.png',
      url: 'https://after.example.com/r/2',
      publishedAt: '2026-02-03T04:05:06.000Z',
      reply: 'Thank you',
      showOnWidget: false,
      hidden: true,
      verified: false,
      tags: ['after'],
    }),
    alongside: {
      content: ['sentiment', 'sentimentScore', 'keywords'],
      rating: ['sentiment', 'sentimentScore'],
      reply: ['repliedAt', 'replyStatus', 'responded'],
    },
  },
  '/api/v1/customers/{id}': {
    async create(t) {
      const customer = await ok(t, 'POST', '/api/v1/customers', {
        name: 'Before',
        email: `before-${++made}@example.com`,
        phone: `+1415555${String(1000 + made)}`,
        tags: ['before'],
        notes: 'before',
        source: 'before',
        sourceContactId: 'before',
      });
      return { id: String(customer.id), read: reader(t, `/api/v1/customers/${customer.id}`) };
    },
    changes: async (t) => ({
      name: 'After',
      email: 'after@example.com',
      phone: '+14155550122',
      tags: ['after'],
      notes: 'after',
      optOut: true,
      source: 'after',
      sourceContactId: 'after',
      businessIds: [String((await t.createBusiness()).id)],
    }),
    alongside: { optOut: ['optedOutAt'] },
  },
  '/api/v1/feedback/{id}': {
    async create(t) {
      const business = await t.createBusiness();
      const id = insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: business.id });
      await ok(t, 'PATCH', `/api/v1/feedback/${id}`, { note: 'before' });
      return { id, read: reader(t, `/api/v1/feedback/${id}`) };
    },
    changes: async () => ({ status: 'resolved', note: 'after' }),
  },
  '/api/v1/team/{userId}': {
    async create(t) {
      const user = await t.addUser(`member-${crypto.randomUUID()}@acme.example`, 'manager');
      const read = async () => {
        const team = await ok(t, 'GET', '/api/v1/team', undefined, teamKey(t));
        return (team.data as Json[]).find((m) => m.userId === user.id) as Json;
      };
      return { id: user.id, read };
    },
    changes: async () => ({ role: 'staff' }),
    key: teamKey,
  },
  '/api/v1/connections/{id}': {
    async create(t) {
      const connection = await ok(t, 'POST', '/api/v1/connections/yelp', {
        apiKey: 'a-yelp-api-key-before',
        places: ['before-place'],
        searchQuery: 'Before',
        searchLocation: 'Before City',
        language: 'en',
      });
      const read = reader(t, `/api/v1/connections/${connection.id}`);
      // The place settings are one object in the answer; each field is checked on its own.
      return {
        id: String(connection.id),
        read: async () => {
          const { placeSettings, ...rest } = await read();
          return { ...rest, ...(placeSettings as Json) };
        },
      };
    },
    changes: async () => ({
      places: ['after-place'],
      searchQuery: 'After',
      searchLocation: 'After City',
      language: 'fr',
    }),
  },
  '/api/v1/webhooks/{id}': {
    async create(t) {
      const webhook = await ok(t, 'POST', '/api/v1/webhooks', {
        url: 'https://before.example.com/hook',
        events: ['review.created'],
        description: 'before',
        enabled: true,
      });
      return { id: String(webhook.id), read: reader(t, `/api/v1/webhooks/${webhook.id}`) };
    },
    changes: async () => ({
      url: 'https://after.example.com/hook',
      events: ['feedback.created'],
      description: 'after',
      enabled: false,
      format: 'ratingsrise',
    }),
  },
  '/api/v1/campaigns/{id}': {
    async create(t) {
      const business = await t.createBusiness();
      const campaign = await ok(t, 'POST', '/api/v1/campaigns', {
        name: 'Before',
        businessId: business.id,
        status: 'paused',
        steps: [{ delayHours: 2 }, { delayHours: 48 }],
      });
      return { id: String(campaign.id), read: reader(t, `/api/v1/campaigns/${campaign.id}`) };
    },
    changes: async (t) => ({
      name: 'After',
      businessId: (await t.createBusiness({ name: 'Other place' })).id,
      status: 'active',
      steps: [{ delayHours: 1 }],
    }),
  },
};

type Operation = { requestBody: { content: Record<string, { schema: Json }> } };

/** Every PATCH operation of the OpenAPI document with its body's field names (refs resolved). */
async function patchOperations(t: Setup) {
  const doc = (await (await t.app.request(OPENAPI_PATH)).json()) as {
    paths: Record<string, { patch?: Operation }>;
    components: { schemas: Record<string, Json> };
  };
  return Object.entries(doc.paths).flatMap(([path, item]) => {
    if (!item.patch) return [];
    let schema = item.patch.requestBody.content['application/json'].schema;
    if (typeof schema.$ref === 'string') schema = doc.components.schemas[schema.$ref.split('/').pop()!];
    return [{ path, properties: schema.properties as Record<string, Json> }];
  });
}

const without = (object: Json, keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

describe('a partial update changes only what it names, on every PATCH route', { timeout: 60_000 }, () => {
  it('has a fixture for every PATCH route and field, and no PATCH body fills in a default', async () => {
    const t = accountsSetup();
    const operations = await patchOperations(t);
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const { path, properties } of operations) {
      expect(FIXTURES[path], `fixture for PATCH ${path}`).toBeDefined();
      const changes = await FIXTURES[path].changes(t);
      expect(Object.keys(changes).sort(), `changes for every field of PATCH ${path}`).toEqual(
        Object.keys(properties).sort(),
      );
      for (const [field, property] of Object.entries(properties)) {
        expect(property.default, `PATCH ${path} ${field} has no default`).toBeUndefined();
      }
    }
  });

  it('PATCH one field, GET: the field changed and every other field is as it was', async () => {
    const t = accountsSetup();
    for (const { path, properties } of await patchOperations(t)) {
      const fixture = FIXTURES[path];
      const changes = await fixture.changes(t);
      for (const field of Object.keys(properties)) {
        const { id, read } = await fixture.create(t);
        const before = await read();
        const url = path.replace(/\{[^}]+\}/, id);
        const res = await t.call('PATCH', url, { body: { [field]: changes[field] }, key: fixture.key?.(t) });
        expect(res.status, `PATCH ${path} {${field}}: ${res.text}`).toBe(200);
        const after = await read();
        const moved = [field, 'updatedAt', ...(fixture.alongside?.[field] ?? [])];
        expect
          .soft(without(after, moved), `PATCH ${path} {${field}} left the rest alone`)
          .toEqual(without(before, moved));
        expect.soft(after[field], `PATCH ${path} {${field}} changed it`).not.toEqual(before[field]);
      }
    }
  });
});
