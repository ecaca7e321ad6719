import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { defaultConfig } from '../../../server/config';
import { handleError } from '../../../server/http/errors';
import { silentLogger } from '../../../server/logger';
import { widgetRoutes } from '../../../server/pages/widget';
import { clearWidgetCache } from '../../../server/pages/widget-cache';
import { openMemoryDb } from '../../../server/store/db';
import { updateReview } from '../../../server/store/review-writes';
import { seedBusiness, seedReview } from '../../widget/fixtures';

// The widget router alone, with the app's error handler: what createApp mounts at '/'.
function appFor(db = openMemoryDb(), scriptPath?: string) {
  const app = new Hono();
  app.onError(handleError(silentLogger));
  const deps = {
    db,
    config: defaultConfig({ publicUrl: 'http://plaudit.test' }),
    logger: silentLogger,
    clock: () => new Date(),
  };
  app.route('/', widgetRoutes(deps, { scriptPath }));
  return app;
}

function setup() {
  const db = openMemoryDb();
  const app = appFor(db);
  const biz = seedBusiness(db, { slug: 'joes', name: "Joe's Coffee" });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  return { db, app, biz, get };
}

describe('GET /widget/v1/:businessId.json', () => {
  it('summarises all visible reviews, labelled as such, and lists only the picked ones, newest first', async () => {
    const { db, biz, get } = setup();
    seedReview(db, biz, { rating: 5, publishedAt: '2026-01-01T00:00:00Z' });
    seedReview(db, biz, { rating: 4, publishedAt: '2026-01-03T00:00:00Z' });
    seedReview(db, biz, { rating: 1, show: false }); // visible, not picked: counts in the summary
    seedReview(db, biz, { rating: 1, hidden: true }); // hidden: counts nowhere
    seedReview(db, biz, { rating: 2, hidden: true, show: true });

    const res = await get(`/widget/v1/${biz.id}.json`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.summary).toEqual({ averageRating: 3.33, totalReviews: 3, basis: 'all_visible_reviews' });
    expect(body.reviewLink).toBe('http://plaudit.test/b/joes');
    expect(body.business.name).toBe("Joe's Coffee");
    expect(body.reviews.map((r: { rating: number }) => r.rating)).toEqual([4, 5]);
  });

  it('filters by limit, minRating and sources', async () => {
    const { db, biz, get } = setup();
    for (let i = 0; i < 30; i++)
      seedReview(db, biz, { rating: (i % 5) + 1, source: i % 2 ? 'yelp' : 'google' });
    expect((await (await get(`/widget/v1/${biz.id}.json`)).json()).reviews).toHaveLength(20);
    expect((await (await get(`/widget/v1/${biz.id}.json?limit=7`)).json()).reviews).toHaveLength(7);
    const high = await (await get(`/widget/v1/${biz.id}.json?minRating=4&limit=100`)).json();
    expect(high.reviews).toHaveLength(12);
    expect(high.reviews.every((r: { rating: number }) => r.rating >= 4)).toBe(true);
    const yelp = await (await get(`/widget/v1/${biz.id}.json?sources=yelp&limit=100`)).json();
    expect(yelp.reviews).toHaveLength(15);
    expect(new Set(yelp.reviews.map((r: { source: string }) => r.source))).toEqual(new Set(['yelp']));
  });

  it('rejects bad filters with the documented error shape', async () => {
    const { biz, get } = setup();
    for (const q of ['limit=0', 'limit=101', 'minRating=9', 'sources=myspace']) {
      const res = await get(`/widget/v1/${biz.id}.json?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).code).toBe('VALIDATION_ERROR');
    }
  });

  it('sends public caching headers, an ETag, and 304 when it matches', async () => {
    const { db, biz, get } = setup();
    seedReview(db, biz, { rating: 5 });
    const first = await get(`/widget/v1/${biz.id}.json`);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('Cache-Control')).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
    );
    const again = await get(`/widget/v1/${biz.id}.json`, { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');
    const other = await get(`/widget/v1/${biz.id}.json`, { 'If-None-Match': 'W/"nope"' });
    expect(other.status).toBe(200);
  });

  it('invalidates the cached document when one of the business reviews changes', async () => {
    const { db, biz, get } = setup();
    const id = seedReview(db, biz, { rating: 5 });
    const before = await get(`/widget/v1/${biz.id}.json`);
    const etag = before.headers.get('ETag')!;
    expect((await before.json()).reviews).toHaveLength(1);
    // A raw write that does not notify is not seen: the answer really comes from the cache.
    db.prepare('UPDATE reviews SET show_on_widget = 0 WHERE id = ?').run(id);
    expect((await get(`/widget/v1/${biz.id}.json`, { 'If-None-Match': etag })).status).toBe(304);
    updateReview(db, () => new Date(), biz.orgId, id, { hidden: true });
    const after = await get(`/widget/v1/${biz.id}.json`, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    const body = await after.json();
    expect(body.reviews).toHaveLength(0);
    expect(body.summary.totalReviews).toBe(0);
  });

  it('can be cleared by hand (the benchmark measures the cold path)', async () => {
    const { db, biz, get } = setup();
    const id = seedReview(db, biz, { rating: 5 });
    await get(`/widget/v1/${biz.id}.json`);
    db.prepare('UPDATE reviews SET rating = 1 WHERE id = ?').run(id);
    clearWidgetCache(db);
    expect((await (await get(`/widget/v1/${biz.id}.json`)).json()).summary.averageRating).toBe(1);
  });

  it('is readable from any origin, preflight included', async () => {
    const { db, biz, app, get } = setup();
    const res = await get(`/widget/v1/${biz.id}.json`, { Origin: 'https://shop.example' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    // The browser lets the embed read the ETag; the request id and caching rules travel as on every answer.
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const full = createApp({ db, config: defaultConfig(), logger: silentLogger });
    const viaApp = await full.request(`/widget/v1/${biz.id}.json`);
    expect(viaApp.headers.get('X-Request-Id')).toMatch(/^req_/);
    expect(viaApp.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=60/);
    const invalid = await get(`/widget/v1/${biz.id}.json?limit=0`, { Origin: 'https://shop.example' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const head = await app.request(`/widget/v1/${biz.id}.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe(res.headers.get('ETag'));
    expect(await head.text()).toBe('');
    const pre = await app.request(`/widget/v1/${biz.id}.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('answers 404 in the error shape, with CORS, for unknown and archived businesses', async () => {
    const { db, get } = setup();
    const archived = seedBusiness(db, { archived: true });
    for (const id of ['biz_nope', archived.id]) {
      const res = await get(`/widget/v1/${id}.json`);
      expect(res.status).toBe(404);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', error: expect.any(String) });
    }
    // A path that is no document at all, through the whole app: still JSON a cross-origin script can read.
    const stray = await createApp({ db }).request('/widget/v1/reviews');
    expect(stray.status).toBe(404);
    expect(stray.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await stray.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses writes with 405, an Allow header and CORS, so the embed can read why', async () => {
    const { db, biz } = setup();
    const app = createApp({ db });
    for (const method of ['POST', 'DELETE']) {
      const res = await app.request(`/widget/v1/${biz.id}.json`, {
        method,
        headers: { Origin: 'https://shop.example' },
      });
      expect(res.status).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(await res.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    }
  });
});

describe('GET /widget.js', () => {
  it('serves the built script compressed, cacheable, with an ETag', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-widget-'));
    const scriptPath = join(dir, 'widget.js');
    writeFileSync(scriptPath, 'console.log("plaudit widget")');
    const app = appFor(openMemoryDb(), scriptPath);
    const res = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('javascript');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toContain('stale-while-revalidate');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe('console.log("plaudit widget")');
    const etag = res.headers.get('ETag')!;
    expect((await app.request('/widget.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('GET /widget (the old builder)', () => {
  it('redirects to the dashboard’s widget page', async () => {
    const { biz, get } = setup();
    const res = await get(`/widget?business=${biz.id}&layout=carousel`);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/dashboard/widget');
  });
});
