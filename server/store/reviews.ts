import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { extractKeywords } from '../domain/keywords';
import { analyzeSentiment, type SentimentLabel } from '../domain/sentiment';
import { notifyBusinessChanged } from './changes';
import { type Db, sql } from './db';

export type Review = {
  id: string;
  organizationId: string;
  businessId: string;
  source: string;
  externalId: string | null;
  rating: number;
  title: string | null;
  content: string;
  authorName: string;
  authorAvatarUrl: string | null;
  url: string | null;
  publishedAt: string;
  reply: string | null;
  repliedAt: string | null;
  showOnWidget: boolean;
  hidden: boolean;
  verified: boolean;
  sentiment: SentimentLabel;
  sentimentScore: number;
  keywords: string[];
  tags: string[];
  customerId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ReviewRow = {
  id: string;
  organization_id: string;
  business_id: string;
  source: string;
  external_id: string | null;
  rating: number;
  title: string | null;
  content: string;
  author_name: string;
  author_avatar_url: string | null;
  url: string | null;
  published_at: string;
  reply: string | null;
  replied_at: string | null;
  show_on_widget: number;
  hidden: number;
  verified: number;
  sentiment: SentimentLabel;
  sentiment_score: number;
  keywords: string;
  tags: string;
  customer_id: string | null;
  created_at: string;
  updated_at: string;
};

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    source: row.source,
    externalId: row.external_id,
    rating: row.rating,
    title: row.title,
    content: row.content,
    authorName: row.author_name,
    authorAvatarUrl: row.author_avatar_url,
    url: row.url,
    publishedAt: row.published_at,
    reply: row.reply,
    repliedAt: row.replied_at,
    showOnWidget: row.show_on_widget === 1,
    hidden: row.hidden === 1,
    verified: row.verified === 1,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    keywords: JSON.parse(row.keywords),
    tags: JSON.parse(row.tags),
    customerId: row.customer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The stored columns of a review, for reads that build a `Review`: `SELECT *` would also carry `api_json`,
 * the generated JSON a list page reads (migration 0005).
 */
export const REVIEW_COLUMNS = `id, organization_id, business_id, source, external_id, rating, title, content, author_name,
  author_avatar_url, url, published_at, reply, replied_at, show_on_widget, hidden, verified, sentiment,
  sentiment_score, keywords, tags, customer_id, created_at, updated_at`;

export type NewReview = {
  businessId: string;
  source: string;
  externalId?: string | null;
  rating: number;
  title?: string | null;
  content?: string;
  authorName: string;
  authorAvatarUrl?: string | null;
  url?: string | null;
  publishedAt?: string;
  reply?: string | null;
  repliedAt?: string | null;
  showOnWidget?: boolean;
  hidden?: boolean;
  verified?: boolean;
  tags?: string[];
  customerId?: string | null;
};

/** Sentiment and keywords are derived on every write from the title and text. */
export function derivedFields(title: string | null | undefined, content: string, rating: number) {
  const text = [title, content].filter(Boolean).join('. ');
  const { sentiment, score } = analyzeSentiment(text, rating);
  return { sentiment, sentimentScore: score, keywords: extractKeywords(text) };
}

/** Inserts a review (the caller has checked the business belongs to `organizationId`). */
export function insertReview(db: Db, clock: Clock, organizationId: string, input: NewReview): Review {
  const id = newId('rev');
  const now = isoNow(clock);
  const content = input.content ?? '';
  const derived = derivedFields(input.title, content, input.rating);
  sql(
    db,
    `INSERT INTO reviews (id, organization_id, business_id, source, external_id, rating, title, content, author_name,
       author_avatar_url, url, published_at, reply, replied_at, show_on_widget, hidden, verified, sentiment,
       sentiment_score, keywords, tags, customer_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    organizationId,
    input.businessId,
    input.source,
    input.externalId ?? null,
    input.rating,
    input.title ?? null,
    content,
    input.authorName,
    input.authorAvatarUrl ?? null,
    input.url ?? null,
    input.publishedAt ?? now,
    input.reply ?? null,
    input.reply ? (input.repliedAt ?? now) : null,
    input.showOnWidget ? 1 : 0,
    input.hidden ? 1 : 0,
    input.verified ? 1 : 0,
    derived.sentiment,
    derived.sentimentScore,
    JSON.stringify(derived.keywords),
    JSON.stringify(input.tags ?? []),
    input.customerId ?? null,
    now,
    now,
  );
  return getReview(db, organizationId, id)!;
}

/** Creates a review and tells listeners (the widget cache) that the business's reviews changed. */
export function createReview(db: Db, clock: Clock, organizationId: string, input: NewReview): Review {
  const review = insertReview(db, clock, organizationId, input);
  notifyBusinessChanged(db, review.businessId);
  return review;
}

export function getReview(db: Db, organizationId: string, id: string): Review | undefined {
  const row = sql(db, `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = ? AND organization_id = ?`).get(
    id,
    organizationId,
  ) as ReviewRow | undefined;
  return row && toReview(row);
}
