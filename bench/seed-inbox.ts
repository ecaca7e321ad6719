import type { Db } from '../server/store/db';
import { prng } from './seed-reviews';

const TYPES = [
  ['star', 5],
  ['nps', 10],
  ['thumbs', 1],
] as const;

/**
 * Adds `count` private feedback spread over the businesses and the same five years as the seeded reviews,
 * and marks every `readEvery`-th review and feedback read for `readerId`: the inbox merges both kinds and
 * probes the read state of each row it lists.
 */
export function seedInbox(
  db: Db,
  seed: { orgId: string; businessIds: string[] },
  options: { feedback: number; readerId: string; readEvery: number },
): void {
  const random = prng(99);
  const now = new Date().toISOString();
  const start = Date.parse('2021-01-01T00:00:00Z');
  const span = Date.parse('2026-01-01T00:00:00Z') - start;
  const insert = db.prepare(
    `INSERT INTO feedback (id, organization_id, business_id, origin, type, score, comments, created_at, updated_at)
     VALUES (?, ?, ?, 'business_link', ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < options.feedback; i++) {
      const [type, max] = TYPES[i % TYPES.length];
      insert.run(
        `fb_bench${String(i).padStart(8, '0')}`,
        seed.orgId,
        seed.businessIds[Math.floor(random() * seed.businessIds.length)],
        type,
        Math.floor(random() * (max + 1)),
        'The coffee was cold',
        new Date(start + Math.floor(random() * span)).toISOString(),
        now,
      );
    }
    for (const [type, table] of [
      ['review', 'reviews'],
      ['feedback', 'feedback'],
    ]) {
      db.prepare(
        `INSERT INTO inbox_reads (organization_id, reader_id, item_type, item_id, business_id, read_at)
         SELECT organization_id, ?, '${type}', id, business_id, ? FROM ${table} WHERE organization_id = ? AND rowid % ? = 0`,
      ).run(options.readerId, now, seed.orgId, options.readEvery);
    }
  })();
}
