import { describe, expect, it } from 'vitest';
import { insertReview, type NewReview } from '../../../server/store/reviews';
import { setup } from '../helpers';

/** Acme with two businesses and six reviews whose every filterable field differs. */
async function seeded() {
  const t = setup();
  const a = await t.createBusiness({ name: 'A' });
  const b = await t.createBusiness({ name: 'B' });
  const add = (input: Omit<NewReview, 'authorName'> & { authorName?: string }) =>
    insertReview(t.db, t.clock, t.org.id, { authorName: 'Ana', ...input });
  const r = {
    g5: add({
      businessId: a.id,
      source: 'google',
      externalId: 'g1',
      rating: 5,
      content: 'Amazing espresso, lovely staff',
      publishedAt: '2026-01-10T09:00:00.000Z',
      showOnWidget: true,
      tags: ['vip', 'coffee'],
    }),
    y1: add({
      businessId: a.id,
      source: 'yelp',
      externalId: 'y1',
      rating: 1,
      content: 'Awful rude service, terrible wait',
      publishedAt: '2026-02-10T09:00:00.000Z',
      hidden: true,
      reply: 'Sorry',
    }),
    d3: add({
      businessId: a.id,
      source: 'direct',
      rating: 3,
      content: 'The sandwich exists',
      publishedAt: '2026-03-10T09:00:00.000Z',
      tags: ['coffee'],
    }),
    d4: add({
      businessId: a.id,
      source: 'direct',
      rating: 4,
      title: 'Nice croissants',
      content: 'Flaky and buttery',
      authorName: 'Zoë',
      publishedAt: '2026-03-31T23:59:59.000Z',
    }),
    t2: add({
      businessId: a.id,
      source: 'testimonial',
      rating: 2,
      content: 'Bad, cold latte',
      publishedAt: '2026-04-01T00:00:00.000Z',
    }),
    b5: add({
      businessId: b.id,
      source: 'google',
      externalId: 'g2',
      rating: 5,
      content: 'Best croissant in town',
      publishedAt: '2026-02-20T09:00:00.000Z',
    }),
  };
  const ids = async (query: string) => {
    const res = await t.call('GET', `/api/v1/reviews?${query}`);
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${res.text}`);
    return res.json.data.map((x: { id: string }) => x.id);
  };
  return { ...t, a, b, r, ids };
}

describe('reviews API: list filters', () => {
  it('lists the organization’s reviews newest first with the pagination envelope', async () => {
    const t = await seeded();
    const res = await t.call('GET', '/api/v1/reviews');
    expect(res.json.pagination).toEqual({ page: 1, perPage: 25, total: 6, totalPages: 1 });
    expect(res.json.data.map((x: { id: string }) => x.id)).toEqual(
      [t.r.t2, t.r.d4, t.r.d3, t.r.b5, t.r.y1, t.r.g5].map((x) => x.id),
    );
    expect(res.json.data[0]).toMatchObject({ responded: false, sentiment: 'negative' });
  });

  it.each([
    ['businessId', (t: Awaited<ReturnType<typeof seeded>>) => `businessId=${t.b.id}`, ['b5']],
    ['source', () => 'source=google', ['b5', 'g5']],
    ['several sources', () => 'source=google,yelp', ['b5', 'y1', 'g5']],
    ['rating', () => 'rating=3', ['d3']],
    ['minRating', () => 'minRating=4', ['d4', 'b5', 'g5']],
    ['maxRating', () => 'maxRating=2', ['t2', 'y1']],
    ['rating range', () => 'minRating=2&maxRating=4', ['t2', 'd4', 'd3']],
    ['sentiment', () => 'sentiment=negative', ['t2', 'y1']],
    ['dateFrom (date)', () => 'dateFrom=2026-03-10', ['t2', 'd4', 'd3']],
    ['dateTo (date includes the day)', () => 'dateTo=2026-03-31', ['d4', 'd3', 'b5', 'y1', 'g5']],
    ['dateTo (instant)', () => 'dateTo=2026-03-31T23:59:58Z', ['d3', 'b5', 'y1', 'g5']],
    [
      'date range with offset',
      () => `dateFrom=${encodeURIComponent('2026-02-10T10:00:00+01:00')}&dateTo=2026-02-28`,
      ['b5', 'y1'],
    ],
    ['showOnWidget', () => 'showOnWidget=true', ['g5']],
    ['hidden=true', () => 'hidden=true', ['y1']],
    ['hidden=false', () => 'hidden=false', ['t2', 'd4', 'd3', 'b5', 'g5']],
    ['responded', () => 'responded=true', ['y1']],
    ['not responded', () => 'responded=false', ['t2', 'd4', 'd3', 'b5', 'g5']],
    ['tags (all of them)', () => 'tags=coffee,vip', ['g5']],
    ['one tag', () => 'tags=coffee', ['d3', 'g5']],
    [
      'combined',
      (t: Awaited<ReturnType<typeof seeded>>) => `businessId=${t.a.id}&source=direct&minRating=4`,
      ['d4'],
    ],
  ] as const)('filters by %s', async (_name, query, expected) => {
    const t = await seeded();
    expect(await t.ids(query(t))).toEqual(expected.map((k) => t.r[k].id));
  });

  it('rejects bad filter values with details', async () => {
    const t = await seeded();
    for (const [query, field] of [
      ['rating=6', 'rating'],
      ['minRating=0', 'minRating'],
      ['source=myspace', 'source'],
      ['sentiment=angry', 'sentiment'],
      ['dateFrom=last-week', 'dateFrom'],
      ['showOnWidget=yes', 'showOnWidget'],
      ['sort=random', 'sort'],
      ['businessId=', 'businessId'],
      ['minRating=5&maxRating=1', 'minRating'],
      [`tags=${'x'.repeat(51)}`, 'tags.0'],
    ]) {
      const res = await t.call('GET', `/api/v1/reviews?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.details[field], query).toBeDefined();
    }
    expect((await t.call('GET', '/api/v1/reviews?businessId=biz_unknown')).status).toBe(404);
  });
});

describe('reviews API: sorting and pagination', () => {
  it.each([
    ['newest', ['t2', 'd4', 'd3', 'b5', 'y1', 'g5']],
    ['oldest', ['g5', 'y1', 'b5', 'd3', 'd4', 't2']],
    ['highest', ['b5', 'g5', 'd4', 'd3', 't2', 'y1']],
    ['lowest', ['y1', 't2', 'd3', 'd4', 'b5', 'g5']],
  ] as const)('sorts %s', async (sort, expected) => {
    const t = await seeded();
    expect(await t.ids(`sort=${sort}`)).toEqual(expected.map((k) => t.r[k].id));
  });

  it('pages through the list, past the end too, with a correct total', async () => {
    const t = await seeded();
    const page = (n: number) => t.call('GET', `/api/v1/reviews?perPage=4&page=${n}&sort=oldest`);
    const first = await page(1);
    expect(first.json.pagination).toEqual({ page: 1, perPage: 4, total: 6, totalPages: 2 });
    expect(first.json.data).toHaveLength(4);
    const second = await page(2);
    expect(second.json.data.map((x: { id: string }) => x.id)).toEqual([t.r.d4.id, t.r.t2.id]);
    expect(second.json.pagination.total).toBe(6);
    const beyond = await page(9);
    expect(beyond.status).toBe(200);
    expect(beyond.json).toEqual({ data: [], pagination: { page: 9, perPage: 4, total: 6, totalPages: 2 } });
    const exact = await t.call('GET', '/api/v1/reviews?perPage=3&page=2');
    expect(exact.json.pagination).toMatchObject({ total: 6, totalPages: 2 });
    expect((await t.call('GET', '/api/v1/reviews?perPage=100')).status).toBe(200);
  });

  it('rejects perPage 101, perPage 0 and page 0', async () => {
    const t = await seeded();
    for (const query of ['perPage=101', 'perPage=0', 'page=0', 'page=abc']) {
      const res = await t.call('GET', `/api/v1/reviews?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.json.details).length).toBeGreaterThan(0);
    }
  });
});

describe('reviews API: full-text search', () => {
  it('finds words in content, title and author, all words required, prefix with *', async () => {
    const t = await seeded();
    expect(await t.ids('q=croissant')).toEqual([t.r.b5.id]);
    expect(await t.ids('q=croissants')).toEqual([t.r.d4.id]);
    expect(await t.ids('q=croissant*')).toEqual([t.r.d4.id, t.r.b5.id]);
    expect(await t.ids('q=zoe')).toEqual([t.r.d4.id]);
    expect(await t.ids('q=rude%20terrible')).toEqual([t.r.y1.id]);
    expect(await t.ids('q=rude%20espresso')).toEqual([]);
    expect(await t.ids(`q=croissant*&businessId=${t.a.id}`)).toEqual([t.r.d4.id]);
  });

  it('never fails on FTS syntax in the user’s text', async () => {
    const t = await seeded();
    for (const q of [
      '"',
      '*',
      'NEAR(',
      'NEAR(a b',
      '-',
      '-rude',
      'rude OR',
      'AND',
      '(',
      ')',
      '^',
      ':',
      'content:rude',
      '""""',
      "'",
      '\\',
      'a"b',
      '{title}',
      'NOT rude',
      '   ',
      '😀',
    ]) {
      const res = await t.call('GET', `/api/v1/reviews?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.json.pagination.total, q).toBe(res.json.data.length);
    }
    expect(await t.ids(`q=${encodeURIComponent('-rude')}`)).toEqual([t.r.y1.id]);
    expect(await t.ids(`q=${encodeURIComponent('rude, (terrible)')}`)).toEqual([t.r.y1.id]);
    expect(await t.ids(`q=${encodeURIComponent('content:rude')}`)).toEqual([]);
    expect(await t.ids(`q=${encodeURIComponent('NEAR(rude')}`)).toEqual([]);
    expect((await t.call('GET', `/api/v1/reviews?q=${'x'.repeat(201)}`)).status).toBe(400);
  });
});
