import type { Clock } from '../domain/clock';
import type { Db } from '../store/db';
import { setCustomerOptOut } from '../store/suppressions';
import { enqueueWebhookEvent } from './webhook-events';

/**
 * Opts a customer out (absolute: the worker checks again before every send) and tells the organization's
 * webhooks once. Returns whether the customer was opted in before.
 */
export function optOutCustomer(
  db: Db,
  clock: Clock,
  customer: { id: string; organizationId: string },
  via: 'email_unsubscribe' | 'sms_keyword',
): boolean {
  return db.transaction(() => {
    const changed = setCustomerOptOut(db, clock, customer.id, true);
    if (changed) {
      enqueueWebhookEvent(db, clock, customer.organizationId, 'customer.opted_out', {
        customerId: customer.id,
        via,
      });
    }
    return changed;
  })();
}
