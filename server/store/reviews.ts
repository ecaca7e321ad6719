import type { Statement } from 'better-sqlite3';
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

/**
 * The columns a review is read from, in the order `reviewFrom` takes them. Reads use raw (positional)
 * rows: better-sqlite3 builds a named row with one generic property write per column, which on a page
 * of 25 reviews cost more than the query itself; a literal of fixed shape is cheap for V8.
 */
export const REVIEW_COLUMNS =
  'id, organization_id, business_id, source, external_id, rating, title, content, author_name, ' +
  'author_avatar_url, url, published_at, reply, replied_at, show_on_widget, hidden, verified, sentiment, ' +
  'sentiment_score, keywords, tags, customer_id, created_at, updated_at';

/**
 * A review as the API presents it (`presentReview`), built by SQLite as JSON text: a list page is then
 * one string per review, with no JS object per value to build, stringify and collect. (`json('true')` is a
 * constant SQLite computes once per statement, where `json(iif(…))` parsed a string on every row.)
 */
export const REVIEW_JSON = `json_object(
  'id', id, 'organizationId', organization_id, 'businessId', business_id, 'source', source,
  'externalId', external_id, 'rating', rating, 'title', title, 'content', content, 'authorName', author_name,
  'authorAvatarUrl', author_avatar_url, 'url', url, 'publishedAt', published_at, 'reply', reply,
  'repliedAt', replied_at, 'showOnWidget', iif(show_on_widget, json('true'), json('false')),
  'hidden', iif(hidden, json('true'), json('false')), 'verified', iif(verified, json('true'), json('false')),
  'sentiment', sentiment, 'sentimentScore', sentiment_score, 'keywords', json(keywords), 'tags', json(tags),
  'customerId', customer_id, 'createdAt', created_at, 'updatedAt', updated_at,
  'responded', iif(reply IS NOT NULL, json('true'), json('false')))`;

/** A review from a raw row of `REVIEW_COLUMNS`. */
export function reviewFrom(row: unknown[]): Review {
  return {
    id: row[0] as string,
    organizationId: row[1] as string,
    businessId: row[2] as string,
    source: row[3] as string,
    externalId: row[4] as string | null,
    rating: row[5] as number,
    title: row[6] as string | null,
    content: row[7] as string,
    authorName: row[8] as string,
    authorAvatarUrl: row[9] as string | null,
    url: row[10] as string | null,
    publishedAt: row[11] as string,
    reply: row[12] as string | null,
    repliedAt: row[13] as string | null,
    showOnWidget: row[14] === 1,
    hidden: row[15] === 1,
    verified: row[16] === 1,
    sentiment: row[17] as SentimentLabel,
    sentimentScore: row[18] as number,
    keywords: parseList(row[19] as string),
    tags: parseList(row[20] as string),
    customerId: row[21] as string | null,
    createdAt: row[22] as string,
    updatedAt: row[23] as string,
  };
}

/** Most reviews carry no tags and the same few keyword lists: skip the parser for the empty one. */
const parseList = (json: string): string[] => (json === '[]' ? [] : JSON.parse(json));

/** The first review a raw statement returns, if any. */
export function firstReview(statement: Statement, ...args: unknown[]): Review | undefined {
  const row = statement.raw(true).get(...args) as unknown[] | undefined;
  return row && reviewFrom(row);
}

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
  return firstReview(
    sql(db, `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = ? AND organization_id = ?`),
    id,
    organizationId,
  );
}
