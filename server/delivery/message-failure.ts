import type { Clock } from '../domain/clock';
import type { Db } from '../store/db';
import { markRequestBounced, markRequestFailed } from '../store/delivery-requests';
import { closeMessage, type Message } from '../store/messages';
import { markCustomerInvalid } from '../store/suppressions';
import { enqueueWebhookEvent } from './webhook-events';

/** What webhooks say about a request's message. */
export const requestEventData = (message: Message, extra: Record<string, unknown> = {}) => ({
  requestId: message.requestId,
  businessId: message.businessId,
  customerId: message.customerId,
  channel: message.channel,
  messageId: message.id,
  ...extra,
});

/**
 * A message did not reach its recipient: the message and its request become `failed` with the provider's
 * reason (`request.failed` fires), and a hard bounce marks the customer invalid so nobody tries again.
 * `bounced` (an email the receiving server refused for good) also marks the request bounced.
 */
export function recordMessageFailure(
  db: Db,
  clock: Clock,
  message: Message,
  reason: string,
  hardBounce: boolean,
  bounced = false,
): void {
  db.transaction(() => {
    closeMessage(db, clock, message.id, 'failed', reason);
    if (bounced && message.requestId) markRequestBounced(db, clock, message.requestId, reason);
    if (hardBounce && message.customerId) markCustomerInvalid(db, clock, message.customerId, reason);
    if (message.requestId && markRequestFailed(db, clock, message.requestId, reason)) {
      enqueueWebhookEvent(
        db,
        clock,
        message.organizationId,
        'request.failed',
        requestEventData(message, { reason }),
      );
    }
  })();
}
