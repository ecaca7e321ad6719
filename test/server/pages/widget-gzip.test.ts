import { gunzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../../server/pages/widget-cache';
import { notifyBusinessChanged } from '../../../server/store/changes';
import { seedBusiness, seedReview } from '../../widget/fixtures';
import { setup } from '../helpers';

// The whole app (createApp), so the compression middleware sits in front of the widget route as served.
function widgetSetup(reviews = 12) {
  const t = setup();
  const biz = seedBusiness(t.db, { name: 'Café "Zoë" & <Sons>' });
  for (let i = 0; i < reviews; i++)
    seedReview(t.db, biz, {
      rating: 5 - (i % 3),
      content: `Grand café ☕ ${i} — “great” <b>service</b> & more `.repeat(3),
    });
  const path = `/widget/v1/${biz.id}.json`;
  const get = async (headers: Record<string, string> = {}) => {
    const res = await t.app.request(path, { headers });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  return { ...t, biz, path, get };
}

const varyNames = (value: string | null) => (value ?? '').split(',').map((v) => v.trim().toLowerCase());

describe('widget JSON compression', () => {
  it('serves gzip that decompresses to exactly the uncompressed body, with Vary: Accept-Encoding on both', async () => {
    const { get } = widgetSetup();
    const plain = await get();
    expect(plain.res.status).toBe(200);
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.bytes.length).toBeGreaterThanOrEqual(1024);
    expect(() => JSON.parse(plain.bytes.toString('utf8'))).not.toThrow();

    // Twice: the second gzip response comes from the document's cached compressed bytes.
    for (let i = 0; i < 2; i++) {
      const zipped = await get({ 'Accept-Encoding': 'gzip, deflate, br' });
      expect(zipped.res.status).toBe(200);
      expect(zipped.res.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.bytes.length).toBeLessThan(plain.bytes.length);
      expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
      expect(zipped.res.headers.get('etag')).toBe(plain.res.headers.get('etag'));
      expect(zipped.res.headers.get('content-type')).toBe(plain.res.headers.get('content-type'));
      expect(varyNames(zipped.res.headers.get('vary')).filter((v) => v === 'accept-encoding')).toHaveLength(
        1,
      );
    }
    expect(varyNames(plain.res.headers.get('vary')).filter((v) => v === 'accept-encoding')).toHaveLength(1);
  });

  it.each(['gzip;q=0', 'gzip; q=0', 'GZIP;Q=0.000', 'gzip;q=0, identity', '*;q=0', 'identity'])(
    'does not compress for Accept-Encoding "%s", and still says Vary',
    async (header) => {
      const { get } = widgetSetup();
      const plain = await get();
      const res = await get({ 'Accept-Encoding': header });
      expect(res.res.status).toBe(200);
      expect(res.res.headers.get('content-encoding')).toBeNull();
      expect(res.bytes.equals(plain.bytes)).toBe(true);
      expect(varyNames(res.res.headers.get('vary'))).toContain('accept-encoding');
    },
  );

  it('honours gzip;q=0 even when * accepts other codings: never gzip, and what is sent decodes to the body', async () => {
    const { get } = widgetSetup();
    const plain = await get();
    const res = await get({ 'Accept-Encoding': 'gzip;q=0, *' });
    const encoding = res.res.headers.get('content-encoding');
    expect(encoding).not.toBe('gzip');
    const decoded = encoding === 'deflate' ? inflateSync(res.bytes) : res.bytes;
    expect(decoded.equals(plain.bytes)).toBe(true);
    expect(varyNames(res.res.headers.get('vary'))).toContain('accept-encoding');
  });

  it.each(['gzip', '*', 'GZIP;q=0.5', 'br;q=1, gzip;q=0.1', 'deflate;q=0, *;q=0.3'])(
    'gzips for Accept-Encoding "%s"',
    async (header) => {
      const { get } = widgetSetup();
      const plain = await get();
      const res = await get({ 'Accept-Encoding': header });
      expect(res.res.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(res.bytes).equals(plain.bytes)).toBe(true);
    },
  );

  it('sends fresh compressed bytes after the reviews change, never a stale gzip of the old document', async () => {
    const { get, db, biz } = widgetSetup();
    const before = await get({ 'Accept-Encoding': 'gzip' });
    seedReview(db, biz, { rating: 5, content: 'A brand new review that must show up '.repeat(5) });
    notifyBusinessChanged(db, biz.id);
    const plain = await get();
    const after = await get({ 'Accept-Encoding': 'gzip' });
    expect(plain.bytes.toString('utf8')).toContain('A brand new review');
    expect(gunzipSync(after.bytes).equals(plain.bytes)).toBe(true);
    expect(after.bytes.equals(before.bytes)).toBe(false);
  });

  it('answers a matching If-None-Match with 304 and Vary, gzip or not', async () => {
    const { get } = widgetSetup();
    const etag = (await get()).res.headers.get('etag') ?? '';
    for (const encoding of ['gzip', 'identity']) {
      const res = await get({ 'Accept-Encoding': encoding, 'If-None-Match': etag });
      expect(res.res.status).toBe(304);
      expect(res.bytes.length).toBe(0);
      expect(varyNames(res.res.headers.get('vary'))).toContain('accept-encoding');
    }
  });

  it('serves a small document (under the 1 KB pre-gzip threshold) correctly either way, with Vary', async () => {
    const { get } = widgetSetup(0);
    const plain = await get();
    expect(plain.bytes.length).toBeLessThan(1024);
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    const res = await get({ 'Accept-Encoding': 'gzip' });
    expect(res.res.status).toBe(200);
    const decoded = res.res.headers.get('content-encoding') === 'gzip' ? gunzipSync(res.bytes) : res.bytes;
    expect(decoded.equals(plain.bytes)).toBe(true);
    for (const r of [plain, res]) expect(varyNames(r.res.headers.get('vary'))).toContain('accept-encoding');
  });
});

describe('acceptsGzip', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['gzip', true],
    [' GZip ', true],
    ['gzip;q=1', true],
    ['gzip;q=0.001', true],
    ['gzip;q=0', false],
    ['gzip ; q=0', false],
    ['gzip;q=0.0', false],
    ['*', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['*, gzip;q=0', false],
    ['*;q=0, gzip', true],
    ['deflate, br', false],
    ['x-gzip', false],
    ['gzipped', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
