import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { presentReview } from '../../../../server/api/reviews-schemas';
import { systemClock } from '../../../../server/domain/clock';
import { loadMigrations, migrate } from '../../../../server/store/migrate';
import { createOrganization } from '../../../../server/store/organizations';
import { listReviewsJson } from '../../../../server/store/review-queries';
import { deleteReview } from '../../../../server/store/review-writes';
import { getReview, insertReview } from '../../../../server/store/reviews';

/** A database as Plaudit left it before 0005, holding reviews, their search index and a visit's testimonial. */
function versionFourDatabase() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations().slice(0, 4));
  const org = createOrganization(db, systemClock, { name: 'Before' });
  const now = new Date().toISOString();
  db.prepare(
    'INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run('biz_old', org.id, 'Old', 'old', now, now);
  const plain = insertReview(db, systemClock, org.id, {
    businessId: 'biz_old',
    source: 'google',
    externalId: 'g-1',
    rating: 2,
    content: 'Cold croissant',
    authorName: 'Ann',
    publishedAt: '2026-01-01T09:00:00.000Z',
  });
  const testimonial = insertReview(db, systemClock, org.id, {
    businessId: 'biz_old',
    source: 'testimonial',
    rating: 5,
    title: 'Lovely "flat white"',
    content: 'Best café in town',
    authorName: 'Bo',
    publishedAt: '2026-02-01T09:00:00.000Z',
    reply: 'Thank you!',
    showOnWidget: true,
    tags: ['regular'],
  });
  db.prepare(
    `INSERT INTO visits (id, organization_id, business_id, origin, lang, testimonial_id, created_at, updated_at)
     VALUES ('vis_1', ?, 'biz_old', 'business_link', 'en', ?, ?, ?)`,
  ).run(org.id, testimonial.id, now, now);
  return { db, org, plain, testimonial };
}

describe('migration 0005: reviews carry their API JSON', () => {
  it('keeps every review, its search entry, its count and what points at it', () => {
    const { db, org, plain, testimonial } = versionFourDatabase();
    migrate(db);

    expect(getReview(db, org.id, plain.id)).toEqual(plain);
    expect(getReview(db, org.id, testimonial.id)).toEqual(testimonial);
    expect(db.prepare("SELECT testimonial_id FROM visits WHERE id = 'vis_1'").pluck().get()).toBe(
      testimonial.id,
    );
    const search = (q: string) =>
      db
        .prepare(
          'SELECT id FROM reviews WHERE rowid IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?)',
        )
        .pluck()
        .all(q);
    expect(search('croissant')).toEqual([plain.id]);
    expect(search('cafe')).toEqual([testimonial.id]);
    expect(db.prepare("SELECT total FROM review_counts WHERE business_id = 'biz_old'").pluck().get()).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('serves the migrated reviews as the API presents them, and keeps the triggers working', () => {
    const { db, org, plain, testimonial } = versionFourDatabase();
    migrate(db);
    const page = listReviewsJson(db, org.id, { businessId: 'biz_old' }, 'newest', { limit: 25, offset: 0 });
    expect(JSON.parse(page?.json ?? '')).toEqual([presentReview(testimonial), presentReview(plain)]);
    expect(page?.total).toBe(2);

    const added = insertReview(db, systemClock, org.id, {
      businessId: 'biz_old',
      source: 'direct',
      rating: 4,
      content: 'Friendly barista',
      authorName: 'Cy',
    });
    deleteReview(db, org.id, testimonial.id);
    expect(db.prepare("SELECT testimonial_id FROM visits WHERE id = 'vis_1'").pluck().get()).toBeNull();
    expect(db.prepare("SELECT total FROM review_counts WHERE business_id = 'biz_old'").pluck().get()).toBe(2);
    expect(
      db.prepare("SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH 'barista OR cafe'").pluck().get(),
    ).toBe(1);
    const after = listReviewsJson(db, org.id, { businessId: 'biz_old' }, 'oldest', { limit: 25, offset: 0 });
    expect(JSON.parse(after?.json ?? '')).toEqual([presentReview(plain), presentReview(added)]);
  });
});
