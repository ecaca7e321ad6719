import { describe, expect, it } from 'vitest';
import { landingSetup } from './landing-fixtures';

describe('what customers leave on the landing pages, seen by the owner', () => {
  it('lists private feedback through the API exactly as typed, with its request and contact', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    await t.post(`/v/${token}/rate`, { rating: '2' });
    await t.post(`/v/${token}/feedback`, {
      rating: '2',
      comments: '<script>alert(1)</script> cold & slow',
      name: 'Jess',
      email: 'jess@example.com',
      consent: 'yes',
    });
    const list = await t.call('GET', `/api/v1/feedback?businessId=${biz.id}`);
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(1);
    expect(list.json.data[0]).toMatchObject({
      comments: '<script>alert(1)</script> cold & slow',
      origin: 'request',
      requestId: rr.id,
      type: 'star',
      score: 2,
      status: 'new',
    });
  });

  it('refuses a comment over 5000 characters and stores nothing', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    await t.post(`/v/${token}/rate`, { rating: '1' });
    const res = await t.post(`/v/${token}/feedback`, { rating: '1', comments: 'x'.repeat(5001) });
    expect(res.res.status).toBe(400);
    expect(t.count('feedback')).toBe(0);
    const fits = await t.post(`/v/${token}/feedback`, { rating: '1', comments: 'x'.repeat(5000) });
    expect(fits.res.status).toBe(303);
    expect(t.count('feedback')).toBe(1);
  });

  it('publishes a testimonial on the widget at or above the auto-publish rating, and only then', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ testimonials: { autoPublishMinRating: 5 } });
    const testimonial = async (rating: string, text: string) => {
      const { token } = await t.open(`/b/${biz.slug}`, { cookie: '' });
      await t.post(`/v/${token}/rate`, { rating });
      await t.post(`/v/${token}/testimonial`, { rating, text, displayName: 'Jess', consent: 'yes' });
    };
    await testimonial('4', 'Good, not perfect');
    await testimonial('5', 'Perfect flat white');
    const widget = await (await t.app.request(`/widget/v1/${biz.id}.json`)).json();
    expect(widget.reviews.map((r: { content: string }) => r.content)).toEqual(['Perfect flat white']);
    const all = await t.call('GET', `/api/v1/reviews?businessId=${biz.id}`);
    expect(all.json.pagination.total).toBe(2);
  });
});

describe('public form posts', () => {
  it('refuses a body over 64 KB with 413 and stores nothing', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    const res = await t.post(`/v/${token}/feedback`, { rating: '1', comments: 'x'.repeat(70 * 1024) });
    expect(res.res.status).toBe(413);
    expect(t.count('feedback')).toBe(0);
  });
});
