import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/store/db';
import { landingSetup, PHONE_UA, PLATFORMS } from './landing-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tapsOf = async (t: ReturnType<typeof landingSetup>, cardId: string) =>
  (await t.call('GET', `/api/v1/cards/${cardId}`)).json.taps as number;

describe('landing views are cheap', () => {
  it('1,000 views of a card from one client grow the database file by a bounded amount and count one tap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-views-'));
    dirs.push(dir);
    const path = join(dir, 'plaudit.db');
    const t = landingSetup({ db: openDb(path) });
    const biz = await t.createBusiness();
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    const size = () => {
      t.db.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(path).size;
    };
    const before = size();

    for (let i = 0; i < 1000; i++) {
      const { res } = await t.get(`/t/${card.code}`);
      expect(res.status).toBe(200);
    }

    expect(size() - before).toBeLessThan(64 * 1024);
    expect(await tapsOf(t, card.id)).toBe(1);
    expect(t.count('visits')).toBe(0);
    expect(t.count('events')).toBe(0);
    t.db.close();
  });

  it('writes no visit or event for a view; the first rating writes the visit under the page’s token', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const viewed = await t.open(`/b/${biz.slug}`);
    expect(viewed.token).toMatch(/^visit_[A-Za-z0-9]+$/);
    expect(t.count('visits')).toBe(0);
    expect(t.count('events')).toBe(0);
    // The token alone carries the visit: its page renders, and rating it writes it.
    expect((await t.get(`/v/${viewed.token}`)).res.status).toBe(200);
    expect(t.count('visits')).toBe(0);

    await t.post(`/v/${viewed.token}/rate`, { rating: '5' });
    expect(t.db.prepare('SELECT id, origin, lang, rating FROM visits').all()).toEqual([
      { id: viewed.token, origin: 'business_link', lang: 'en', rating: 5 },
    ]);
    await t.post(`/v/${viewed.token}/rate`, { rating: '4' });
    expect(t.count('visits')).toBe(1);
    expect(t.events('rated')).toMatchObject([{ rating: 4, visit_id: viewed.token }]);
  });

  it('counts a visitor’s open again after the window, and a different visitor at once', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    await t.get(`/t/${card.code}`);
    await t.get(`/t/${card.code}`);
    expect(await tapsOf(t, card.id)).toBe(1);
    await t.get(`/t/${card.code}`, { 'user-agent': `${PHONE_UA} Other` });
    expect(await tapsOf(t, card.id)).toBe(2);
    t.clock.advance(31 * 60_000);
    await t.get(`/t/${card.code}`);
    expect(await tapsOf(t, card.id)).toBe(3);
    const days = t.db.prepare('SELECT opens, taps FROM visit_daily').all();
    expect(days).toEqual([{ opens: 3, taps: 3 }]);
  });

  it('refuses a forged, altered or expired token: 404, nothing written', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const { token } = await t.open(`/b/${biz.slug}`);
    const flipped = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    const forged = `visit_${'A'.repeat(24)}b${biz.id.slice(4)}en${'0'.repeat(24)}`;
    for (const bad of [flipped, forged, 'visit_short']) {
      expect((await t.post(`/v/${bad}/rate`, { rating: '5' })).res.status).toBe(404);
      expect((await t.get(`/go/${bad}/google`)).res.status).toBe(404);
    }
    t.clock.advance(8 * 86_400_000);
    expect((await t.post(`/v/${token}/rate`, { rating: '5' })).res.status).toBe(404);
    expect(t.count('visits')).toBe(0);
    expect(t.count('events')).toBe(0);
  });

  it('limits how many visits one IP can start in a minute', async () => {
    const t = landingSetup({ publicRateLimit: 3 });
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const tokens = [];
    for (let i = 0; i < 4; i++) tokens.push((await t.open(`/b/${biz.slug}`, { cookie: '' })).token);
    const clicks = [];
    for (const token of tokens) clicks.push((await t.get(`/go/${token}/google`)).res.status);
    expect(clicks).toEqual([302, 302, 302, 429]);
    expect(t.count('visits')).toBe(3);
    t.clock.advance(61_000);
    expect((await t.get(`/go/${tokens[3]}/google`)).res.status).toBe(302);
    expect(t.count('visits')).toBe(4);
  });
});

describe('malformed landing form bodies', () => {
  const MULTIPART_BROKEN = '--x\r\nContent-Disposition: form-data; name="rating"\r\n\r\n5';

  it.each(['rate', 'feedback', 'testimonial'])(
    'a broken multipart %s post is a 400 page and changes nothing',
    async (step) => {
      const t = landingSetup();
      const biz = await t.createBusiness({ platforms: PLATFORMS });
      const rr = t.createRequest(biz.id);
      const { token } = await t.open(`/r/${rr.code}`);
      await t.post(`/v/${token}/rate`, { rating: '5' });
      const before = { visits: t.count('visits'), events: t.count('events'), rows: t.requestRow(rr.id) };
      const res = await t.app.request(`/v/${token}/${step}`, {
        method: 'POST',
        body: MULTIPART_BROKEN,
        headers: {
          'user-agent': PHONE_UA,
          'content-type': 'multipart/form-data; boundary=zz',
          'sec-fetch-site': 'same-origin',
        },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('Joe’s Coffee');
      expect({ visits: t.count('visits'), events: t.count('events'), rows: t.requestRow(rr.id) }).toEqual(
        before,
      );
      expect(t.count('feedback')).toBe(0);
      expect(t.count('reviews')).toBe(0);
    },
  );

  it('answers the island’s JSON post with the error shape, and a broken body on an unknown token a 404', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    const send = (path: string) =>
      t.app.request(path, {
        method: 'POST',
        body: MULTIPART_BROKEN,
        headers: {
          accept: 'application/json',
          'content-type': 'multipart/form-data; boundary=zz',
          'sec-fetch-site': 'same-origin',
        },
      });
    const res = await send(`/v/${token}/rate`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_ERROR', error: expect.any(String) });
    expect((await send('/v/visit_nope/rate')).status).toBe(404);
    expect(t.count('visits')).toBe(0);
  });
});
