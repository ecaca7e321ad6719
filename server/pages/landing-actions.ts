import { queueFeedbackAlerts, queueReviewAlerts } from '../delivery/owner-alerts';
import { enqueueWebhookEvent } from '../delivery/webhook-events';
import type { Clock } from '../domain/clock';
import { feedbackType, isPositive, toFiveStars } from '../domain/gating';
import type { Business } from '../store/businesses';
import { recordCardTap } from '../store/cards';
import type { Db } from '../store/db';
import { recordEvent, updateRatedEvent } from '../store/events';
import { insertFeedback } from '../store/feedback-writes';
import {
  markRequestCompleted,
  markRequestOpened,
  requestCustomerId,
  setRequestRating,
} from '../store/request-progress';
import { insertReview } from '../store/reviews';
import { countView, type ViewCount } from '../store/visit-daily';
import {
  createVisit,
  setVisitFeedback,
  setVisitRating,
  setVisitTestimonial,
  type Visit,
} from '../store/visits';

// The public URL builds the links of the owner alerts these writes queue.
type Deps = { db: Db; clock: Clock; config: { publicUrl: string } };

/** Queues a request's progress for webhook subscribers, inside the caller's transaction. */
function announceRequest(
  db: Db,
  clock: Clock,
  visit: Visit,
  type: 'request.opened' | 'request.completed',
  rating = visit.rating,
): void {
  enqueueWebhookEvent(db, clock, visit.organizationId, type, {
    id: visit.requestId,
    businessId: visit.businessId,
    rating,
  });
}

const eventBase = (visit: Visit) => ({
  organizationId: visit.organizationId,
  businessId: visit.businessId,
  visitId: visit.id,
  requestId: visit.requestId,
  cardId: visit.cardId,
});

/**
 * A person opened a card or business link: one open (and one tap) in the day's figures. The caller has
 * already decided it is a person's first view in the window, not a preview robot or a reload.
 */
export function countOpen({ db, clock }: Deps, view: ViewCount): void {
  db.transaction(() => {
    countView(db, clock, view);
    if (view.cardId) recordCardTap(db, clock, view.cardId);
  })();
}

/** Someone arriving by a request link, under the token their page carries. */
export type RequestArrival = {
  visitId: string;
  organizationId: string;
  businessId: string;
  requestId: string;
};

/** A request link was opened: the request is marked opened once ever, with its `opened` event and webhook. */
export function openRequest({ db, clock }: Deps, arrival: RequestArrival): void {
  db.transaction(() => {
    if (!markRequestOpened(db, clock, arrival.requestId)) return;
    recordEvent(db, clock, { ...arrival, type: 'opened' });
    enqueueWebhookEvent(db, clock, arrival.organizationId, 'request.opened', {
      id: arrival.requestId,
      businessId: arrival.businessId,
      rating: null,
    });
  })();
}

/** Writes a visit that so far lived only in its token: its first rating, form post or platform click. */
export function storeVisit({ db, clock }: Deps, visit: Visit): void {
  createVisit(db, clock, visit);
}

/** Records (or changes) the visit's rating; one `rated` event per visit follows the latest score. */
export function rateVisit({ db, clock }: Deps, visit: Visit, rating: number): void {
  db.transaction(() => {
    setVisitRating(db, clock, visit.id, rating);
    recordRating(db, clock, visit, rating);
  })();
}

/** The rating's event and the request's rating; the caller writes the visit's own. */
function recordRating(db: Db, clock: Clock, visit: Visit, rating: number): void {
  if (!recordEvent(db, clock, { ...eventBase(visit), type: 'rated', rating }))
    updateRatedEvent(db, visit.id, rating);
  if (visit.requestId) setRequestRating(db, clock, visit.requestId, rating);
}

/** A platform button was followed: counted once per visit and platform; the request is completed. */
export function clickPlatform({ db, clock }: Deps, visit: Visit, platform: string): void {
  db.transaction(() => {
    recordEvent(db, clock, { ...eventBase(visit), type: 'platform_clicked', platform, rating: visit.rating });
    if (visit.requestId && markRequestCompleted(db, clock, visit.requestId)) {
      announceRequest(db, clock, visit, 'request.completed');
    }
  })();
}

export type FeedbackInput = {
  comments: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  consent: boolean;
};

/**
 * Stores private feedback once per visit (a double submit finds it already there). `visit` must have been
 * read in the transaction this runs in, as the landing routes do inside their group commit: its
 * `feedbackId` and `rating` are then current.
 */
export function submitFeedback(
  deps: Deps,
  business: Business,
  visit: Visit,
  rating: number,
  input: FeedbackInput,
): void {
  const { db, clock } = deps;
  db.transaction(() => {
    if (visit.feedbackId) return;
    if (visit.rating === null) recordRating(db, clock, visit, rating);
    const feedback = {
      organizationId: visit.organizationId,
      businessId: visit.businessId,
      origin: visit.origin,
      requestId: visit.requestId,
      cardId: visit.cardId,
      type: feedbackType(business.gating.scale),
      score: rating,
      comments: input.comments,
      contactName: input.name,
      contactEmail: input.email,
      contactPhone: input.phone,
      consentToContact: input.consent,
    };
    const id = insertFeedback(db, clock, feedback);
    setVisitFeedback(db, clock, visit.id, id, rating);
    recordEvent(db, clock, { ...eventBase(visit), type: 'feedback_submitted', rating });
    const { organizationId, ...data } = feedback;
    enqueueWebhookEvent(db, clock, organizationId, 'feedback.created', { id, ...data });
    queueFeedbackAlerts({ db, clock, publicUrl: deps.config.publicUrl }, { id, ...feedback });
    if (visit.requestId && markRequestCompleted(db, clock, visit.requestId)) {
      announceRequest(db, clock, visit, 'request.completed', rating);
    }
  })();
}

export type TestimonialInput = { text: string; displayName: string };

/**
 * A happy customer's words for the website: a `direct` review, hidden from the widget until the owner
 * approves it, unless the business auto-publishes at or above this rating. Once per visit. Returns whether
 * a review was written: the caller announces it (`notifyBusinessChanged`) once it is committed. `visit` must
 * have been read in the transaction this runs in, as for `submitFeedback`.
 */
export function submitTestimonial(
  deps: Deps,
  business: Business,
  visit: Visit,
  rating: number,
  input: TestimonialInput,
): boolean {
  const { db, clock } = deps;
  if (!isPositive(business.gating, rating)) return false;
  const stars = toFiveStars(business.gating.scale, rating);
  const autoMin = business.testimonials.autoPublishMinRating;
  return db.transaction(() => {
    if (visit.testimonialId) return false;
    if (visit.rating === null) recordRating(db, clock, visit, rating);
    const review = insertReview(db, clock, visit.organizationId, {
      businessId: visit.businessId,
      source: 'direct',
      rating: stars,
      content: input.text,
      authorName: input.displayName,
      showOnWidget: autoMin !== null && stars >= autoMin,
      tags: ['testimonial'],
      customerId: visit.requestId ? requestCustomerId(db, visit.requestId) : null,
    });
    setVisitTestimonial(db, clock, visit.id, review.id, rating);
    recordEvent(db, clock, { ...eventBase(visit), type: 'testimonial_submitted', rating });
    enqueueWebhookEvent(db, clock, visit.organizationId, 'testimonial.submitted', review);
    enqueueWebhookEvent(db, clock, visit.organizationId, 'review.created', review);
    queueReviewAlerts({ db, clock, publicUrl: deps.config.publicUrl }, visit.organizationId, [review]);
    return true;
  })();
}
