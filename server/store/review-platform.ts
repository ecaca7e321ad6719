import type { PlatformLocation } from '../connectors/connector';
import { type Db, sql } from './db';

export type ReplyStatus = 'local' | 'pending' | 'posted' | 'failed';

/** What a platform said about one of its reviews, and how the owner's reply fares there. */
export type ReviewPlatformState = {
  reviewId: string;
  locationId: string | null;
  platformUpdatedAt: string;
  imported: boolean;
  replyStatus: ReplyStatus | null;
  replyError: string | null;
  hiddenReason: string | null;
};

type StateRow = {
  review_id: string;
  location_id: string | null;
  platform_updated_at: string;
  imported: number;
  reply_status: ReplyStatus | null;
  reply_error: string | null;
  hidden_reason: string | null;
};

const toState = (row: StateRow): ReviewPlatformState => ({
  reviewId: row.review_id,
  locationId: row.location_id,
  platformUpdatedAt: row.platform_updated_at,
  imported: row.imported === 1,
  replyStatus: row.reply_status,
  replyError: row.reply_error,
  hiddenReason: row.hidden_reason,
});

/**
 * SQL for where the owner answers a review by hand (`p` is its review_platform row): the link the connector
 * gave its location when mapped, else the location's page. Review lists and single reads both use it.
 */
export const LOCAL_REPLY_URL_SQL =
  '(SELECT coalesce(l.reply_url, l.url) FROM connection_locations l WHERE l.id = p.location_id)';

/** Where the owner answers the review by hand; null when nothing says. */
export function localReplyUrlOf(db: Db, reviewId: string): string | null {
  return (
    (sql(db, `SELECT ${LOCAL_REPLY_URL_SQL} FROM review_platform p WHERE p.review_id = ?`)
      .pluck()
      .get(reviewId) as string | null | undefined) ?? null
  );
}

/** The platform state of a review; undefined for reviews no connection brought. */
export function platformStateOf(db: Db, reviewId: string): ReviewPlatformState | undefined {
  const row = sql(db, 'SELECT * FROM review_platform WHERE review_id = ?').get(reviewId) as
    | StateRow
    | undefined;
  return row && toState(row);
}

/**
 * Records that a sync saw the review at `platformUpdatedAt`; `imported` sticks to what the first sight said, and
 * a reply Plaudit holds (pending, failed, or local on a platform without a reply API) keeps its status.
 */
export function recordPlatformSighting(
  db: Db,
  s: {
    reviewId: string;
    locationId: string;
    platformUpdatedAt: string;
    imported: boolean;
    replyPosted: boolean;
  },
): void {
  sql(
    db,
    `INSERT INTO review_platform (review_id, location_id, platform_updated_at, imported, reply_status)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (review_id) DO UPDATE SET location_id = excluded.location_id,
       platform_updated_at = excluded.platform_updated_at, hidden_reason = NULL,
       reply_status = CASE WHEN review_platform.reply_status IN ('pending', 'failed', 'local')
                           THEN review_platform.reply_status
                           ELSE excluded.reply_status END`,
  ).run(s.reviewId, s.locationId, s.platformUpdatedAt, s.imported ? 1 : 0, s.replyPosted ? 'posted' : null);
}

/** Sets how the owner's reply fares on the platform (null: no reply to carry). */
export function setReplyStatus(
  db: Db,
  reviewId: string,
  status: ReplyStatus | null,
  error: string | null,
): void {
  sql(db, 'UPDATE review_platform SET reply_status = ?, reply_error = ? WHERE review_id = ?').run(
    status,
    error,
    reviewId,
  );
}

/** Records why a review was hidden by a sync (the platform no longer shows it). */
export function setHiddenReason(db: Db, reviewId: string, reason: string): void {
  sql(db, 'UPDATE review_platform SET hidden_reason = ? WHERE review_id = ?').run(reason, reviewId);
}

/**
 * A location's reviews the platform last updated after `since` (all when null) and not already hidden for
 * deletion: the ones a full re-read of that window must have seen again. Strictly after: a review updated
 * at the very instant of the window's oldest may sit on the page the re-read did not read.
 */
export function reviewsInWindow(
  db: Db,
  locationId: string,
  since: string | null,
): Array<{ reviewId: string; organizationId: string }> {
  return sql(
    db,
    `SELECT p.review_id AS reviewId, r.organization_id AS organizationId FROM review_platform p
       JOIN reviews r ON r.id = p.review_id
       WHERE p.location_id = ? AND p.platform_updated_at > ? AND p.hidden_reason IS NULL`,
  ).all(locationId, since ?? '') as Array<{ reviewId: string; organizationId: string }>;
}

/** Where a reply to a review goes: its connection, platform location and platform id. */
export type ReplyTarget = {
  connectionId: string;
  platform: string;
  organizationId: string;
  location: PlatformLocation;
  externalReviewId: string;
};

/** The reply target of a review a connection brought; undefined for the others. */
export function replyTargetOf(db: Db, reviewId: string): ReplyTarget | undefined {
  const row = sql(
    db,
    `SELECT l.connection_id, c.platform, r.organization_id, l.external_id, l.name, l.address, l.place_id, l.url,
       r.external_id AS review_external_id
     FROM review_platform p JOIN reviews r ON r.id = p.review_id
     JOIN connection_locations l ON l.id = p.location_id JOIN connections c ON c.id = l.connection_id
     WHERE p.review_id = ? AND r.external_id IS NOT NULL`,
  ).get(reviewId) as Record<string, string | null> | undefined;
  return (
    row && {
      connectionId: row.connection_id as string,
      platform: row.platform as string,
      organizationId: row.organization_id as string,
      location: {
        externalId: row.external_id as string,
        name: row.name as string,
        address: row.address,
        placeId: row.place_id,
        url: row.url,
      },
      externalReviewId: row.review_external_id as string,
    }
  );
}
