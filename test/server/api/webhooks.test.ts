import { describe, expect, it } from 'vitest';
import { deliverySetup } from '../delivery/fixtures';

describe('webhooks API', () => {
  it('creates an endpoint showing the secret once, lists, gets, updates and deletes it', async () => {
    const t = deliverySetup();
    const created = await t.call('POST', '/api/v1/webhooks', {
      body: {
        url: 'https://crm.example.com/hooks',
        events: ['review.created', 'feedback.created'],
        description: 'CRM',
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      url: 'https://crm.example.com/hooks',
      enabled: true,
      description: 'CRM',
      format: 'standard',
    });
    expect(created.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const id = created.json.id;

    const list = await t.call('GET', '/api/v1/webhooks');
    expect(list.json.pagination.total).toBe(1);
    expect(list.json.data[0].secret).toBeUndefined();
    const one = await t.call('GET', `/api/v1/webhooks/${id}`);
    expect(one.json.secret).toBeUndefined();
    expect(one.json.events).toEqual(['review.created', 'feedback.created']);

    const patched = await t.call('PATCH', `/api/v1/webhooks/${id}`, {
      body: { events: ['*'], enabled: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      events: ['*'],
      enabled: false,
      url: 'https://crm.example.com/hooks',
    });
    expect((await t.call('GET', `/api/v1/webhooks/${id}/deliveries`)).json.data).toEqual([]);

    expect((await t.call('DELETE', `/api/v1/webhooks/${id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/webhooks/${id}`)).status).toBe(404);
  });

  it('rejects bad input with details, and private URLs unless the operator allows them', async () => {
    const t = deliverySetup({ webhooksAllowPrivate: false });
    const bad = await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://x.example', events: ['review.exploded'], extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(expect.arrayContaining(['events.0']));
    const badFormat = await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://x.example', events: ['*'], format: 'zapier' },
    });
    expect(badFormat.status).toBe(400);
    expect(Object.keys(badFormat.json.details)).toEqual(['format']);
    for (const url of [
      'ftp://x.example/',
      'not a url',
      'http://127.0.0.1:8080/x',
      'http://[::1]/x',
      'http://localhost/x',
      'http://169.254.169.254/',
    ]) {
      const res = await t.call('POST', '/api/v1/webhooks', { body: { url, events: ['*'] } });
      expect(res.status, url).toBe(400);
      expect(res.json.details.url, url).toBeDefined();
    }
    expect((await t.call('GET', '/api/v1/webhooks')).json.pagination.total).toBe(0);
    const local = deliverySetup({ webhooksAllowPrivate: true });
    expect(
      (
        await local.call('POST', '/api/v1/webhooks', {
          body: { url: 'http://127.0.0.1:8080/x', events: ['*'] },
        })
      ).status,
    ).toBe(201);
  });

  it('needs a key, the webhooks scopes, and hides other organizations’ endpoints', async () => {
    const t = deliverySetup();
    const created = await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://crm.example.com/h', events: ['*'] },
    });
    const id = created.json.id;
    expect((await t.call('GET', '/api/v1/webhooks', { key: null })).status).toBe(401);
    const readOnly = t.keyWithScopes(['webhooks:read']);
    expect((await t.call('GET', '/api/v1/webhooks', { key: readOnly })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/webhooks/${id}/rotate-secret`, { key: readOnly })).status).toBe(
      403,
    );
    expect((await t.call('GET', '/api/v1/webhooks', { key: t.keyWithScopes(['reviews:read']) })).status).toBe(
      403,
    );
    const other = t.otherOrg();
    for (const [method, path] of [
      ['GET', `/api/v1/webhooks/${id}`],
      ['PATCH', `/api/v1/webhooks/${id}`],
      ['DELETE', `/api/v1/webhooks/${id}`],
      ['POST', `/api/v1/webhooks/${id}/rotate-secret`],
      ['POST', `/api/v1/webhooks/${id}/test`],
      ['GET', `/api/v1/webhooks/${id}/deliveries`],
    ] as const) {
      const res = await t.call(method, path, {
        key: other.key,
        body: method === 'PATCH' ? { enabled: false } : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await t.call('GET', `/api/v1/webhooks/${id}`)).json.enabled).toBe(true);
  });
});
