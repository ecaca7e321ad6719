import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type VisitOrigin = 'request' | 'card' | 'business_link';

export type Visit = {
  id: string;
  organizationId: string;
  businessId: string;
  origin: VisitOrigin;
  requestId: string | null;
  cardId: string | null;
  lang: string;
  rating: number | null;
  feedbackId: string | null;
  testimonialId: string | null;
  createdAt: string;
};

type VisitRow = {
  id: string;
  organization_id: string;
  business_id: string;
  origin: VisitOrigin;
  request_id: string | null;
  card_id: string | null;
  lang: string;
  rating: number | null;
  feedback_id: string | null;
  testimonial_id: string | null;
  created_at: string;
};

const toVisit = (row: VisitRow): Visit => ({
  id: row.id,
  organizationId: row.organization_id,
  businessId: row.business_id,
  origin: row.origin,
  requestId: row.request_id,
  cardId: row.card_id,
  lang: row.lang,
  rating: row.rating,
  feedbackId: row.feedback_id,
  testimonialId: row.testimonial_id,
  createdAt: row.created_at,
});

export type NewVisit = {
  /** The visit's token, when it was issued before the visit was written (the landing's signed tokens). */
  id?: string;
  organizationId: string;
  businessId: string;
  origin: VisitOrigin;
  requestId?: string | null;
  cardId?: string | null;
  lang: string;
};

/** Writes a visit: `created_at` is now (retention counts from when the row was written). */
export function createVisit(db: Db, clock: Clock, input: NewVisit): Visit {
  const visit: Visit = {
    id: input.id ?? newId('visit'),
    organizationId: input.organizationId,
    businessId: input.businessId,
    origin: input.origin,
    requestId: input.requestId ?? null,
    cardId: input.cardId ?? null,
    lang: input.lang,
    rating: null,
    feedbackId: null,
    testimonialId: null,
    createdAt: isoNow(clock),
  };
  sql(
    db,
    `INSERT INTO visits (id, organization_id, business_id, origin, request_id, card_id, lang, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    visit.id,
    visit.organizationId,
    visit.businessId,
    visit.origin,
    visit.requestId,
    visit.cardId,
    visit.lang,
    visit.createdAt,
    visit.createdAt,
  );
  return visit;
}

/** A visit by its token (public: the token is the capability). */
export function getVisit(db: Db, id: string): Visit | undefined {
  const row = sql(db, 'SELECT * FROM visits WHERE id = ?').get(id) as VisitRow | undefined;
  return row && toVisit(row);
}

export function setVisitRating(db: Db, clock: Clock, id: string, rating: number): void {
  sql(db, 'UPDATE visits SET rating = ?, updated_at = ? WHERE id = ?').run(rating, isoNow(clock), id);
}

/** Links the visit's feedback, and records `rating` as its rating when it had none (one write, not two). */
export function setVisitFeedback(db: Db, clock: Clock, id: string, feedbackId: string, rating: number): void {
  sql(db, 'UPDATE visits SET feedback_id = ?, rating = coalesce(rating, ?), updated_at = ? WHERE id = ?').run(
    feedbackId,
    rating,
    isoNow(clock),
    id,
  );
}

/** Links the visit's testimonial, and records `rating` as its rating when it had none. */
export function setVisitTestimonial(
  db: Db,
  clock: Clock,
  id: string,
  reviewId: string,
  rating: number,
): void {
  sql(
    db,
    'UPDATE visits SET testimonial_id = ?, rating = coalesce(rating, ?), updated_at = ? WHERE id = ?',
  ).run(reviewId, rating, isoNow(clock), id);
}
