import type { WebhookEvent, WebhookFormat } from '../../delivery/webhook-formats';
import { webhookHeaders } from '../../delivery/webhook-signing';
import type { Db } from '../../store/db';
import type { Review } from '../../store/reviews';
import { rowNumbersOf } from '../../store/row-numbers';
import { offsetTime } from './presenters';

/** The native review as Plaudit's webhooks carry it (server/api/reviews-schemas.ts `presentReview`). */
type NativeReview = Pick<
  Review,
  | 'id'
  | 'businessId'
  | 'source'
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
  | 'hidden'
  | 'verified'
  | 'createdAt'
  | 'updatedAt'
>;

type NativeBusiness = { id: string; name: string; createdAt: string; updatedAt: string };

/** Native event → the product's event name. Events absent here have no counterpart: nothing is sent. */
const EVENT_NAMES: Record<string, string> = {
  'review.created': 'review-created',
  'review.updated': 'review-updated',
  'business.created': 'organization-created',
  'business.updated': 'organization-updated',
  'business.archived': 'organization-deleted',
};

function reviewPayload(db: Db, name: string, review: NativeReview) {
  const numbers = rowNumbersOf(db, 'reviews', [review.id]);
  const business = rowNumbersOf(db, 'businesses', [review.businessId]).get(review.businessId) ?? 0;
  return {
    webhook_event: name,
    id: numbers.get(review.id) ?? 0,
    organization_id: business,
    location_id: business,
    source_name: review.source,
    identifier: review.externalId ?? review.id,
    avatar: review.authorAvatarUrl,
    author: review.authorName,
    rating: review.rating,
    original_rating: review.rating,
    title: review.title,
    message: review.content,
    url: review.url,
    verified: review.verified,
    replied: review.reply !== null,
    reply_message: review.reply,
    reply_url: null,
    hidden: review.hidden,
    reply_published_on: offsetTime(review.repliedAt),
    published_on: offsetTime(review.publishedAt),
    review_updated_on: name === 'review-updated' ? offsetTime(review.updatedAt) : null,
    updated_at: offsetTime(review.updatedAt),
    created_at: offsetTime(review.createdAt),
    meta: {},
  };
}

function organisationPayload(db: Db, name: string, business: NativeBusiness) {
  return {
    webhook_event: name,
    id: rowNumbersOf(db, 'businesses', [business.id]).get(business.id) ?? 0,
    name: business.name,
    created_at: offsetTime(business.createdAt),
    updated_at: offsetTime(business.updatedAt),
  };
}

/**
 * EmbedMyReviews webhooks: its event names and flat payloads, its `ReviewManagement/V1` user agent. The
 * product documents no signature; Plaudit still signs with the Standard Webhooks headers, which a receiver may
 * check or ignore. location-* events never fire: a Plaudit business is both organisation and location, and its
 * changes are announced once, as organization-*.
 */
export const embedMyReviewsFormat: WebhookFormat = {
  body(event: WebhookEvent, { db }) {
    const name = EVENT_NAMES[event.type];
    if (!name) return undefined;
    const payload = event.type.startsWith('review.')
      ? reviewPayload(db, name, event.data as NativeReview)
      : organisationPayload(db, name, event.data as NativeBusiness);
    return JSON.stringify(payload);
  },
  headers: (input) => ({ ...webhookHeaders(input), 'user-agent': 'ReviewManagement/V1' }),
};
