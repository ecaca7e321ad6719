// @vitest-environment node
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createReviewRequest } from '../../server/store/review-requests';
import { freshBundle } from '../bundles';
import { setup } from '../server/helpers';
import { PHONE_UA, PLATFORMS } from '../server/pages/landing-fixtures';

const BUDGET = 14 * 1024;
const phone = { 'user-agent': PHONE_UA, 'accept-encoding': 'gzip' };

/** A response as it crosses the wire (the bytes counted) and as the browser reads it. */
async function fetched(app: ReturnType<typeof setup>['app'], path: string) {
  const res = await app.request(path, { headers: phone });
  expect(res.status, path).toBe(200);
  // The budget counts compressed bytes: a first-view response sent uncompressed does not fit one round trip.
  expect(res.headers.get('content-encoding'), path).toBe('gzip');
  const wire = Buffer.from(await res.arrayBuffer());
  return { wire, body: gunzipSync(wire) };
}

describe('first-view budget', () => {
  it('a request link as the app serves it (HTML + inlined CSS + island JS) fits in 14 KB gzip (one round trip)', {
    timeout: 120_000,
  }, async () => {
    // Rebuilt before the app is made: the app reads dist/landing.js once, when it is created.
    const bundle = freshBundle('landing');
    const t = setup();
    const biz = await t.createBusiness({
      name: 'Joe’s Coffee & Bakery on Main Street',
      platforms: PLATFORMS,
      logoUrl: 'https://example.com/logo.png',
    });
    const rr = createReviewRequest(t.db, t.clock, t.org.id, {
      businessId: biz.id,
      customer: { name: 'Jessica Jones', phone: '+15555550123' },
      method: 'sms',
      suppressMessage: false,
      sandbox: false,
    });

    const page = await fetched(t.app, `/r/${rr.code}`);
    const html = page.body.toString('utf8');
    expect(html).toContain('Jessica');
    // CSS is inlined and the island is the only script: nothing else belongs to the first view.
    expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/);
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/assets\/landing\.js\?v=/);
    const script = await fetched(t.app, scripts[0]?.replaceAll('&amp;', '&') ?? '');
    expect(script.body.equals(bundle), 'the app serves the fresh dist/landing.js').toBe(true);

    const served = page.wire.length + script.wire.length;
    const best = gzipSync(page.body, { level: 9 }).length + gzipSync(bundle, { level: 9 }).length;
    console.info(
      `first view as served: HTML+CSS ${page.wire.length} B + JS ${script.wire.length} B = ${served} B gzip; ` +
        `at gzip -9: ${best} B (budget ${BUDGET})`,
    );
    // Both measures must fit: the bytes the app sends, and the same content at the best gzip level.
    expect(served).toBeLessThanOrEqual(BUDGET);
    expect(best).toBeLessThanOrEqual(BUDGET);
  });
});
