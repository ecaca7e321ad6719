import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('/reviews/{id}/reply', () => {
  it('writes, edits and deletes the owner’s reply, announcing each change', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/plaudit', events: ['review.updated'] },
    });
    const created = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: biz.id, source: 'google', rating: 4, authorName: 'Ana', content: 'Nice' },
    });
    const path = `/api/v1/reviews/${created.json.id}/reply`;
    expect((await t.call('POST', path, { body: { reply: 'Thanks!' } })).json).toMatchObject({
      reply: 'Thanks!',
      responded: true,
    });
    t.clock.advance(60_000);
    const edited = await t.call('POST', path, { body: { reply: 'Thanks, Ana!' } });
    expect(edited.json).toMatchObject({ reply: 'Thanks, Ana!', repliedAt: '2026-06-15T12:01:00.000Z' });

    const deleted = await t.call('DELETE', path);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({ reply: null, repliedAt: null, responded: false });
    expect((await t.call('GET', `/api/v1/reviews/${created.json.id}`)).json.reply).toBeNull();
    // Deleting again is a no-op: still 200, no further event.
    expect((await t.call('DELETE', path)).status).toBe(200);
    const events = t.db.prepare('SELECT payload FROM webhook_deliveries ORDER BY rowid').all() as Array<{
      payload: string;
    }>;
    expect(events.map((e) => JSON.parse(e.payload).data.reply)).toEqual(['Thanks!', 'Thanks, Ana!', null]);

    expect((await t.call('DELETE', '/api/v1/reviews/rev_missing/reply')).status).toBe(404);
    const readOnly = t.keyWithScopes(['reviews:read']);
    expect((await t.call('DELETE', path, { key: readOnly })).status).toBe(403);
  });
});
