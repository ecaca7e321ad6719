import type { z } from '@hono/zod-openapi';
import { phoneRegion } from '../domain/phone';
import type { AppDeps } from '../http/context';
import { customerConflict } from './customers';
import { phoneIn } from './phone-input';
import { activeBusiness, checkMessageChoice, sendAtIn } from './request-inputs';
import { sendReviewRequest } from './request-sending';
import type { createReviewRequestBody } from './review-request-schemas';

export type CreateReviewRequestInput = z.infer<typeof createReviewRequestBody>;

/**
 * Creates one review request and queues its first message, as `POST /review-requests` and an approved MCP
 * action do (bulk sends call `sendReviewRequest` row by row). Answers the id of the new request, or of the
 * recent one it duplicates (then nothing is sent).
 */
export function createReviewRequestFor(
  deps: AppDeps,
  orgId: string,
  body: CreateReviewRequestInput,
  sandbox: boolean,
): { requestId: string; deduplicated: boolean } {
  const business = activeBusiness(deps, orgId, body.businessId);
  const sendAt = sendAtIn(body.sendAt, deps.clock);
  checkMessageChoice(deps, orgId, body);
  const customerPhone = phoneIn(body.customerPhone, phoneRegion(business), 'customerPhone');
  try {
    const outcome = sendReviewRequest(deps, orgId, {
      business,
      customer: {
        name: body.customerName,
        email: body.customerEmail,
        phone: customerPhone,
        source: body.customerSource,
        sourceContactId: body.customerSourceContactId,
      },
      method: body.method,
      sendAt,
      suppressMessage: body.suppressMessage,
      sandbox,
      campaignId: body.campaignId,
      templateId: body.templateId,
      delayHours: body.delayHours,
    });
    return { requestId: outcome.requestId, deduplicated: outcome.kind === 'duplicate' };
  } catch (error) {
    customerConflict(error);
  }
}
