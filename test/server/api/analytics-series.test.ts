import { describe, expect, it } from 'vitest';
import { recordEvent } from '../../../server/store/events';
import { setup } from '../helpers';
import { insertReviewRow, setRequestSteps } from '../rows';

/**
 * A hand-built dataset ("now" 2026-06-15 12:00 UTC). Joe's is in New York, Annex (same organization) in UTC.
 * Joe's visible reviews: google 5 on 2026-05-01T03:00Z (still 30 April in New York) replied after 2 h;
 * google 3 on 10 May, 10 h; yelp 4 on 20 May, 30 h; google 4 on 2 June, 4 h; facebook 2 on 3 June, no reply;
 * plus a hidden google 1 that counts nowhere. Annex: google 5 on 5 June, 1 h. The other organization:
 * google 1 on 5 June replied after 100 h, a request and card activity, none of which may leak into Acme's.
 */
async function dataset() {
  const t = setup();
  const joes = await t.createBusiness({ timezone: 'America/New_York' });
  const annex = await t.createBusiness({ name: 'Annex' });
  const other = t.otherOrg();
  const otherBiz = (
    await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'Elsewhere' } })
  ).json;
  const hours = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * 3_600_000).toISOString();
  const review = (
    organizationId: string,
    businessId: string,
    source: string,
    rating: number,
    publishedAt: string,
    replyHours?: number,
    hidden = false,
  ) =>
    insertReviewRow(t.db, {
      organizationId,
      businessId,
      source,
      rating,
      publishedAt,
      hidden,
      repliedAt: replyHours === undefined ? null : hours(publishedAt, replyHours),
    });
  review(t.org.id, joes.id, 'google', 5, '2026-05-01T03:00:00.000Z', 2);
  review(t.org.id, joes.id, 'google', 3, '2026-05-10T12:00:00.000Z', 10);
  review(t.org.id, joes.id, 'yelp', 4, '2026-05-20T12:00:00.000Z', 30);
  review(t.org.id, joes.id, 'google', 1, '2026-05-21T12:00:00.000Z', 1, true);
  review(t.org.id, joes.id, 'google', 4, '2026-06-02T12:00:00.000Z', 4);
  review(t.org.id, joes.id, 'facebook', 2, '2026-06-03T12:00:00.000Z');
  review(t.org.id, annex.id, 'google', 5, '2026-06-05T12:00:00.000Z', 1);
  review(other.id, otherBiz.id, 'google', 1, '2026-06-05T12:00:00.000Z', 100);

  const event = (
    organizationId: string,
    businessId: string,
    at: string,
    fields: {
      type: Parameters<typeof recordEvent>[2]['type'];
      requestId?: string;
      cardId?: string;
      visitId?: string;
    },
  ) => {
    t.clock.set(at);
    recordEvent(t.db, t.clock, { organizationId, businessId, ...fields });
  };
  const request = async (key: string, businessId: string, phone: string) =>
    (
      await t.call('POST', '/api/v1/review-requests', {
        key,
        body: { businessId, method: 'sms', customerPhone: phone },
      })
    ).json.id as string;
  const sent = '2026-06-10T12:00:00.000Z';
  const a = await request(t.orgKey, joes.id, '+14155550101');
  const b = await request(t.orgKey, joes.id, '+14155550102');
  const c = await request(t.orgKey, joes.id, '+14155550103');
  const d = await request(t.orgKey, joes.id, '+14155550104');
  const early = await request(t.orgKey, joes.id, '+14155550105');
  await request(t.orgKey, joes.id, '+14155550106'); // never sent
  const foreign = await request(other.key, otherBiz.id, '+14155550107');
  setRequestSteps(t.db, a, { status: 'completed', sentAt: sent, openedAt: sent, completedAt: sent });
  setRequestSteps(t.db, b, { status: 'completed', sentAt: sent, openedAt: sent, completedAt: sent });
  setRequestSteps(t.db, c, { status: 'opened', sentAt: sent, openedAt: sent });
  setRequestSteps(t.db, d, { status: 'sent', sentAt: sent });
  setRequestSteps(t.db, early, { status: 'opened', sentAt: '2026-03-01T12:00:00.000Z', openedAt: sent });
  setRequestSteps(t.db, foreign, { status: 'completed', sentAt: sent, openedAt: sent, completedAt: sent });
  for (const [id, steps] of [
    [a, ['rated', 'platform_clicked', 'platform_clicked']],
    [b, ['rated', 'feedback_submitted']],
    [foreign, ['rated', 'platform_clicked']],
  ] as const) {
    for (const type of steps) {
      const org = id === foreign ? other.id : t.org.id;
      event(org, id === foreign ? otherBiz.id : joes.id, sent, { type, requestId: id });
    }
  }

  // Cards list in the order they were made: a second apart, so their ids sort the same way.
  const card = async (key: string, businessId: string, label: string, staffMember?: string) => {
    t.clock.advance(1000);
    return (await t.call('POST', '/api/v1/cards', { key, body: { businessId, label, staffMember } })).json
      .data[0].id as string;
  };
  const till = await card(t.orgKey, joes.id, 'Till', 'Ana');
  const door = await card(t.orgKey, joes.id, 'Door', 'Ana');
  const bar = await card(t.orgKey, joes.id, 'Bar');
  await card(t.orgKey, joes.id, 'Patio', 'Ben');
  const theirs = await card(other.key, otherBiz.id, 'Theirs', 'Ana');
  const visit = (
    cardId: string,
    visitId: string,
    steps: string[],
    at = sent,
    org = t.org.id,
    biz = joes.id,
  ) => {
    for (const type of ['card_tapped', ...steps] as const)
      event(org, biz, at, { type: type as 'card_tapped', cardId, visitId });
  };
  visit(till, 'v1', ['rated', 'platform_clicked']);
  visit(till, 'v2', ['rated', 'feedback_submitted']);
  visit(till, 'v3', []);
  visit(till, 'v7', ['rated'], '2026-03-01T12:00:00.000Z');
  visit(door, 'v4', []);
  visit(bar, 'v5', ['rated', 'platform_clicked']);
  visit(bar, 'v6', []);
  visit(theirs, 'v8', ['rated', 'platform_clicked'], sent, other.id, otherBiz.id);
  t.clock.set('2026-06-15T12:00:00.000Z');
  return { t, joes, annex, other, otherBiz, till, door, bar };
}

const get = (t: ReturnType<typeof setup>, path: string, key?: string) =>
  t.call('GET', `/api/v1${path}`, { key });

describe('GET /analytics/ratings-by-source', () => {
  it('counts and averages per month and source in the business’s time zone', async () => {
    const { t, joes } = await dataset();
    const res = await get(
      t,
      `/analytics/ratings-by-source?businessId=${joes.id}&dateFrom=2026-04-01&dateTo=2026-06-15`,
    );
    expect(res.status).toBe(200);
    expect(res.json.range).toEqual({
      dateFrom: '2026-04-01',
      dateTo: '2026-06-15',
      timeZone: 'America/New_York',
      from: '2026-04-01T04:00:00.000Z',
      before: '2026-06-16T04:00:00.000Z',
    });
    expect(res.json.months).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(res.json.data).toEqual([
      { month: '2026-04', source: 'google', count: 1, averageRating: 5 },
      { month: '2026-05', source: 'google', count: 1, averageRating: 3 },
      { month: '2026-05', source: 'yelp', count: 1, averageRating: 4 },
      { month: '2026-06', source: 'facebook', count: 1, averageRating: 2 },
      { month: '2026-06', source: 'google', count: 1, averageRating: 4 },
    ]);
  });

  it('follows the time zone asked for, and the whole organization without a business', async () => {
    const { t } = await dataset();
    const res = await get(
      t,
      '/analytics/ratings-by-source?dateFrom=2026-04-01&dateTo=2026-06-30&timeZone=UTC',
    );
    expect(res.json.data).toEqual([
      { month: '2026-05', source: 'google', count: 2, averageRating: 4 },
      { month: '2026-05', source: 'yelp', count: 1, averageRating: 4 },
      { month: '2026-06', source: 'facebook', count: 1, averageRating: 2 },
      { month: '2026-06', source: 'google', count: 2, averageRating: 4.5 },
    ]);
  });

  it('narrows to the date range, clipping the first month', async () => {
    const { t, joes } = await dataset();
    const res = await get(
      t,
      `/analytics/ratings-by-source?businessId=${joes.id}&dateFrom=2026-05-15&dateTo=2026-06-02`,
    );
    expect(res.json.months).toEqual(['2026-05', '2026-06']);
    expect(res.json.data).toEqual([
      { month: '2026-05', source: 'yelp', count: 1, averageRating: 4 },
      { month: '2026-06', source: 'google', count: 1, averageRating: 4 },
    ]);
  });
});

describe('GET /analytics/replies', () => {
  it('answers the reply rate and the median reply time, whole range and per month', async () => {
    const { t, joes } = await dataset();
    const res = await get(
      t,
      `/analytics/replies?businessId=${joes.id}&dateFrom=2026-04-01&dateTo=2026-06-15`,
    );
    expect(res.status).toBe(200);
    // Reply times 2, 10, 30, 4 hours: the median of an even count is the mean of the middle two.
    expect(res.json).toMatchObject({ reviews: 5, replied: 4, replyRate: 0.8, medianReplyHours: 7 });
    expect(res.json.months).toEqual([
      { month: '2026-04', reviews: 1, replied: 1, replyRate: 1, medianReplyHours: 2 },
      { month: '2026-05', reviews: 2, replied: 2, replyRate: 1, medianReplyHours: 20 },
      { month: '2026-06', reviews: 2, replied: 1, replyRate: 0.5, medianReplyHours: 4 },
    ]);
  });

  it('takes the middle value of an odd count over the organization, without the other organization’s', async () => {
    const { t } = await dataset();
    const res = await get(t, '/analytics/replies?dateFrom=2026-01-01&dateTo=2026-06-30');
    // 1, 2, 4, 10, 30 hours (Annex included; the other organization's 100 h never).
    expect(res.json).toMatchObject({ reviews: 6, replied: 5, replyRate: 0.8333, medianReplyHours: 4 });
  });

  it('answers nulls for a range without reviews', async () => {
    const { t, joes } = await dataset();
    const res = await get(
      t,
      `/analytics/replies?businessId=${joes.id}&dateFrom=2025-01-01&dateTo=2025-01-31`,
    );
    expect(res.json).toMatchObject({ reviews: 0, replied: 0, replyRate: null, medianReplyHours: null });
  });
});

describe('GET /analytics/requests', () => {
  it('follows the requests sent in the range through every step, each counted once', async () => {
    const { t, joes } = await dataset();
    const res = await get(
      t,
      `/analytics/requests?businessId=${joes.id}&dateFrom=2026-04-01&dateTo=2026-06-15`,
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sent: 4, opened: 3, rated: 2, platformClicked: 1, privateFeedback: 1 });
    const wider = await get(t, '/analytics/requests?dateFrom=2026-01-01&dateTo=2026-06-15');
    expect(wider.json).toMatchObject({
      sent: 5,
      opened: 4,
      rated: 2,
      platformClicked: 1,
      privateFeedback: 1,
    });
  });
});

describe('GET /analytics/cards', () => {
  it('answers taps and conversions per card and per staff member in the range', async () => {
    const { t, till, door, bar } = await dataset();
    const res = await get(t, '/analytics/cards?dateFrom=2026-06-01&dateTo=2026-06-15');
    expect(res.status).toBe(200);
    expect(res.json.cards).toEqual([
      { cardId: till, label: 'Till', staffMember: 'Ana', taps: 3, rated: 2, completed: 2 },
      { cardId: door, label: 'Door', staffMember: 'Ana', taps: 1, rated: 0, completed: 0 },
      { cardId: bar, label: 'Bar', staffMember: null, taps: 2, rated: 1, completed: 1 },
      expect.objectContaining({ label: 'Patio', staffMember: 'Ben', taps: 0, rated: 0, completed: 0 }),
    ]);
    expect(res.json.staff).toEqual([
      { staffMember: 'Ana', cards: 2, taps: 4, rated: 2, completed: 2 },
      { staffMember: 'Ben', cards: 1, taps: 0, rated: 0, completed: 0 },
      { staffMember: null, cards: 1, taps: 2, rated: 1, completed: 1 },
    ]);
    const march = await get(t, '/analytics/cards?dateFrom=2026-03-01&dateTo=2026-03-31');
    expect(march.json.staff[0]).toEqual({ staffMember: 'Ana', cards: 2, taps: 1, rated: 1, completed: 0 });
  });

  it('narrows to one business', async () => {
    const { t, annex } = await dataset();
    const res = await get(t, `/analytics/cards?businessId=${annex.id}`);
    expect(res.json).toMatchObject({ cards: [], staff: [] });
  });
});

describe('ranged analytics: input and tenancy', () => {
  it.each([
    ['dateFrom after dateTo', 'dateFrom=2026-06-02&dateTo=2026-06-01', 'dateFrom'],
    ['a date-time where a date is expected', 'dateFrom=2026-06-01T00:00:00Z', 'dateFrom'],
    ['an unknown time zone', 'timeZone=Mars/Olympus', 'timeZone'],
    ['a range over three years', 'dateFrom=2020-01-01&dateTo=2026-01-01', 'dateFrom'],
  ])('refuses %s with a 400 naming the field', async (_, query, field) => {
    const { t } = await dataset();
    for (const path of ['ratings-by-source', 'replies', 'requests', 'cards']) {
      const res = await get(t, `/analytics/${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.json.details)).toContain(field);
    }
  });

  it('answers 404 for another organization’s business, and the other organization sees only its own', async () => {
    const { t, other, otherBiz, joes } = await dataset();
    for (const path of ['ratings-by-source', 'replies', 'requests', 'cards']) {
      expect((await get(t, `/analytics/${path}?businessId=${otherBiz.id}`)).status).toBe(404);
      expect((await get(t, `/analytics/${path}?businessId=${joes.id}`, other.key)).status).toBe(404);
    }
    const range = 'dateFrom=2026-01-01&dateTo=2026-06-30&timeZone=UTC';
    expect((await get(t, `/analytics/ratings-by-source?${range}`, other.key)).json.data).toEqual([
      { month: '2026-06', source: 'google', count: 1, averageRating: 1 },
    ]);
    expect((await get(t, `/analytics/replies?${range}`, other.key)).json).toMatchObject({
      reviews: 1,
      medianReplyHours: 100,
    });
    expect((await get(t, `/analytics/requests?${range}`, other.key)).json).toMatchObject({
      sent: 1,
      opened: 1,
      rated: 1,
      platformClicked: 1,
      privateFeedback: 0,
    });
    const cards = (await get(t, `/analytics/cards?${range}`, other.key)).json;
    expect(cards.staff).toEqual([{ staffMember: 'Ana', cards: 1, taps: 1, rated: 1, completed: 1 }]);
  });

  it('needs the analytics:read scope', async () => {
    const { t } = await dataset();
    const key = t.keyWithScopes(['reviews:read']);
    expect((await get(t, '/analytics/replies', key)).status).toBe(403);
  });
});
