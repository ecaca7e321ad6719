import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('review writes announce themselves to webhook subscribers', () => {
  it('queues review.created, review.updated and review.deleted deliveries with the review as data', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: {
        url: 'https://hooks.example.com/plaudit',
        events: ['review.created', 'review.updated', 'review.deleted'],
      },
    });
    expect(hook.status).toBe(201);
    const created = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: biz.id, source: 'direct', rating: 5, authorName: 'Ana', content: 'Lovely' },
    });
    await t.call('POST', `/api/v1/reviews/${created.json.id}/reply`, { body: { reply: 'Thanks Ana' } });
    await t.call('PATCH', `/api/v1/reviews/${created.json.id}`, { body: { showOnWidget: true } });
    await t.call('DELETE', `/api/v1/reviews/${created.json.id}`);
    const rows = t.db
      .prepare('SELECT event_type, payload FROM webhook_deliveries ORDER BY rowid')
      .all() as Array<{ event_type: string; payload: string }>;
    expect(rows.map((r) => r.event_type)).toEqual([
      'review.created',
      'review.updated',
      'review.updated',
      'review.deleted',
    ]);
    expect(JSON.parse(rows[0].payload)).toMatchObject({
      type: 'review.created',
      data: { id: created.json.id, rating: 5 },
    });
    expect(JSON.parse(rows[1].payload).data.reply).toBe('Thanks Ana');
    expect(JSON.parse(rows[3].payload).data).toEqual({ id: created.json.id, businessId: biz.id });
  });

  it('queues nothing for a write that failed validation', async () => {
    const t = setup();
    await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/x', events: ['review.created'] },
    });
    const bad = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: 'biz_nope', source: 'direct', rating: 9 },
    });
    expect(bad.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) AS n FROM webhook_deliveries').get()).toEqual({ n: 0 });
  });
});
