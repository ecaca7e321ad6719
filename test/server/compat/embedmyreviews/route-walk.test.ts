import { describe, expect, it } from 'vitest';
import { embedMyReviewsRoutes } from '../../../../server/compat/embedmyreviews';
import type { AppDeps } from '../../../../server/http/context';
import { routesOf, snapshotOf } from '../route-walk';
import { emrSetup } from './harness';

const emrShape = { message: expect.any(String) };

describe('EmbedMyReviews: every route of the router, walked', () => {
  it('a key of B reaches nothing of A, and bad input is a 4xx in its shape that changes nothing', async () => {
    const t = emrSetup();
    const routes = routesOf(embedMyReviewsRoutes({ ...t, logger: console } as unknown as AppDeps));
    expect(routes.length).toBeGreaterThan(25);
    const biz = await t.business('Zanzibar Clinic');
    const review = await t.emr('POST', '/api/v1/reviews', {
      json: {
        author: 'Quillon Vantreaux',
        rating: 5,
        published_on: '2026-01-02',
        organization_id: biz.n,
        location_id: biz.n,
        source: 7,
      },
    });
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      body: { businessId: biz.id, name: 'Zanzibar campaign', steps: [{ delayHours: 0 }] },
    });
    const uuid = (await t.emr('GET', '/api/v1/request-reviews/campaigns')).json.data[0].uuid as string;
    expect(campaign.status).toBe(201);
    const other = t.otherOrg();
    const params: Record<string, string> = {
      id: String(review.json.data.id),
      campaign: uuid,
      customer: '1',
      order: 'ord_nope',
    };
    const fill = (path: string, values: Record<string, string>) =>
      path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'nope');
    const reachingForA = {
      organization_id: biz.n,
      location_id: biz.n,
      author: 'Walk',
      rating: 5,
      published_on: '2026-01-02',
      source: 7,
      name: 'Walk',
      email: 'walk@example.com',
    };

    const aBefore = snapshotOf(t.db, t.org.id);
    for (const { method, path } of routes) {
      const label = `${method} ${path}`;
      const url = fill(
        path.startsWith('/api/v1/organizations/') ? path.replace(':id', String(biz.n)) : path,
        params,
      );
      const res = await t.emr(method, url, {
        key: other.key,
        json: method === 'GET' || method === 'DELETE' ? undefined : reachingForA,
      });
      expect(res.text, label).not.toMatch(/Zanzibar|Quillon/);
      if (/:\w+/.test(path)) {
        expect([403, 404], label).toContain(res.status);
        expect(res.json, label).toMatchObject(emrShape);
      }
    }
    expect(snapshotOf(t.db, t.org.id)).toEqual(aBefore);

    // Bad input, each route with the key it takes (the admin key for the Agency API).
    const inputless = new Set([
      '/api/v1/sources',
      '/api/v1/countries',
      '/api/v1/me',
      '/api/agency/v1/custom-plans',
    ]);
    const before = snapshotOf(t.db, t.org.id);
    const orgs = (await t.call('GET', '/api/v1/organizations', { key: t.admin })).json.pagination.total;
    for (const { method, path } of routes) {
      const label = `${method} ${path}`;
      const key = path.startsWith('/api/agency/') ? t.admin : t.orgKey;
      const url = fill(path, {});
      const res =
        method === 'GET' && !/:\w+/.test(path)
          ? await t.emr(method, `${url}?organization_id=nope&location_id=nope&rating=nope&page=nope`, { key })
          : await t.emr(method, url, {
              key,
              raw: method === 'GET' || method === 'DELETE' ? undefined : '{"name": ',
            });
      if (inputless.has(path)) {
        // Documented without parameters: like EmbedMyReviews, unknown query parameters are ignored.
        expect(res.status, label).toBe(200);
        continue;
      }
      expect([403, 404, 422], label).toContain(res.status);
      expect(res.json, label).toMatchObject(emrShape);
      if (path.startsWith('/api/agency/')) expect(res.status, label).not.toBe(403);
    }
    expect((await t.call('GET', '/api/v1/organizations', { key: t.admin })).json.pagination.total).toBe(orgs);

    // The documented AI Hub examples: refused in the product's shape, pointing at Plaudit's own MCP server.
    const mcp = await t.emr('POST', '/api/mcp', { json: { jsonrpc: '2.0', id: 1, method: 'initialize' } });
    expect(mcp.status).toBe(404);
    expect(mcp.json).toEqual({ message: expect.stringMatching(/\/mcp/) });
    expect(snapshotOf(t.db, t.org.id)).toEqual(before);
  });
});
