import { describe, expect, it } from 'vitest';
import { routeWalk } from '../route-walk';
import { snapshot } from './routes';
import { RR, rr, seededSetup } from './seed';

type Bad = { method: string; path: string; body?: unknown; field: string };

/** Bad input for every route, and the field its 400 must name. */
const badInputs = (ids: { businessId: string; reviewId: string; customerId: string }): Bad[] => [
  { method: 'GET', path: '/businesses?perPage=0', field: 'perPage' },
  { method: 'GET', path: '/businesses?perPage=101', field: 'perPage' },
  { method: 'GET', path: '/businesses?limit=5', field: 'limit' },
  { method: 'GET', path: `/businesses/${ids.businessId}?expand=stats`, field: 'expand' },
  { method: 'GET', path: '/reviews?platform=myspace', field: 'platform' },
  { method: 'GET', path: '/reviews?source=google', field: 'source' },
  { method: 'GET', path: '/reviews?rating=6', field: 'rating' },
  { method: 'GET', path: '/reviews?rating=five', field: 'rating' },
  { method: 'GET', path: '/reviews?sentiment=angry', field: 'sentiment' },
  { method: 'GET', path: '/reviews?dateFrom=yesterday', field: 'dateFrom' },
  { method: 'GET', path: '/reviews?page=0', field: 'page' },
  { method: 'GET', path: `/reviews/${ids.reviewId}?fields=id`, field: 'fields' },
  { method: 'POST', path: `/reviews/${ids.reviewId}/reply`, body: {}, field: 'content' },
  { method: 'POST', path: `/reviews/${ids.reviewId}/reply`, body: { content: '   ' }, field: 'content' },
  {
    method: 'POST',
    path: `/reviews/${ids.reviewId}/reply`,
    body: { content: 'x'.repeat(4097) },
    field: 'content',
  },
  { method: 'POST', path: `/reviews/${ids.reviewId}/reply`, body: { reply: 'Thanks' }, field: 'reply' },
  { method: 'POST', path: `/reviews/${ids.reviewId}/reply`, body: '{"content":', field: '_' },
  { method: 'GET', path: '/customers?perPage=500', field: 'perPage' },
  { method: 'GET', path: '/customers?email=a@b.c', field: 'email' },
  { method: 'POST', path: '/customers', body: { email: 'jo@example.com' }, field: 'name' },
  { method: 'POST', path: '/customers', body: { name: 'Jo' }, field: 'email' },
  { method: 'POST', path: '/customers', body: { name: 'Jo', email: 'not-an-email' }, field: 'email' },
  { method: 'POST', path: '/customers', body: { name: 'Jo', phone: 'call me' }, field: 'phone' },
  {
    method: 'POST',
    path: '/customers',
    body: { name: 'Jo', email: 'jo@example.com', vip: true },
    field: 'vip',
  },
  {
    method: 'POST',
    path: '/customers',
    body: { name: 'Jo', email: 'jo@example.com', tags: 'vip' },
    field: 'tags',
  },
  // Emily's email with David's phone: two different customers (Plaudit's 409, RatingsRise's 400).
  {
    method: 'POST',
    path: '/customers',
    body: { name: 'Mix', email: 'emily@example.com', phone: '+15125554321' },
    field: 'email',
  },
  { method: 'PUT', path: `/customers/${ids.customerId}`, body: {}, field: '_' },
  { method: 'PUT', path: `/customers/${ids.customerId}`, body: { email: 'nope' }, field: 'email' },
  { method: 'PUT', path: `/customers/${ids.customerId}`, body: { optOut: true }, field: 'optOut' },
  {
    method: 'PUT',
    path: `/customers/${ids.customerId}`,
    body: { email: 'david.chen@example.com' },
    field: 'email',
  },
  {
    method: 'POST',
    path: '/review-requests',
    body: { customerName: 'Jo', customerEmail: 'jo@example.com', method: 'fax' },
    field: 'method',
  },
  {
    method: 'POST',
    path: '/review-requests',
    body: { customerName: 'Jo', customerEmail: 'jo@example.com', method: 'sms' },
    field: 'customerPhone',
  },
  {
    method: 'POST',
    path: '/review-requests',
    body: { customerName: 'Jo', customerPhone: '+15125550000', method: 'email' },
    field: 'customerEmail',
  },
  {
    method: 'POST',
    path: '/review-requests',
    body: { customerEmail: 'jo@example.com', method: 'email' },
    field: 'customerName',
  },
  {
    method: 'POST',
    path: '/review-requests',
    body: { customerName: 'Jo', customerEmail: 'jo@example.com', method: 'email', sendAt: '2030-01-01' },
    field: 'sendAt',
  },
  { method: 'GET', path: '/review-requests?status=bounced', field: 'status' },
  { method: 'GET', path: '/review-requests?method=pigeon', field: 'method' },
  { method: 'GET', path: '/analytics/overview?period=30d', field: 'period' },
  { method: 'GET', path: '/analytics/ratings?months=25', field: 'months' },
  { method: 'GET', path: '/analytics/ratings?months=0', field: 'months' },
];

describe('RatingsRise bad input: its 400 naming the field, and nothing changed', () => {
  it('refuses bad input on every route', async () => {
    const { t, seed } = await seededSetup();
    const before = snapshot(t.db);
    const ids = { businessId: seed.shop.id, reviewId: seed.latest.id, customerId: seed.emily.id };
    const walk = routeWalk(t.app, RR);
    for (const bad of badInputs(ids)) {
      walk.record(bad.method, bad.path);
      const label = `${bad.method} ${bad.path} ${JSON.stringify(bad.body) ?? ''}`;
      const res = await rr(t, bad.method, bad.path, { body: bad.body });
      expect(res.status, `${label}: ${res.text}`).toBe(400);
      expect(Object.keys(res.json), label).toEqual(['error', 'code', 'details']);
      expect(res.json.code, label).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.json.details), label).toContain(bad.field);
    }
    expect(snapshot(t.db)).toBe(before);
    // Every route of the router got bad input (walked from the app: a new route must join the table).
    walk.expectAllHit();
  });

  it('answers its 404 for ids that do not exist, changing nothing', async () => {
    const { t } = await seededSetup();
    const before = snapshot(t.db);
    for (const [method, path, body] of [
      ['GET', '/businesses/biz_abc123'],
      ['GET', '/reviews/rev_xyz789'],
      ['POST', '/reviews/rev_xyz789/reply', { content: 'Thanks' }],
      ['PUT', '/customers/cust_003', { notes: 'x' }],
      [
        'POST',
        '/review-requests',
        { customerName: 'Jo', customerEmail: 'jo@example.com', method: 'email', businessId: 'biz_abc123' },
      ],
      [
        'POST',
        '/review-requests',
        { customerName: 'Jo', customerEmail: 'jo@example.com', method: 'email', templateId: 'tpl_abc123' },
      ],
      ['GET', '/reviews?businessId=biz_abc123'],
      ['GET', '/customers?businessId=biz_abc123'],
      ['GET', '/review-requests?businessId=biz_abc123'],
      ['GET', '/analytics/overview?businessId=biz_abc123'],
    ] as const) {
      const res = await rr(t, method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json).toEqual({ error: expect.any(String), code: 'NOT_FOUND' });
    }
    expect(snapshot(t.db)).toBe(before);
  });
});
