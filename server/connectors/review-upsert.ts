import { presentReview } from '../api/reviews-schemas';
import { queueReviewAlerts } from '../delivery/owner-alerts';
import { enqueueWebhookEvent } from '../delivery/webhook-events';
import type { ConnectionLocation } from '../store/connection-locations';
import { platformStateOf, recordPlatformSighting } from '../store/review-platform';
import { findReviewByExternalId, type ImportRow, importReviews } from '../store/review-writes';
import type { Review } from '../store/reviews';
import type { PlatformReview } from './connector';
import type { EngineDeps } from './engine-deps';

export type PageOutcome = { created: number; updated: number; reviewIds: string[] };

/**
 * The import row of a platform review. The reply follows the platform unless one written in Plaudit is on
 * its way there (pending) or stuck (failed), or lives only in Plaudit (local): those are never overwritten.
 */
function importRow(
  source: string,
  businessId: string,
  review: PlatformReview,
  current: { replyStatus: string | null; hiddenReason: string | null } | undefined,
): ImportRow {
  const row: ImportRow = {
    businessId,
    source,
    externalId: review.externalId,
    rating: review.rating,
    title: review.title ?? null,
    content: review.content ?? '',
    authorName: review.authorName,
    authorAvatarUrl: review.authorAvatarUrl ?? null,
    url: review.url ?? null,
    publishedAt: review.publishedAt,
  };
  const held = ['pending', 'failed', 'local'].includes(current?.replyStatus ?? '');
  if (review.reply && !held)
    Object.assign(row, { reply: review.reply.text, repliedAt: review.reply.updatedAt });
  if (!review.reply && current?.replyStatus === 'posted') row.reply = null;
  // Hidden because the platform had dropped it, and back now: shown again.
  if (current?.hiddenReason) row.hidden = false;
  return row;
}

/**
 * Upserts one page of platform reviews into a mapped location's business, through the same import rules as
 * CSV imports (keyed on business + source + externalId), in one transaction. After the first backfill, new
 * reviews fire review.created and owner alerts and changed ones review.updated, committed with them.
 */
export function upsertPage(
  deps: EngineDeps,
  platform: string,
  location: ConnectionLocation & { businessId: string },
  reviews: PlatformReview[],
  backfill: boolean,
): PageOutcome {
  const { db, clock } = deps;
  const orgId = location.organizationId;
  const outcome: PageOutcome = { created: 0, updated: 0, reviewIds: [] };
  db.transaction(() => {
    const created: Review[] = [];
    for (const review of reviews) {
      const key = { businessId: location.businessId, source: platform, externalId: review.externalId };
      const existing = findReviewByExternalId(db, orgId, key);
      const state = existing && platformStateOf(db, existing.id);
      const row = importRow(platform, location.businessId, review, state);
      const result = importReviews(db, clock, orgId, [row]);
      const stored = findReviewByExternalId(db, orgId, key) as Review;
      recordPlatformSighting(db, {
        reviewId: stored.id,
        locationId: location.id,
        platformUpdatedAt: review.updatedAt,
        imported: backfill,
        replyPosted: review.reply != null,
      });
      outcome.reviewIds.push(stored.id);
      outcome.created += result.created;
      outcome.updated += result.updated;
      if (backfill) continue;
      if (result.created) {
        created.push(stored);
        enqueueWebhookEvent(db, clock, orgId, 'review.created', presentReview(stored));
      } else if (result.updated) {
        enqueueWebhookEvent(db, clock, orgId, 'review.updated', presentReview(stored));
      }
    }
    queueReviewAlerts({ db, clock, publicUrl: deps.config.publicUrl }, orgId, created, { backfill });
  })();
  return outcome;
}
