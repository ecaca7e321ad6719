import { describe, expect, it } from 'vitest';
import { pruneOldVisits } from '../../../server/store/visit-retention';
import { landingSetup, PHONE_UA, PLATFORMS } from './landing-fixtures';

type Setup = ReturnType<typeof landingSetup>;

/** One person on their own phone (own IP, own cookie jar), browsing the landing pages. */
function visitor(t: Setup, n: number) {
  let cookie = '';
  const headers = () => ({ 'user-agent': PHONE_UA, 'x-forwarded-for': `203.0.113.${n}`, cookie });
  let token = '';
  return {
    async open(path: string, options: { keepCookie?: boolean } = { keepCookie: true }) {
      const page = await t.open(path, options.keepCookie ? headers() : { ...headers(), cookie: '' });
      cookie = page.res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      token = page.token;
      expect(page.res.status).toBe(200);
    },
    rate: (rating: number) => t.post(`/v/${token}/rate`, { rating: String(rating) }, headers()),
    feedback: (rating: number) =>
      t.post(`/v/${token}/feedback`, { rating: String(rating), comments: `From ${n}` }, headers()),
    testimonial: (rating: number) =>
      t.post(
        `/v/${token}/testimonial`,
        { rating: String(rating), text: `Lovely, ${n}`, displayName: `P${n}`, consent: 'yes' },
        headers(),
      ),
    click: (platform: string) => t.get(`/go/${token}/${platform}`, headers()),
  };
}

// 20 visitors: some only look (one reloads with its cookie, one without), some rate high and go to a
// platform (one clicks three times), some rate low and write privately, some tap one of two cards, two open
// request links, one sends feedback straight from the first page, one leaves only a testimonial.
async function scriptedVisitors(t: Setup) {
  const biz = await t.createBusiness({ platforms: PLATFORMS });
  const cards = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, count: 2 } })).json.data;
  const [cardA, cardB] = cards as Array<{ id: string; code: string }>;
  const requests = [t.createRequest(biz.id), t.createRequest(biz.id)];
  const v = (n: number) => visitor(t, n);
  const link = `/b/${biz.slug}`;

  await v(1).open(link);
  const v2 = v(2);
  for (let i = 0; i < 4; i++) await v2.open(link);
  const v3 = v(3);
  for (let i = 0; i < 4; i++) await v3.open(link, { keepCookie: false });
  await v(4).open(link);
  for (const n of [5, 6, 7, 8]) {
    const p = v(n);
    await p.open(link);
    await p.rate(5);
    await p.click('google');
    if (n === 6) {
      await p.click('google');
      await p.click('yelp');
    }
  }
  for (const n of [9, 10, 11]) {
    const p = v(n);
    await p.open(link);
    await p.rate(2);
    await p.feedback(2);
  }
  await v(12).open(`/t/${cardA.code}`);
  const v13 = v(13);
  await v13.open(`/t/${cardA.code}`);
  await v13.rate(5);
  await v13.click('google');
  const v14 = v(14);
  await v14.open(`/t/${cardA.code}`);
  await v14.rate(1);
  await v14.feedback(1);
  const v15 = v(15);
  await v15.open(`/t/${cardB.code}`);
  await v15.rate(4);
  await v15.testimonial(4);
  await v15.click('google');
  const v16 = v(16);
  for (let i = 0; i < 5; i++) await v16.open(`/t/${cardB.code}`);
  await v16.rate(3);
  const v17 = v(17);
  await v17.open(`/r/${requests[0].code}`);
  await v17.open(`/r/${requests[0].code}`, { keepCookie: false });
  await v17.rate(5);
  await v17.click('google');
  await v(18).open(`/r/${requests[1].code}`);
  const v19 = v(19);
  await v19.open(link);
  await v19.feedback(1);
  const v20 = v(20);
  await v20.open(link);
  await v20.rate(5);
  await v20.testimonial(5);
  return { biz, cardA, cardB };
}

describe('the landing funnel for a scripted mix of visitors', () => {
  it('counts each visitor once per step, through the API, before and after old visits are rolled up', async () => {
    const t = landingSetup({ trustProxy: 1 });
    const { biz, cardA, cardB } = await scriptedVisitors(t);
    const expected = {
      opens: 20,
      taps: 5,
      rated: 14,
      platformClicked: 7,
      privateFeedback: 5,
      testimonials: 2,
      completed: 12,
      cards: [
        { cardId: cardA.id, taps: 3, rated: 2, completed: 2 },
        { cardId: cardB.id, taps: 2, rated: 2, completed: 1 },
      ].sort((a, b) => a.cardId.localeCompare(b.cardId)),
    };
    const figures = async () => ({
      funnel: (await t.call('GET', `/api/v1/analytics/funnel?businessId=${biz.id}`)).json,
      whole: (await t.call('GET', '/api/v1/analytics/funnel')).json,
      a: (await t.call('GET', `/api/v1/cards/${cardA.id}`)).json,
      b: (await t.call('GET', `/api/v1/cards/${cardB.id}`)).json,
    });

    const before = await figures();
    expect(before.funnel).toEqual(expected);
    expect(before.whole).toEqual(expected);
    expect(before.a).toMatchObject({ taps: 3, stats: { ratings: 2, averageRating: 3, completions: 2 } });
    expect(before.b).toMatchObject({ taps: 2, stats: { ratings: 2, averageRating: 3.5, completions: 1 } });
    // Only the people who did something were written: the 14 who rated (v19 by sending feedback straight
    // away), none of the 6 who only looked.
    expect(t.count('visits')).toBe(14);

    t.clock.advance(181 * 86_400_000);
    const pruned = pruneOldVisits(t.db, t.clock, 180);
    expect(pruned.visits).toBe(14);
    expect(t.count('visits')).toBe(0);
    // What is left raw is the requests' own steps (their campaign funnel and the customer's export read them).
    expect(t.events().every((e) => e.request_id !== null)).toBe(true);
    expect(await figures()).toEqual(before);

    const day = t.clock().toISOString().slice(0, 10);
    const inRange = await t.call('GET', `/api/v1/analytics/funnel?dateFrom=${day}`);
    expect(inRange.json).toMatchObject({ opens: 0, rated: 0, cards: [] });
  });

  it('keeps another organization’s funnel apart and answers 404 for its business', async () => {
    const t = landingSetup({ trustProxy: 1 });
    const { biz } = await scriptedVisitors(t);
    const other = t.otherOrg();
    const theirs = await t.call('GET', '/api/v1/analytics/funnel', { key: other.key });
    expect(theirs.json).toMatchObject({ opens: 0, rated: 0, completed: 0, cards: [] });
    const probe = await t.call('GET', `/api/v1/analytics/funnel?businessId=${biz.id}`, { key: other.key });
    expect(probe.status).toBe(404);
    const backwards = await t.call('GET', '/api/v1/analytics/funnel?dateFrom=2026-06-02&dateTo=2026-06-01');
    expect(backwards.status).toBe(400);
  });
});
