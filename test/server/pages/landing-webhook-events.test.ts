import { describe, expect, it } from 'vitest';
import { landingSetup, PLATFORMS } from './landing-fixtures';

const ALL = [
  'request.opened',
  'request.completed',
  'feedback.created',
  'testimonial.submitted',
  'review.created',
];

function deliveries(t: ReturnType<typeof landingSetup>) {
  return (
    t.db.prepare('SELECT event_type, payload FROM webhook_deliveries ORDER BY rowid').all() as Array<{
      event_type: string;
      payload: string;
    }>
  ).map((row) => ({ type: row.event_type, data: JSON.parse(row.payload).data }));
}

describe('landing pages announce progress to webhook subscribers', () => {
  it('queues request.opened once, then feedback.created and request.completed', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    await t.call('POST', '/api/v1/webhooks', { body: { url: 'https://hooks.example.com/a', events: ALL } });
    const rr = t.createRequest(biz.id);
    const { token, res } = await t.open(`/r/${rr.code}`);
    await t.open(`/r/${rr.code}`, { cookie: res.headers.get('set-cookie')!.split(';')[0] });
    await t.post(`/v/${token}/rate`, { rating: '2' });
    const form = { rating: '2', comments: 'Cold coffee', email: 'jess@example.com', consent: 'yes' };
    await t.post(`/v/${token}/feedback`, form);
    await t.post(`/v/${token}/feedback`, form);
    const events = deliveries(t);
    expect(events.map((e) => e.type)).toEqual(['request.opened', 'feedback.created', 'request.completed']);
    expect(events[1].data).toMatchObject({
      comments: 'Cold coffee',
      score: 2,
      requestId: rr.id,
      contactEmail: 'jess@example.com',
    });
    expect(events[2].data).toMatchObject({ id: rr.id, businessId: biz.id, rating: 2 });
  });

  it('queues testimonial.submitted and review.created for a testimonial, and request.completed on a platform click', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    await t.call('POST', '/api/v1/webhooks', { body: { url: 'https://hooks.example.com/b', events: ALL } });
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    await t.post(`/v/${token}/rate`, { rating: '5' });
    await t.post(`/v/${token}/testimonial`, {
      rating: '5',
      text: 'Lovely',
      displayName: 'Jess',
      consent: 'yes',
    });
    await t.get(`/go/${token}/google`);
    await t.get(`/go/${token}/yelp`);
    const types = deliveries(t).map((e) => e.type);
    expect(types).toEqual(['request.opened', 'testimonial.submitted', 'review.created', 'request.completed']);
    expect(deliveries(t)[1].data).toMatchObject({ content: 'Lovely', authorName: 'Jess', source: 'direct' });
  });
});
