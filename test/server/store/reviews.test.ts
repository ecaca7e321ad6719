import { describe, expect, it } from 'vitest';
import { presentReview } from '../../../server/api/reviews-schemas';
import { systemClock } from '../../../server/domain/clock';
import { openMemoryDb } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';
import {
  explainListReviews,
  ftsQuery,
  listReviewsJson,
  type ReviewFilter,
  type ReviewSort,
} from '../../../server/store/review-queries';
import { deleteReview, importReviews, updateReview } from '../../../server/store/review-writes';
import { getReview, insertReview } from '../../../server/store/reviews';

/** The page `listReviewsJson` builds, read back as the API client reads it. */
function listReviews(
  db: ReturnType<typeof openMemoryDb>,
  organizationId: string,
  filter: ReviewFilter,
  sort: ReviewSort,
  page: { limit: number; offset: number },
) {
  const result = listReviewsJson(db, organizationId, filter, sort, page);
  return result && { items: JSON.parse(result.json) as unknown[], total: result.total };
}

function world() {
  const db = openMemoryDb();
  const org = createOrganization(db, systemClock, { name: 'A' });
  const other = createOrganization(db, systemClock, { name: 'B' });
  const now = new Date().toISOString();
  const business = (id: string, organizationId: string) =>
    db
      .prepare(
        'INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, organizationId, id, id, now, now);
  business('biz_a', org.id);
  business('biz_b', other.id);
  return { db, org, other };
}

describe('ftsQuery', () => {
  it.each([
    ['coffee', '"coffee"'],
    ['great  coffee', '"great" "coffee"'],
    ['croiss*', '"croiss"*'],
    ['"', undefined],
    ['*', undefined],
    ['-', undefined],
    ['NEAR(a b', '"NEAR a" "b"'],
    ['-rude', '"rude"'],
    ["don't", '"don t"'],
    ['café', '"café"'],
    ['a"b', '"a b"'],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });
});

describe('listReviews', () => {
  it('returns nothing for a business of another organization', () => {
    const { db, org, other } = world();
    insertReview(db, systemClock, other.id, {
      businessId: 'biz_b',
      source: 'direct',
      rating: 5,
      authorName: 'x',
    });
    const page = { limit: 25, offset: 0 };
    expect(listReviews(db, org.id, { businessId: 'biz_b' }, 'newest', page)).toBeUndefined();
    expect(listReviews(db, other.id, { businessId: 'biz_b' }, 'newest', page)?.total).toBe(1);
    expect(listReviews(db, org.id, {}, 'newest', page)?.total).toBe(0);
  });

  it('serializes each review exactly as the API presents it, whatever its fields hold', () => {
    const { db, org } = world();
    const written = [
      insertReview(db, systemClock, org.id, {
        businessId: 'biz_a',
        source: 'google',
        rating: 1,
        authorName: 'Zoë "Z" \\ <b>',
        title: 'Awful, cold and rude',
        content: 'Line one\nline two\ttab, emoji 🍰, control \u0001 and "quotes"',
        externalId: 'g-1',
        authorAvatarUrl: 'https://example.com/a.png',
        url: 'https://example.com/r/1',
        publishedAt: '2026-03-01T10:00:00.000Z',
        reply: 'Sorry — we will do better',
        showOnWidget: true,
        hidden: true,
        verified: true,
        tags: ['staff', 'café'],
      }),
      insertReview(db, systemClock, org.id, {
        businessId: 'biz_a',
        source: 'direct',
        rating: 4,
        authorName: 'Plain',
        content: 'Lovely pastry, friendly staff, great coffee',
        publishedAt: '2026-02-01T10:00:00.000Z',
      }),
      insertReview(db, systemClock, org.id, {
        businessId: 'biz_a',
        source: 'yelp',
        rating: 3,
        authorName: 'Empty',
        publishedAt: '2026-01-01T10:00:00.000Z',
      }),
    ];
    expect(written.some((review) => review.sentimentScore % 1 !== 0)).toBe(true);
    const page = listReviews(db, org.id, { businessId: 'biz_a' }, 'newest', { limit: 25, offset: 0 });
    expect(page?.items).toEqual(written.map(presentReview));
  });

  it('counts correctly on a full page and past the end', () => {
    const { db, org } = world();
    for (let i = 0; i < 7; i++)
      insertReview(db, systemClock, org.id, {
        businessId: 'biz_a',
        source: 'direct',
        rating: 3,
        authorName: `a${i}`,
      });
    expect(listReviews(db, org.id, {}, 'newest', { limit: 7, offset: 0 })?.total).toBe(7);
    expect(listReviews(db, org.id, {}, 'newest', { limit: 3, offset: 6 })).toMatchObject({ total: 7 });
    expect(listReviews(db, org.id, {}, 'newest', { limit: 3, offset: 30 })).toEqual({ items: [], total: 7 });
  });

  it('keeps unfiltered totals right through inserts, deletes and filtered counts', () => {
    const { db, org } = world();
    const ids = Array.from(
      { length: 5 },
      (_, i) =>
        insertReview(db, systemClock, org.id, {
          businessId: 'biz_a',
          source: 'direct',
          rating: 1 + i,
          authorName: `a${i}`,
        }).id,
    );
    deleteReview(db, org.id, ids[0]);
    const pastEnd = { limit: 2, offset: 10 };
    expect(listReviews(db, org.id, { businessId: 'biz_a' }, 'newest', pastEnd)?.total).toBe(4);
    expect(listReviews(db, org.id, {}, 'newest', pastEnd)?.total).toBe(4);
    expect(listReviews(db, org.id, { minRating: 4 }, 'newest', pastEnd)?.total).toBe(2);
    expect(listReviews(db, org.id, { businessId: 'biz_a', rating: 3 }, 'newest', pastEnd)?.total).toBe(1);
  });

  it('reads a business’s newest page from its index, and the organization’s from the organization index', () => {
    const { db, org } = world();
    expect(explainListReviews(db, org.id, { businessId: 'biz_a' }, 'newest').join('\n')).toMatch(
      /USING INDEX reviews_business_published/,
    );
    expect(explainListReviews(db, org.id, { businessId: 'biz_a' }, 'newest').join('\n')).not.toMatch(
      /TEMP B-TREE/,
    );
    expect(explainListReviews(db, org.id, {}, 'newest').join('\n')).toMatch(
      /USING INDEX reviews_organization_published/,
    );
    expect(explainListReviews(db, org.id, { businessId: 'biz_a', q: 'x' }, 'newest').join('\n')).toMatch(
      /reviews_fts/,
    );
    for (const sort of ['highest', 'lowest'] as const) {
      expect(explainListReviews(db, org.id, {}, sort).join('\n'), sort).not.toMatch(
        /TEMP B-TREE FOR ORDER BY/,
      );
    }
    expect(
      explainListReviews(db, org.id, { businessId: 'biz_a', minRating: 4 }, 'newest').join('\n'),
    ).not.toMatch(/TEMP/);
  });
});

describe('review writes', () => {
  it('re-derives sentiment on update and keeps other organizations out', () => {
    const { db, org, other } = world();
    const review = insertReview(db, systemClock, org.id, {
      businessId: 'biz_a',
      source: 'direct',
      rating: 5,
      authorName: 'a',
      content: 'Lovely',
    });
    expect(updateReview(db, systemClock, other.id, review.id, { hidden: true })).toBeUndefined();
    expect(deleteReview(db, other.id, review.id)).toBe(false);
    const updated = updateReview(db, systemClock, org.id, review.id, { content: 'Horrible and awful' });
    expect(updated).toMatchObject({ sentiment: 'negative', hidden: false });
    expect(deleteReview(db, org.id, review.id)).toBe(true);
    expect(getReview(db, org.id, review.id)).toBeUndefined();
  });

  it('imports in one transaction: a failing row rolls the whole batch back', () => {
    const { db, org } = world();
    const row = { businessId: 'biz_a', source: 'google', rating: 5, authorName: 'a' };
    expect(() =>
      importReviews(db, systemClock, org.id, [
        { ...row, externalId: '1' },
        { ...row, externalId: '2', rating: 9 },
      ]),
    ).toThrow();
    expect(listReviews(db, org.id, {}, 'newest', { limit: 10, offset: 0 })?.total).toBe(0);
    expect(
      importReviews(db, systemClock, org.id, [
        { ...row, externalId: '1' },
        { ...row, externalId: '1', rating: 4 },
      ]),
    ).toEqual({
      created: 1,
      updated: 1,
      skipped: 0,
    });
  });
});
