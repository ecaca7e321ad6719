import { advanceCursor, type ConnectionLocation } from '../store/connection-locations';
import { reviewsInWindow, setHiddenReason } from '../store/review-platform';
import { updateReview } from '../store/review-writes';
import type { SyncCounts } from '../store/sync-runs';
import type { Connector, ReviewPage, TokenSet } from './connector';
import type { EngineDeps } from './engine-deps';
import { upsertPage } from './review-upsert';

/** How many of the newest reviews the daily re-read reads again to catch edits and deletions. */
export const REREAD_NEWEST = 100;
const REREAD_EVERY_MS = 24 * 3_600_000;

export type SyncContext = EngineDeps & {
  connector: Connector;
  /** Runs a platform call with fresh tokens (server/connectors/connection-tokens.ts). */
  call<T>(run: (tokens: TokenSet) => Promise<T>): Promise<T>;
  /** Called after each page: the run's counts so far (recorded, and the job's lease extended). */
  progress(counts: SyncCounts): void;
};

/**
 * Syncs one mapped location, newest first. Incremental: pages until it meets a review no newer than the
 * location's cursor. Once a day (and on the first backfill, which reads everything) it re-reads at least the
 * newest REREAD_NEWEST reviews; a review of that window the platform no longer returns is hidden with a
 * reason, never deleted. The cursor moves only when the location finished: a sync killed half-way starts
 * again from the newest, and the upsert by external id makes the repeat harmless (no gap, no duplicate).
 */
export async function syncLocation(
  ctx: SyncContext,
  location: ConnectionLocation & { businessId: string },
): Promise<SyncCounts> {
  const counts: SyncCounts = { fetched: 0, created: 0, updated: 0, hidden: 0 };
  const cursor = location.lastSeenUpdateTime;
  const backfill = cursor === null;
  const lastFull = location.lastFullReadAt ? Date.parse(location.lastFullReadAt) : 0;
  const fullRead = backfill || ctx.clock().getTime() - lastFull >= REREAD_EVERY_MS;
  const seen = new Set<string>();
  let newest = cursor;
  let oldest: string | null = null;
  let pageToken: string | null | undefined = null;
  let exhausted = false;
  for (;;) {
    const token = pageToken;
    const page: ReviewPage = await ctx.call((tokens) =>
      ctx.connector.fetchReviews({ tokens }, location.location, token),
    );
    const outcome = upsertPage(ctx, ctx.connector.platform, location, page.reviews, backfill);
    for (const id of outcome.reviewIds) seen.add(id);
    counts.fetched += page.reviews.length;
    counts.created += outcome.created;
    counts.updated += outcome.updated;
    ctx.progress(counts);
    let reachedCursor = false;
    for (const review of page.reviews) {
      if (newest === null || review.updatedAt > newest) newest = review.updatedAt;
      if (oldest === null || review.updatedAt < oldest) oldest = review.updatedAt;
      if (cursor !== null && review.updatedAt <= cursor) reachedCursor = true;
    }
    pageToken = page.nextPageToken;
    if (!pageToken) {
      exhausted = true;
      break;
    }
    if (reachedCursor && (!fullRead || counts.fetched >= REREAD_NEWEST)) break;
  }
  // The whole list was read, unless the platform only ever shows its newest few (connector.reviewWindow).
  const complete = exhausted && !ctx.connector.reviewWindow;
  if (fullRead) counts.hidden = hideMissing(ctx, location, seen, complete ? null : oldest);
  advanceCursor(ctx.db, ctx.clock, location.id, { lastSeenUpdateTime: newest, fullRead });
  ctx.progress(counts);
  return counts;
}

/** Hides the reviews of the re-read window (updated after `since`; all when null) the platform did not return. */
function hideMissing(
  ctx: SyncContext,
  location: ConnectionLocation,
  seen: Set<string>,
  since: string | null,
): number {
  let hidden = 0;
  ctx.db.transaction(() => {
    for (const { reviewId, organizationId } of reviewsInWindow(ctx.db, location.id, since)) {
      if (seen.has(reviewId)) continue;
      updateReview(ctx.db, ctx.clock, organizationId, reviewId, { hidden: true });
      setHiddenReason(ctx.db, reviewId, `no longer on ${ctx.connector.platform}`);
      hidden++;
    }
  })();
  return hidden;
}
