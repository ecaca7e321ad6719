import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('business writes announce themselves to webhook subscribers', () => {
  it('queues business.created, business.updated and business.archived (once) with the business as data', async () => {
    const t = setup();
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: {
        url: 'https://hooks.example.com/plaudit',
        events: ['business.created', 'business.updated', 'business.archived'],
      },
    });
    expect(hook.status).toBe(201);
    const biz = await t.createBusiness({ name: 'Joe’s Coffee' });
    await t.call('PATCH', `/api/v1/businesses/${biz.id}`, { body: { name: 'Joe’s Café' } });
    await t.call('DELETE', `/api/v1/businesses/${biz.id}`);
    await t.call('DELETE', `/api/v1/businesses/${biz.id}`);
    // Refused input announces nothing.
    expect((await t.call('POST', '/api/v1/businesses', { body: { name: '' } })).status).toBe(400);
    const rows = t.db
      .prepare('SELECT event_type, payload FROM webhook_deliveries ORDER BY rowid')
      .all() as Array<{
      event_type: string;
      payload: string;
    }>;
    expect(rows.map((r) => r.event_type)).toEqual([
      'business.created',
      'business.updated',
      'business.archived',
    ]);
    expect(JSON.parse(rows[0].payload).data).toMatchObject({
      id: biz.id,
      name: 'Joe’s Coffee',
      reviewLink: expect.any(String),
    });
    expect(JSON.parse(rows[1].payload).data.name).toBe('Joe’s Café');
    expect(JSON.parse(rows[2].payload).data.archivedAt).toEqual(expect.any(String));
  });

  it('lists the business events among the subscribable ones', async () => {
    const t = setup();
    const list = await t.call('GET', '/api/v1/webhook-events');
    expect(list.json.data).toEqual(
      expect.arrayContaining(['business.created', 'business.updated', 'business.archived']),
    );
  });
});
