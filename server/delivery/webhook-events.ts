import { type Clock, isoNow } from '../domain/clock';
import type { Db } from '../store/db';
import { insertOutboxJob } from '../store/outbox';
import { insertDelivery } from '../store/webhook-deliveries';
import { endpointsFor } from '../store/webhooks';

/** Every event an endpoint can subscribe to (`*` subscribes to all). */
export const WEBHOOK_EVENTS = [
  'review.created',
  'review.updated',
  'review.deleted',
  'feedback.created',
  'testimonial.submitted',
  'request.sent',
  'request.opened',
  'request.completed',
  'request.failed',
  'customer.opted_out',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The test event `POST /webhooks/:id/test` sends; endpoints receive it whatever they subscribe to. */
export const TEST_EVENT = 'webhook.test';

/** The JSON body every endpoint receives (Standard Webhooks' `type` / `timestamp` / `data` shape). */
export function webhookPayload(clock: Clock, type: string, data: unknown): string {
  return JSON.stringify({ type, timestamp: isoNow(clock), data });
}

/**
 * Queues `type` for every enabled endpoint of the organization subscribed to it. Designed to run inside the
 * caller's transaction, so the event exists exactly when the change that caused it does.
 * Returns how many deliveries were queued.
 */
export function enqueueWebhookEvent(
  db: Db,
  clock: Clock,
  organizationId: string,
  type: WebhookEventType,
  data: unknown,
): number {
  const endpoints = endpointsFor(db, organizationId, type);
  if (endpoints.length === 0) return 0;
  const payload = webhookPayload(clock, type, data);
  db.transaction(() => {
    for (const endpoint of endpoints) {
      const deliveryId = insertDelivery(db, clock, {
        organizationId,
        endpointId: endpoint.id,
        eventType: type,
        payload,
      });
      insertOutboxJob(db, clock, { kind: 'webhook', refId: deliveryId });
    }
  })();
  return endpoints.length;
}

/**
 * Runs a write and queues the webhook event it causes in one transaction: subscribers hear of exactly the
 * changes that were committed. `payload` may return undefined when the write changed nothing.
 */
export function withWebhookEvent<T>(
  db: Db,
  clock: Clock,
  organizationId: string,
  type: WebhookEventType,
  write: () => T,
  payload: (result: T) => unknown,
): T {
  return db.transaction(() => {
    const result = write();
    const data = payload(result);
    if (data !== undefined) enqueueWebhookEvent(db, clock, organizationId, type, data);
    return result;
  })();
}
