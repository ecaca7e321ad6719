import { type Clock, isoNow } from '../domain/clock';
import { notifyBusinessChanged } from './changes';
import { type Db, sql } from './db';
import {
  derivedFields,
  getReview,
  insertReview,
  type NewReview,
  REVIEW_COLUMNS,
  type Review,
  type ReviewRow,
  toReview,
} from './reviews';

/** The fields of a review a write may change (which ones a caller may change is the API's rule). */
export type ReviewPatch = Partial<
  Pick<
    Review,
    | 'externalId'
    | 'rating'
    | 'title'
    | 'content'
    | 'authorName'
    | 'authorAvatarUrl'
    | 'url'
    | 'publishedAt'
    | 'reply'
    | 'repliedAt'
    | 'showOnWidget'
    | 'hidden'
    | 'verified'
    | 'tags'
  >
>;

/** Writes `next` over the stored review, re-deriving sentiment and keywords; no notification. */
function writeReview(db: Db, clock: Clock, next: Review): void {
  const derived = derivedFields(next.title, next.content, next.rating);
  sql(
    db,
    `UPDATE reviews SET external_id = ?, rating = ?, title = ?, content = ?, author_name = ?, author_avatar_url = ?,
       url = ?, published_at = ?, reply = ?, replied_at = ?, show_on_widget = ?, hidden = ?, verified = ?,
       sentiment = ?, sentiment_score = ?, keywords = ?, tags = ?, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(
    next.externalId,
    next.rating,
    next.title,
    next.content,
    next.authorName,
    next.authorAvatarUrl,
    next.url,
    next.publishedAt,
    next.reply,
    next.reply === null ? null : next.repliedAt,
    next.showOnWidget ? 1 : 0,
    next.hidden ? 1 : 0,
    next.verified ? 1 : 0,
    derived.sentiment,
    derived.sentimentScore,
    JSON.stringify(derived.keywords),
    JSON.stringify(next.tags),
    isoNow(clock),
    next.id,
    next.organizationId,
  );
}

/** Applies `patch` to a review of the organization; undefined if there is no such review. */
export function updateReview(db: Db, clock: Clock, organizationId: string, id: string, patch: ReviewPatch) {
  const current = getReview(db, organizationId, id);
  if (!current) return undefined;
  writeReview(db, clock, { ...current, ...patch });
  notifyBusinessChanged(db, current.businessId);
  return getReview(db, organizationId, id);
}

/** Sets (or, with null, removes) the owner's public reply; repliedAt follows. */
export function setReviewReply(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  reply: string | null,
) {
  return updateReview(db, clock, organizationId, id, {
    reply,
    repliedAt: reply === null ? null : isoNow(clock),
  });
}

/** Deletes a review of the organization; false if there was none. */
export function deleteReview(db: Db, organizationId: string, id: string): boolean {
  const row = sql(db, 'DELETE FROM reviews WHERE id = ? AND organization_id = ? RETURNING business_id').get(
    id,
    organizationId,
  ) as { business_id: string } | undefined;
  if (row) notifyBusinessChanged(db, row.business_id);
  return row !== undefined;
}

/** The review a platform import already brought in under this external id, if any. */
export function findReviewByExternalId(
  db: Db,
  organizationId: string,
  key: { businessId: string; source: string; externalId: string },
): Review | undefined {
  const row = sql(
    db,
    `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE business_id = ? AND source = ? AND external_id = ? AND organization_id = ?`,
  ).get(key.businessId, key.source, key.externalId, organizationId) as ReviewRow | undefined;
  return row && toReview(row);
}

export type ImportRow = NewReview & { externalId: string };
export type ImportOutcome = { created: number; updated: number; skipped: number };

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Upserts rows (businesses already checked to belong to the organization) in one transaction, keyed on
 * business + source + externalId: new → created; existing with a differing given field → updated; else skipped.
 * Fields a row leaves out keep their stored value (an owner's showOnWidget/hidden/tags survive a re-import).
 * `onCreated` runs inside the transaction with the new reviews, so what it queues commits with them.
 */
export function importReviews(
  db: Db,
  clock: Clock,
  organizationId: string,
  rows: ImportRow[],
  onCreated?: (created: Review[]) => void,
): ImportOutcome {
  const outcome: ImportOutcome = { created: 0, updated: 0, skipped: 0 };
  const touched = new Set<string>();
  const created: Review[] = [];
  db.transaction(() => {
    for (const row of rows) {
      const existing = findReviewByExternalId(db, organizationId, row);
      if (!existing) {
        created.push(insertReview(db, clock, organizationId, row));
        outcome.created++;
        touched.add(row.businessId);
        continue;
      }
      const patch: ReviewPatch = {};
      for (const [field, value] of Object.entries(row) as Array<[keyof ReviewPatch, unknown]>) {
        if (value === undefined || !(field in existing) || field === 'repliedAt') continue;
        if (!sameValue(existing[field], value)) Object.assign(patch, { [field]: value });
      }
      if (patch.reply !== undefined)
        patch.repliedAt = patch.reply === null ? null : (row.repliedAt ?? isoNow(clock));
      if (Object.keys(patch).length === 0) {
        outcome.skipped++;
        continue;
      }
      writeReview(db, clock, { ...existing, ...patch });
      outcome.updated++;
      touched.add(row.businessId);
    }
    onCreated?.(created);
  })();
  for (const businessId of touched) notifyBusinessChanged(db, businessId);
  return outcome;
}
