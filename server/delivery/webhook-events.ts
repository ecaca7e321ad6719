import type { Clock } from '../domain/clock';
import type { Db } from '../store/db';
import { insertOutboxJob } from '../store/outbox';
import { insertDelivery } from '../store/webhook-deliveries';
import { endpointsFor, type WebhookEndpoint } from '../store/webhooks';
import { webhookFormat } from './webhook-formats';

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
  'business.created',
  'business.updated',
  'business.archived',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The test event `POST /webhooks/:id/test` sends; endpoints receive it whatever they subscribe to. */
export const TEST_EVENT = 'webhook.test';

/**
 * Queues one delivery of `type` to one endpoint, its body shaped by the endpoint's format; returns the delivery
 * id, or undefined when the format has no counterpart of the event.
 */
export function enqueueDelivery(
  db: Db,
  clock: Clock,
  endpoint: Pick<WebhookEndpoint, 'id' | 'organizationId' | 'format'>,
  type: string,
  data: unknown,
): string | undefined {
  const event = { type, data, organizationId: endpoint.organizationId };
  const payload = webhookFormat(endpoint.format).body(event, { db, clock });
  if (payload === undefined) return undefined;
  return db.transaction(() => {
    const deliveryId = insertDelivery(db, clock, {
      organizationId: endpoint.organizationId,
      endpointId: endpoint.id,
      eventType: type,
      payload,
    });
    insertOutboxJob(db, clock, { kind: 'webhook', refId: deliveryId });
    return deliveryId;
  })();
}

/**
 * Queues `type` for every enabled endpoint of the organization subscribed to it. Designed to run inside the
 * caller's transaction, so the event exists exactly when the change that caused it does.
 * Returns how many deliveries were queued (an endpoint whose format has no such event gets none).
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
  return db.transaction(
    () =>
      endpoints.filter((endpoint) => enqueueDelivery(db, clock, endpoint, type, data) !== undefined).length,
  )();
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
