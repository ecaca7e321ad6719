import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/store/db';

/** Rows that other parts of the product write (landing pages, imports), inserted directly for tests. */

export type FeedbackRowInput = {
  organizationId: string;
  businessId: string;
  type?: 'star' | 'nps' | 'thumbs';
  score?: number;
  comments?: string;
  status?: 'new' | 'resolved';
  createdAt?: string;
  customerId?: string | null;
};

export function insertFeedbackRow(db: Db, row: FeedbackRowInput): string {
  const id = `fb_${randomUUID().slice(0, 16)}`;
  const at = row.createdAt ?? '2026-06-01T10:00:00.000Z';
  db.prepare(
    `INSERT INTO feedback (id, organization_id, business_id, customer_id, origin, type, score, comments, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'business_link', ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    row.organizationId,
    row.businessId,
    row.customerId ?? null,
    row.type ?? 'star',
    row.score ?? 2,
    row.comments ?? 'The coffee was cold',
    row.status ?? 'new',
    at,
    at,
  );
  return id;
}

export type ReviewRowInput = {
  organizationId: string;
  businessId: string;
  rating: number;
  publishedAt: string;
  source?: string;
  sentiment?: 'positive' | 'neutral' | 'negative';
  repliedAt?: string | null;
  hidden?: boolean;
  customerId?: string | null;
};

export function insertReviewRow(db: Db, row: ReviewRowInput): string {
  const id = `rev_${randomUUID().slice(0, 16)}`;
  db.prepare(
    `INSERT INTO reviews (id, organization_id, business_id, source, rating, content, author_name, published_at, reply,
       replied_at, hidden, sentiment, sentiment_score, customer_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', 'Someone', ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(
    id,
    row.organizationId,
    row.businessId,
    row.source ?? 'google',
    row.rating,
    row.publishedAt,
    row.repliedAt ? 'Thanks!' : null,
    row.repliedAt ?? null,
    row.hidden ? 1 : 0,
    row.sentiment ?? 'positive',
    row.customerId ?? null,
    row.publishedAt,
    row.publishedAt,
  );
  return id;
}

/** Moves a review request through its steps as the delivery worker and landing pages would. */
export function setRequestSteps(
  db: Db,
  requestId: string,
  steps: { status: string; sentAt?: string | null; openedAt?: string | null; completedAt?: string | null },
): void {
  db.prepare(
    'UPDATE review_requests SET status = ?, sent_at = ?, opened_at = ?, completed_at = ? WHERE id = ?',
  ).run(steps.status, steps.sentAt ?? null, steps.openedAt ?? null, steps.completedAt ?? null, requestId);
}
