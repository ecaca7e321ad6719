import { createHmac } from 'node:crypto';
import type { WebhookEvent, WebhookFormat } from '../../delivery/webhook-formats';
import { type Clock, isoNow } from '../../domain/clock';
import { newId } from '../../domain/ids';
import type { Db } from '../../store/db';
import { getReviewRequest } from '../../store/review-requests';
import { type NativeReview, presentRequest, presentReview } from './presenters';

/** The event names RatingsRise documents that Plaudit raises; `payment.received` (hosted billing) never is. */
const EVENTS = ['review.created', 'review.updated', 'request.completed'] as const;

/** The `data` of a RatingsRise event, from the native event's data; undefined for events it does not have. */
function dataOf(event: WebhookEvent, db: Db): unknown {
  if (event.type === 'review.created' || event.type === 'review.updated') {
    return presentReview(event.data as NativeReview);
  }
  if (event.type === 'request.completed') {
    const native = event.data as { id: string; rating: number | null };
    const request = getReviewRequest(db, event.organizationId, native.id);
    // No public URL reaches a webhook body, so the request is shown without its reviewLink.
    return request ? { ...presentRequest(request, undefined), rating: native.rating } : undefined;
  }
  return undefined;
}

/** `hex(HMAC-SHA256(secret, raw body))`, the secret used as the text the dashboard shows. */
export function ratingsRiseSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/**
 * RatingsRise's webhooks: `{ id, event, data, timestamp }` signed in `X-RatingsRise-Signature`. Its one signature
 * header has room for one secret, so during a rotation's grace period the new secret signs.
 */
export const ratingsRiseFormat: WebhookFormat = {
  events: EVENTS,
  body(event: WebhookEvent, { db, clock }: { db: Db; clock: Clock }) {
    if (!(EVENTS as readonly string[]).includes(event.type)) return undefined;
    const data = dataOf(event, db);
    if (data === undefined) return undefined;
    return JSON.stringify({ id: newId('evt'), event: event.type, data, timestamp: isoNow(clock) });
  },
  headers: ({ body, secrets }) => ({ 'X-RatingsRise-Signature': ratingsRiseSignature(secrets[0], body) }),
};
