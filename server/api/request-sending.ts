import {
  type EnqueueResult,
  enqueueRequestMessage,
  findDuplicateRequest,
} from '../delivery/request-messages';
import type { AppDeps } from '../http/context';
import type { Business } from '../store/businesses';
import { createReviewRequest, type NewReviewRequest, type RequestMethod } from '../store/review-requests';
import { assertWithinAllowance } from './usage-allowance';

export type RequestToSend = {
  business: Business;
  customer: NewReviewRequest['customer'];
  method: RequestMethod;
  sendAt?: string;
  suppressMessage: boolean;
  sandbox: boolean;
  campaignId?: string;
  templateId?: string;
  delayHours?: number;
  /** A customer already invited earlier in the same upload: the request id that invited them. */
  seenInBatch?: (customerId: string) => string | undefined;
};

export type SendOutcome =
  | { kind: 'created'; requestId: string; customerId: string; result: EnqueueResult }
  | { kind: 'duplicate'; requestId: string; customerId: string; inBatch: boolean };

/** Rolls back a request that turned out to duplicate another (thrown inside the transaction). */
class DuplicateRequest extends Error {
  constructor(
    readonly requestId: string,
    readonly customerId: string,
    readonly inBatch: boolean,
  ) {
    super('duplicate review request');
  }
}

/**
 * Creates one review request and queues its messages in one transaction, or, when the same customer was
 * invited to the business inside its dedup window (or earlier in the same upload), answers that request and
 * writes nothing. One path for single and bulk sends, so both follow the same rules; a request whose messages
 * would exceed the organization's monthly allowance is refused (429) and writes nothing either.
 */
export function sendReviewRequest(deps: AppDeps, organizationId: string, input: RequestToSend): SendOutcome {
  try {
    return deps.db.transaction((): SendOutcome => {
      const created = createReviewRequest(deps.db, deps.clock, organizationId, {
        businessId: input.business.id,
        customer: input.customer,
        method: input.method,
        sendAt: input.sendAt,
        suppressMessage: input.suppressMessage,
        sandbox: input.sandbox,
      });
      const earlier = input.seenInBatch?.(created.customerId);
      if (earlier) throw new DuplicateRequest(earlier, created.customerId, true);
      const duplicate = findDuplicateRequest(deps.db, deps.clock, {
        organizationId,
        businessId: input.business.id,
        customerId: created.customerId,
        dedupDays: input.business.dedupDays,
        exceptId: created.id,
      });
      // Inviting the same customer again inside the window answers the first invitation and sends nothing.
      if (duplicate) throw new DuplicateRequest(duplicate.id, created.customerId, false);
      const result = enqueueRequestMessage(deps.db, deps.clock, created, {
        publicUrl: deps.config.publicUrl,
        campaignId: input.campaignId,
        delayHours: input.delayHours,
        templateId: input.templateId,
      });
      if (result.status === 'pending' || result.status === 'scheduled') {
        assertWithinAllowance(deps, organizationId, input.method, {
          queued: result.messageIds.length,
          sandbox: input.sandbox,
        });
      }
      return { kind: 'created', requestId: created.id, customerId: created.customerId, result };
    })();
  } catch (error) {
    if (error instanceof DuplicateRequest) {
      return {
        kind: 'duplicate',
        requestId: error.requestId,
        customerId: error.customerId,
        inBatch: error.inBatch,
      };
    }
    throw error;
  }
}
