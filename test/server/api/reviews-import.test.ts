import { describe, expect, it } from 'vitest';
import { subscribeBusinessChanged } from '../../../server/store/changes';
import { setup } from '../helpers';

const CSV = `source,external_id,rating,Author Name,content,published_at,tags,show_on_widget
google,g-1,5,Ana,"Lovely coffee, great staff",2026-05-01,latte;staff,true
google,g-2,six,Bo,Fine,2026-05-02,,
yelp,y-1,2,Cy,"Cold food, slow service",2026-05-03T10:00:00Z,,no
myspace,m-1,4,,Hello,2026-05-04,,
yelp,y-2,4,Di,"Nice ""quoted"" words",not-a-date,,
`;

async function withBusiness() {
  const t = setup();
  const biz = await t.createBusiness();
  const csv = (body: string, query = `?businessId=${biz.id}`) =>
    t.call('POST', `/api/v1/reviews/import${query}`, {
      body,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const json = (body: unknown, query = `?businessId=${biz.id}`) =>
    t.call('POST', `/api/v1/reviews/import${query}`, { body });
  const all = async () => (await t.call('GET', `/api/v1/reviews?businessId=${biz.id}&sort=oldest`)).json;
  return { ...t, biz, csv, json, all };
}

describe('reviews API: import', () => {
  it('imports the good CSV rows and reports each bad one by row and field', async () => {
    const t = await withBusiness();
    const changed: string[] = [];
    subscribeBusinessChanged(t.db, (id) => changed.push(id));
    const res = await t.csv(CSV);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      errors: [
        { row: 2, errors: { rating: expect.any(String) } },
        { row: 4, errors: { source: expect.any(String), authorName: expect.any(String) } },
        { row: 5, errors: { publishedAt: expect.any(String) } },
      ],
    });
    expect(changed).toEqual([t.biz.id]);
    const { data } = await t.all();
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      source: 'google',
      externalId: 'g-1',
      rating: 5,
      authorName: 'Ana',
      publishedAt: '2026-05-01T00:00:00.000Z',
      tags: ['latte', 'staff'],
      showOnWidget: true,
      sentiment: 'positive',
    });
    expect(data[1]).toMatchObject({ externalId: 'y-1', showOnWidget: false, sentiment: 'negative' });
  });

  it('is idempotent: a re-import skips unchanged rows, updates changed ones, keeps the owner’s curation', async () => {
    const t = await withBusiness();
    await t.csv(CSV);
    const again = await t.csv(CSV);
    expect(again.json).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(again.json.errors).toHaveLength(3);

    const [g1] = (await t.all()).data;
    await t.call('PATCH', `/api/v1/reviews/${g1.id}`, { body: { hidden: true, tags: ['pinned'] } });
    const rows = [
      {
        source: 'google',
        externalId: 'g-1',
        rating: 4,
        authorName: 'Ana',
        content: 'Lovely coffee, great staff',
      },
      { source: 'yelp', externalId: 'y-1', rating: 2, authorName: 'Cy', content: 'Cold food, slow service' },
      { source: 'yelp', externalId: 'y-3', rating: 5, authorName: 'Ed', reply: 'Thanks Ed' },
    ];
    const res = await t.json(rows);
    expect(res.json).toEqual({ created: 1, updated: 1, skipped: 1, errors: [] });
    const after = await t.call('GET', `/api/v1/reviews/${g1.id}`);
    expect(after.json).toMatchObject({
      rating: 4,
      hidden: true,
      tags: ['pinned'],
      publishedAt: g1.publishedAt,
      id: g1.id,
    });
    expect((await t.all()).pagination.total).toBe(3);
    const replied = (await t.call('GET', `/api/v1/reviews?businessId=${t.biz.id}&responded=true`)).json.data;
    expect(replied.map((r: { externalId: string }) => r.externalId)).toEqual(['y-3']);
  });

  it('takes businessId per row, checks it belongs to the organization, and requires one', async () => {
    const t = await withBusiness();
    const other = await t.createBusiness({ name: 'Other place' });
    const foreign = t.otherOrg();
    const row = { source: 'google', rating: 5, authorName: 'Ana' };
    const res = await t.json(
      [
        { ...row, externalId: 'a' },
        { ...row, externalId: 'b', businessId: other.id },
        { ...row, externalId: 'c', businessId: 'biz_nope' },
        { ...row, rating: 3 },
      ],
      '',
    );
    expect(res.json).toEqual({
      created: 1,
      updated: 0,
      skipped: 0,
      errors: [
        { row: 1, errors: { businessId: expect.any(String) } },
        { row: 3, errors: { businessId: 'no such business' } },
        { row: 4, errors: { externalId: expect.any(String) } },
      ],
    });
    const foreignBiz = (await t.call('POST', '/api/v1/businesses', { key: foreign.key, body: { name: 'F' } }))
      .json;
    const sneaky = await t.json([{ ...row, externalId: 'd', businessId: foreignBiz.id }]);
    expect(sneaky.json.errors).toEqual([{ row: 1, errors: { businessId: 'no such business' } }]);
    expect((await t.call('GET', '/api/v1/reviews', { key: foreign.key })).json.pagination.total).toBe(0);
  });

  it('rejects a malformed body as a whole: bad CSV, not an array, too many rows, wrong media type', async () => {
    const t = await withBusiness();
    const broken = await t.csv('source,externalId\n"google,g-1\n');
    expect(broken.status).toBe(400);
    expect(broken.json.details.body).toBeDefined();
    const object = await t.json({ source: 'google' });
    expect(object.status).toBe(400);
    const tooMany = await t.json(Array.from({ length: 5001 }, () => ({})));
    expect(tooMany.status).toBe(400);
    const header = 'source,externalId,rating,authorName\n';
    const bigCsv = await t.csv(header + 'google,x,5,A\n'.repeat(5001));
    expect(bigCsv.status).toBe(400);
    expect(bigCsv.json.details.body).toMatch(/5000/);
    const xml = await t.call('POST', `/api/v1/reviews/import?businessId=${t.biz.id}`, {
      body: '<reviews/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(400);
    expect((await t.all()).pagination.total).toBe(0);
  });

  it('imports 5000 rows in one call', async () => {
    const t = await withBusiness();
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      source: 'trustpilot',
      externalId: `tp-${i}`,
      rating: (i % 5) + 1,
      authorName: `Author ${i}`,
      content: i % 2 ? 'Great service' : 'Slow delivery',
    }));
    const res = await t.json(rows);
    expect(res.json).toEqual({ created: 5000, updated: 0, skipped: 0, errors: [] });
    expect((await t.all()).pagination.total).toBe(5000);
  });
});
