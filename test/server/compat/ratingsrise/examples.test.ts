import { describe, expect, it } from 'vitest';
import { deliverySetup } from '../../delivery/fixtures';
import { expectDocumentedShape } from '../shape';
import {
  EXAMPLES,
  QUICK_START_PATH,
  RATE_LIMITED,
  VALIDATION_ERROR_EXAMPLE,
  WEBHOOK_PAYLOAD,
} from './fixtures';
import { rr, seededSetup } from './seed';

// Where Plaudit answers null for a value the example shows, and why (each is listed in docs/compat.md, RatingsRise).
const NULLABLE: Record<string, string[]> = {
  // A customer created alone has no request yet, so no business.
  createCustomer: ['businessId'],
  // Plaudit queues the message: the request is `pending` until the outbox worker sends it.
  createReviewRequest: ['sentAt'],
};

const STATUS: Record<string, number> = { createCustomer: 201, createReviewRequest: 201 };

describe('RatingsRise documented examples, replayed against a fresh Plaudit', () => {
  for (const example of EXAMPLES) {
    it(`${example.name}: ${example.method} ${example.path}`, async () => {
      const { t, seed } = await seededSetup();
      const ids: Record<string, string> = {
        businessId: seed.shop.id,
        reviewId: seed.latest.id,
        customerId: seed.emily.id,
      };
      const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);
      const body = example.body && JSON.parse(fill(JSON.stringify(example.body)));
      const res = await rr(t, example.method, fill(example.path), { body });
      expect(res.status, res.text).toBe(STATUS[example.name] ?? 200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-ratelimit-limit')).toBe('10000');
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.parse('2026-01-01') / 1000);
      expectDocumentedShape(res.json, example.response, { nullable: NULLABLE[example.name] });
      if (Array.isArray(res.json.data) && 'pagination' in res.json) {
        expect(res.json.data.length).toBeGreaterThan(0);
      }
    });
  }

  it('the quick-start listing (businessId, perPage=10) answers data and pagination', async () => {
    const { t, seed } = await seededSetup();
    const res = await rr(t, 'GET', QUICK_START_PATH.replace('{businessId}', seed.shop.id));
    expect(res.status).toBe(200);
    expect(res.json.pagination).toEqual({ page: 1, perPage: 10, total: 8, totalPages: 1 });
    expectDocumentedShape(res.json.data[0], (EXAMPLES[2].response as { data: unknown[] }).data[0]);
  });

  it('filters as documented: rating, platform, sentiment, dates, business', async () => {
    const { t, seed } = await seededSetup();
    const list = async (query: string) => (await rr(t, 'GET', `/reviews?${query}`)).json;
    expect((await list(`businessId=${seed.shop.id}&rating=5`)).data.every((r: any) => r.rating === 5)).toBe(
      true,
    );
    const yelp = await list('platform=yelp');
    expect(yelp.data.map((r: any) => r.platform)).toEqual(['yelp']);
    expect((await list(`businessId=${seed.downtown.id}`)).pagination.total).toBe(1);
    const thisMonth = t.clock().toISOString().slice(0, 8);
    const recent = await list(`dateFrom=${thisMonth}01`);
    expect(recent.pagination.total).toBe(3);
    expect((await list(`dateTo=${thisMonth}01&dateFrom=${thisMonth}01`)).pagination.total).toBe(0);
    const positive = await list('sentiment=positive');
    expect(positive.data.length).toBeGreaterThan(0);
    expect(positive.data.every((r: any) => r.sentiment === 'positive')).toBe(true);
  });

  it('matches the documented 429: headers, status and body', async () => {
    const t = deliverySetup({ rateLimit: 2 });
    await rr(t, 'GET', '/businesses');
    await rr(t, 'GET', '/businesses');
    const res = await rr(t, 'GET', '/businesses');
    expect(res.status).toBe(429);
    for (const name of RATE_LIMITED.headers) expect(res.headers.get(name), name).not.toBeNull();
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expectDocumentedShape(res.json, RATE_LIMITED.body);
    expect(res.json.error).toBe(
      `Rate limit exceeded. Please retry after ${res.headers.get('retry-after')} seconds.`,
    );
  });

  it('answers the documented validation error for the documented fields', async () => {
    const { t } = await seededSetup();
    const res = await rr(t, 'POST', '/review-requests', {
      body: { customerName: 'Jessica Williams', customerEmail: 'not-an-email', method: 'fax' },
    });
    expect(res.status).toBe(400);
    expectDocumentedShape(res.json, VALIDATION_ERROR_EXAMPLE);
  });

  it('the webhook payload example is the ratingsrise format’s envelope (see webhooks.test.ts)', () => {
    expect(Object.keys(WEBHOOK_PAYLOAD)).toEqual(['id', 'event', 'data', 'timestamp']);
  });
});
