import { type CreateReviewRequestInput, createReviewRequestFor } from '../api/review-request-create';
import { replyToReview } from '../api/reviews-reply';
import { presentReview } from '../api/reviews-schemas';
import type { AppDeps } from '../http/context';
import { notFound } from '../http/errors';
import type { PendingAction } from '../store/pending-actions';

/** Publishes the owner's reply exactly as `POST /reviews/{id}/reply` does, `review.updated` included. */
export function publishReply(deps: AppDeps, orgId: string, reviewId: string, reply: string) {
  const updated = replyToReview(deps, orgId, reviewId, reply || null);
  if (!updated) throw notFound('Review');
  return presentReview(updated);
}

/** Carries out an approved action; answers the id of what it made (the review, or the review request). */
export function carryOut(deps: AppDeps, action: PendingAction): string {
  if (action.kind === 'review_reply') {
    return publishReply(deps, action.organizationId, action.targetId, String(action.payload.reply)).id;
  }
  const input = action.payload as CreateReviewRequestInput;
  return createReviewRequestFor(deps, action.organizationId, input, action.sandbox).requestId;
}
