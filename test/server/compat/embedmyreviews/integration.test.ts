import { afterEach, describe, expect, it } from 'vitest';
import { deliverySetup } from '../../delivery/fixtures';
import { startReceiver } from '../../delivery/webhook-receiver';
import { testClock } from '../../helpers';
import { expectDocumentedShape } from '../shape';
import { reviewCreatedWebhook } from './fixtures';
import { withEmr } from './harness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe('an EmbedMyReviews customer’s integration, pointed at Plaudit', () => {
  it('invites a contact, pages through reviews, replies, and receives review-created / review-updated webhooks', async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    closers.push(receiver.close);
    const t = withEmr(
      deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) }),
    );
    // Set up once in Plaudit (the product does this in its dashboard): the webhook URL in the product's format,
    // and a campaign.
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: { url: receiver.url('/emr'), events: ['*'], format: 'embedmyreviews' },
    });
    expect(hook.status, hook.text).toBe(201);
    secrets.push(hook.json.secret);

    // The customer's script, as written for EmbedMyReviews: only the base URL changed.
    const org = await t.emr('POST', '/api/v1/organizations', { json: { name: 'Acme Dental Clinic' } });
    expect(org.status).toBe(201);
    const orgs = await t.call('GET', '/api/v1/businesses');
    const businessId = orgs.json.data[0].id;
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      body: { businessId, name: 'Post-Visit Follow Up', steps: [{ delayHours: 0 }] },
    });
    const campaigns = await t.emr('GET', `/api/v1/request-reviews/campaigns?organization_id=${org.json.id}`);
    expect(campaigns.json.data).toEqual([{ id: campaign.json.id, name: 'Post-Visit Follow Up' }]);
    const invite = await t.emr(
      'POST',
      `/api/v1/request-reviews/campaigns/${campaigns.json.data[0].id}/invite`,
      {
        json: { email: 'sarah@example.com', first_name: 'Sarah', last_name: 'Johnson', send_after_hours: 0 },
      },
    );
    expect(invite.status).toBe(202);
    const request = await t.call('GET', `/api/v1/review-requests/${invite.json.id}`);
    expect(request.json).toMatchObject({ method: 'email', businessId });

    const sources = await t.emr('GET', `/api/v1/reviews/sources?organization_id=${org.json.id}`);
    const testimonials = sources.json.data.find((s: { type: string }) => s.type === 'testimonials');
    for (let i = 1; i <= 12; i++) {
      const created = await t.emr('POST', '/api/v1/reviews', {
        json: {
          author: `Customer ${i}`,
          rating: 5,
          message: `Visit ${i} was great`,
          published_on: `2026-01-${String(i).padStart(2, '0')}`,
          organization_id: org.json.id,
          location_id: org.json.id,
          source: testimonials.id,
        },
      });
      expect(created.status, created.text).toBe(201);
    }

    // Page through with links.next until it is null.
    const seen: string[] = [];
    let next: string | null = '/api/v1/reviews';
    let pages = 0;
    while (next) {
      const page = await t.emr('GET', next.replace(/^https?:\/\/[^/]+\/compat\/embedmyreviews/, ''));
      expect(page.status).toBe(200);
      pages += 1;
      expect(page.json.meta).toMatchObject({ current_page: pages, per_page: 10, total: 12, last_page: 2 });
      seen.push(...page.json.data.map((r: { author: string }) => r.author));
      next = page.json.links.next;
    }
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(12);
    expect(seen[0]).toBe('Customer 12');

    // The product's REST API has no reply endpoint: the reply goes through Plaudit's own.
    const newest = await t.emr('GET', '/api/v1/reviews');
    const reviewNumber = newest.json.data[0].id;
    const nativeId = (await t.call('GET', '/api/v1/reviews?perPage=1')).json.data[0].id;
    const reply = await t.call('POST', `/api/v1/reviews/${nativeId}/reply`, {
      body: { reply: 'Thank you!' },
    });
    expect(reply.status).toBe(200);
    const replied = await t.emr('GET', `/api/v1/reviews/${reviewNumber}`);
    expect(replied.json.data).toMatchObject({
      reply: 'Thank you!',
      reply_date: expect.stringMatching(/\.\d{6}Z$/),
    });

    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    const bodies = receiver.received.map((hit) => ({ ...hit, json: JSON.parse(hit.body) }));
    expect(bodies.every((hit) => hit.headers['user-agent'] === 'ReviewManagement/V1')).toBe(true);
    expect(bodies.every((hit) => hit.verified)).toBe(true);
    const events = bodies.map((hit) => hit.json.webhook_event);
    expect(events.filter((e) => e === 'review-created')).toHaveLength(12);
    expect(events).toContain('organization-created');
    const created = bodies.find((hit) => hit.json.webhook_event === 'review-created')!.json;
    expectDocumentedShape(created, reviewCreatedWebhook, {
      nullable: ['avatar', 'url', 'published_on', 'updated_at', 'created_at'],
    });
    expect(created).toMatchObject({
      organization_id: org.json.id,
      location_id: org.json.id,
      source_name: 'testimonial',
    });
    const updated = bodies.find((hit) => hit.json.webhook_event === 'review-updated')!.json;
    expect(updated).toMatchObject({ id: reviewNumber, replied: true, reply_message: 'Thank you!' });
  });
});
