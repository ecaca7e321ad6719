import { systemClock } from '../server/domain/clock';
import type { Db } from '../server/store/db';
import { createOrganization } from '../server/store/organizations';

const SOURCES = ['google', 'yelp', 'facebook', 'tripadvisor', 'trustpilot', 'direct'];
const WORDS = [
  'great',
  'coffee',
  'slow',
  'friendly',
  'staff',
  'cold',
  'lovely',
  'price',
  'clean',
  'rude',
  'pastry',
  'music',
];

/** A small deterministic PRNG so runs are comparable. */
export function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Seeds one organization with `businesses` businesses and `reviews` reviews spread at random over them,
 * in one transaction with a prepared insert. To stay fast it bypasses the analyzer (a fixed sentiment),
 * builds the reviews indexes and counts after the rows (a sort instead of a million random b-tree inserts),
 * and leaves the FTS index out (its triggers stay dropped): the measured list query does not read it.
 */
export function seedReviews(db: Db, businesses: number, reviews: number) {
  const org = createOrganization(db, systemClock, { name: 'Bench' });
  const now = new Date().toISOString();
  const random = prng(42);
  const businessIds = Array.from({ length: businesses }, (_, i) => `biz_bench${String(i).padStart(6, '0')}`);
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reviews' AND sql IS NOT NULL",
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews'")
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  const insertBusiness = db.prepare(
    'INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertReview = db.prepare(
    `INSERT INTO reviews (id, organization_id, business_id, source, external_id, rating, content, author_name,
       published_at, show_on_widget, sentiment, sentiment_score, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.parse('2021-01-01T00:00:00Z');
  const span = Date.parse('2026-01-01T00:00:00Z') - start;
  // Bulk load without a journal (a crash would only lose the bench's temp file), then back to the app's mode.
  const saved = ['cache_size', 'journal_mode', 'synchronous'].map((name) => [
    name,
    db.pragma(name, { simple: true }),
  ]);
  db.pragma('cache_size = -1000000');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    for (const [i, id] of businessIds.entries())
      insertBusiness.run(id, org.id, `Business ${i}`, `bench-${i}`, now, now);
    for (let i = 0; i < reviews; i++) {
      const rating = 1 + Math.floor(random() * 5);
      const words = Array.from({ length: 8 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      insertReview.run(
        `rev_bench${String(i).padStart(8, '0')}`,
        org.id,
        businessIds[Math.floor(random() * businesses)],
        SOURCES[i % SOURCES.length],
        `ext-${i}`,
        rating,
        words,
        `Author ${i % 5000}`,
        new Date(start + Math.floor(random() * span)).toISOString(),
        rating >= 4 ? 1 : 0,
        rating >= 4 ? 'positive' : rating <= 2 ? 'negative' : 'neutral',
        0,
        now,
        now,
      );
    }
    for (const index of indexes) db.exec(index.sql);
    for (const trigger of triggers) if (!trigger.name.startsWith('reviews_fts')) db.exec(trigger.sql);
    db.exec(`DELETE FROM review_counts;
      INSERT INTO review_counts (business_id, organization_id, total)
      SELECT business_id, organization_id, count(*) FROM reviews GROUP BY business_id, organization_id;`);
  })();
  for (const [name, value] of saved) db.pragma(`${name} = ${value}`);
  return { orgId: org.id, businessIds };
}
