import { type Clock, isoNow } from '../domain/clock';
import { type Db, pageSql, sql } from './db';

export type FeedbackType = 'star' | 'nps' | 'thumbs';
export type FeedbackStatus = 'new' | 'resolved';

export type Feedback = {
  id: string;
  organizationId: string;
  businessId: string;
  requestId: string | null;
  cardId: string | null;
  /** The label of the card it came from, when it came from a card that has one. */
  cardLabel: string | null;
  customerId: string | null;
  origin: 'request' | 'card' | 'business_link';
  type: FeedbackType;
  score: number;
  comments: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  consentToContact: boolean;
  status: FeedbackStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
};

export type FeedbackRow = {
  id: string;
  organization_id: string;
  business_id: string;
  request_id: string | null;
  card_id: string | null;
  card_label: string | null;
  customer_id: string | null;
  origin: Feedback['origin'];
  type: FeedbackType;
  score: number;
  comments: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  consent_to_contact: number;
  status: FeedbackStatus;
  note: string | null;
  created_at: string;
  updated_at: string;
};

/** Maps a row read with FEEDBACK_SELECT to the API's Feedback. */
export function toFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    requestId: row.request_id,
    cardId: row.card_id,
    cardLabel: row.card_label,
    customerId: row.customer_id,
    origin: row.origin,
    type: row.type,
    score: row.score,
    comments: row.comments,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    consentToContact: row.consent_to_contact === 1,
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const CARD_LABEL = '(SELECT label FROM cards WHERE cards.id = feedback.card_id)';

/** Every column of feedback and the label of its card (a subquery keeps WHERE clauses unambiguous). */
export const FEEDBACK_SELECT = `SELECT *, ${CARD_LABEL} AS card_label FROM feedback`;

const COLUMNS = [
  'id',
  'organization_id',
  'business_id',
  'request_id',
  'card_id',
  'customer_id',
  'origin',
  'type',
  'score',
  'comments',
  'contact_name',
  'contact_email',
  'contact_phone',
  'consent_to_contact',
  'status',
  'note',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof FeedbackRow>;
// Every field of FeedbackRow is a column above or the card label: adding a column means adding it there.
const everyColumn: Record<Exclude<keyof FeedbackRow, (typeof COLUMNS)[number] | 'card_label'>, never> = {};
void everyColumn;

/**
 * The same row as one JSON object, for statements that carry feedback beside other rows (the inbox's merged
 * page): `toFeedback(JSON.parse(text))` reads it.
 */
export const FEEDBACK_ROW_JSON = `json_object(${COLUMNS.map((column) => `'${column}', feedback.${column}`).join(', ')}, 'card_label', ${CARD_LABEL})`;

export type FeedbackFilter = {
  businessId?: string;
  type?: FeedbackType;
  minScore?: number;
  maxScore?: number;
  status?: FeedbackStatus;
  /** Inclusive lower bound on createdAt (ISO). */
  createdFrom?: string;
  /** Exclusive upper bound on createdAt (ISO). */
  createdBefore?: string;
  /** Bounds on the score as 1–5 stars (toFiveStars), so one rating filter spans every scale. */
  minStars?: number;
  maxStars?: number;
  /** Words that must all appear in the comments or the contact's name (case-insensitive for ASCII). */
  words?: string[];
  /** Read state of one reader (see inbox_reads). */
  readBy?: { readerId: string; read: boolean };
  /** Feedback of this customer, or left through a request of this campaign. */
  customerId?: string;
  campaignId?: string;
  /** Oldest first instead of newest first (listFeedback). */
  oldestFirst?: boolean;
};

// Keep in step with toFiveStars (server/domain/gating.ts).
const FIVE_STARS =
  "(CASE feedback.type WHEN 'star' THEN feedback.score WHEN 'thumbs' THEN iif(feedback.score = 1, 5, 1) ELSE max(1, CAST(round(feedback.score / 2.0) AS INTEGER)) END)";

const likeTerm = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The WHERE clause over `feedback` for a filter, built from fixed fragments so each combination is one
 * cached statement; the inbox reuses it.
 */
export function feedbackWhere(
  organizationId: string,
  filter: FeedbackFilter,
): { where: string; args: unknown[] } {
  // With a business, `+` keeps the organization check but lets SQLite pick the business index.
  const conditions = [filter.businessId ? '+organization_id = ?' : 'organization_id = ?'];
  const args: unknown[] = [organizationId];
  const add = (condition: string, value: unknown) => {
    if (value === undefined) return;
    conditions.push(condition);
    args.push(value);
  };
  add('business_id = ?', filter.businessId);
  add('type = ?', filter.type);
  add('score >= ?', filter.minScore);
  add('score <= ?', filter.maxScore);
  add('status = ?', filter.status);
  add('customer_id = ?', filter.customerId);
  add('request_id IN (SELECT request_id FROM request_campaigns WHERE campaign_id = ?)', filter.campaignId);
  add('created_at >= ?', filter.createdFrom);
  add('created_at < ?', filter.createdBefore);
  add(`${FIVE_STARS} >= ?`, filter.minStars);
  add(`${FIVE_STARS} <= ?`, filter.maxStars);
  if (filter.words?.length) {
    add(
      `NOT EXISTS (SELECT 1 FROM json_each(?) AS term WHERE NOT (feedback.comments LIKE term.value ESCAPE '\\'
         OR coalesce(feedback.contact_name, '') LIKE term.value ESCAPE '\\'))`,
      JSON.stringify(filter.words.map(likeTerm)),
    );
  }
  if (filter.readBy) {
    add(
      `${filter.readBy.read ? '' : 'NOT '}EXISTS (SELECT 1 FROM inbox_reads WHERE reader_id = ? AND item_type = 'feedback' AND item_id = feedback.id)`,
      filter.readBy.readerId,
    );
  }
  return { where: conditions.join(' AND '), args };
}

/** One page of the organization's private feedback matching `filter`, newest first, and the total. */
export function listFeedback(
  db: Db,
  organizationId: string,
  filter: FeedbackFilter,
  page: { limit: number; offset: number },
): { items: Feedback[]; total: number } {
  const { where, args } = feedbackWhere(organizationId, filter);
  const rows = sql(
    db,
    `${FEEDBACK_SELECT} WHERE ${where} ORDER BY ${filter.oldestFirst ? 'created_at, rowid' : 'created_at DESC, rowid DESC'} ${pageSql(page.limit)}`,
  ).all(...args, page.offset) as FeedbackRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM feedback WHERE ${where}`).get(...args) as {
    total: number;
  };
  return { items: rows.map(toFeedback), total };
}

export function getFeedback(db: Db, organizationId: string, id: string): Feedback | undefined {
  const row = sql(db, `${FEEDBACK_SELECT} WHERE id = ? AND organization_id = ?`).get(id, organizationId) as
    | FeedbackRow
    | undefined;
  return row && toFeedback(row);
}

/** Sets the follow-up status and/or the owner's note (`null` clears it); undefined when there is no such feedback. */
export function updateFeedback(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  input: { status?: FeedbackStatus; note?: string | null },
): Feedback | undefined {
  const current = getFeedback(db, organizationId, id);
  if (!current) return undefined;
  sql(
    db,
    'UPDATE feedback SET status = ?, note = ?, updated_at = ? WHERE id = ? AND organization_id = ?',
  ).run(
    input.status ?? current.status,
    input.note !== undefined ? input.note : current.note,
    isoNow(clock),
    id,
    organizationId,
  );
  return getFeedback(db, organizationId, id);
}
