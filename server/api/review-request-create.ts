import type { z } from '@hono/zod-openapi';
import { enqueueRequestMessage, findDuplicateRequest } from '../delivery/request-messages';
import { phoneRegion } from '../domain/phone';
import type { AppDeps } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { getBusiness } from '../store/businesses';
import { getCampaign } from '../store/campaigns';
import { createReviewRequest } from '../store/review-requests';
import { customerConflict } from './customers';
import { phoneIn } from './phone-input';
import type { createReviewRequestBody } from './review-request-schemas';

const YEAR_MS = 365 * 86_400_000;

export type CreateReviewRequestInput = z.infer<typeof createReviewRequestBody>;

/** Rolls back a request that turned out to duplicate a recent one (thrown inside the transaction). */
class DuplicateRequest extends Error {
  constructor(readonly requestId: string) {
    super('duplicate review request');
  }
}

/**
 * Creates a review request and queues its first message, as `POST /review-requests` and an approved MCP
 * action do. Answers the id of the new request, or of the recent one it duplicates (then nothing is sent).
 */
export function createReviewRequestFor(
  deps: AppDeps,
  orgId: string,
  body: CreateReviewRequestInput,
  sandbox: boolean,
): { requestId: string; deduplicated: boolean } {
  const business = getBusiness(deps.db, orgId, body.businessId);
  if (!business) throw notFound('Business');
  if (business.archivedAt) {
    throw new ApiError('VALIDATION_ERROR', 'This business is archived', {
      businessId: 'business is archived',
    });
  }
  let sendAt: string | undefined;
  if (body.sendAt) {
    const at = new Date(body.sendAt).getTime();
    const now = deps.clock().getTime();
    if (at <= now || at > now + YEAR_MS) {
      throw new ApiError('VALIDATION_ERROR', 'Request validation failed', {
        sendAt: 'must be in the future and within a year',
      });
    }
    sendAt = new Date(at).toISOString();
  }
  if (body.campaignId && !getCampaign(deps.db, orgId, body.campaignId)) throw notFound('Campaign');
  const customerPhone = phoneIn(body.customerPhone, phoneRegion(business), 'customerPhone');
  try {
    const requestId = deps.db.transaction(() => {
      const created = createReviewRequest(deps.db, deps.clock, orgId, {
        businessId: business.id,
        customer: { name: body.customerName, email: body.customerEmail, phone: customerPhone },
        method: body.method,
        sendAt,
        suppressMessage: body.suppressMessage,
        sandbox,
      });
      const duplicate = findDuplicateRequest(deps.db, deps.clock, {
        organizationId: orgId,
        businessId: business.id,
        customerId: created.customerId,
        dedupDays: business.dedupDays,
        exceptId: created.id,
      });
      // Inviting the same customer again inside the window answers the first invitation and sends nothing.
      if (duplicate) throw new DuplicateRequest(duplicate.id);
      enqueueRequestMessage(deps.db, deps.clock, created, {
        publicUrl: deps.config.publicUrl,
        campaignId: body.campaignId,
        delayHours: body.delayHours,
      });
      return created.id;
    })();
    return { requestId, deduplicated: false };
  } catch (error) {
    if (error instanceof DuplicateRequest) return { requestId: error.requestId, deduplicated: true };
    customerConflict(error);
  }
}
