import { describe, expect, it } from 'vitest';
import { routeWalk } from '../route-walk';
import { RR, rr, seededSetup } from './seed';

const rowsOf = (db: any, orgId: string) =>
  JSON.stringify(
    ['businesses', 'reviews', 'customers', 'review_requests', 'webhook_deliveries'].map((table) =>
      db.prepare(`SELECT * FROM ${table} WHERE organization_id = ? ORDER BY rowid`).all(orgId),
    ),
  );

describe('RatingsRise tenancy: a key of another organization reaches nothing of Acme', () => {
  it('answers its 404 for every Acme id and empty lists, and changes nothing of Acme', async () => {
    const { t, seed } = await seededSetup();
    const other = t.otherOrg();
    const before = rowsOf(t.db, t.org.id);
    const walk = routeWalk(t.app, RR);
    const as = (method: string, path: string, body?: unknown) => {
      walk.record(method, path);
      return rr(t, method, path, { key: other.key, body });
    };
    const notFound = [
      await as('GET', `/businesses/${seed.shop.id}`),
      await as('GET', `/reviews/${seed.latest.id}`),
      await as('GET', `/reviews?businessId=${seed.shop.id}`),
      await as('POST', `/reviews/${seed.latest.id}/reply`, { content: 'Hijacked' }),
      await as('GET', `/customers?businessId=${seed.shop.id}`),
      await as('PUT', `/customers/${seed.emily.id}`, { notes: 'Hijacked' }),
      await as('POST', '/customers', { name: 'Eve', email: 'eve@example.com', businessId: seed.shop.id }),
      await as('POST', '/review-requests', {
        customerName: 'Emily',
        customerEmail: 'emily@example.com',
        method: 'email',
        businessId: seed.shop.id,
      }),
      await as('GET', `/review-requests?businessId=${seed.shop.id}`),
      await as('GET', `/analytics/overview?businessId=${seed.shop.id}`),
      await as('GET', `/analytics/ratings?businessId=${seed.shop.id}`),
    ];
    for (const res of notFound) {
      expect(res.status, res.text).toBe(404);
      expect(res.json).toEqual({ error: expect.any(String), code: 'NOT_FOUND' });
    }
    for (const path of ['/businesses', '/reviews', '/customers', '/review-requests']) {
      const res = await as('GET', path);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ data: [], pagination: { page: 1, perPage: 25, total: 0, totalPages: 0 } });
    }
    const overview = await as('GET', '/analytics/overview');
    expect(overview.json.metrics).toMatchObject({ totalReviews: 0, totalRequestsSent: 0 });
    const ratings = await as('GET', '/analytics/ratings');
    expect(ratings.json.data.every((m: any) => m.reviewCount === 0)).toBe(true);
    // The same email in another organization is that organization's own customer.
    const theirs = await as('POST', '/customers', { name: 'Emily', email: 'emily@example.com' });
    expect(theirs.status).toBe(201);
    expect(theirs.json.id).not.toBe(seed.emily.id);
    // No request could be made without a business of its own.
    const noBusiness = await as('POST', '/review-requests', {
      customerName: 'Emily',
      customerEmail: 'emily@example.com',
      method: 'email',
    });
    expect(noBusiness.status).toBe(400);
    expect(rowsOf(t.db, t.org.id)).toBe(before);
    // Every route of the router was reached above (walked from the app: a new route must join this test).
    walk.expectAllHit();
  });
});
