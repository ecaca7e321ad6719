import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { platformReplyFields } from '../connectors/reply-presentation';
import { queueReplyToPlatform } from '../connectors/reply-queue';
import { withWebhookEvent } from '../delivery/webhook-events';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { requireAnyScope } from '../http/require-any-scope';
import { setReviewReply } from '../store/review-writes';
import { getReview, type Review } from '../store/reviews';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { presentReview, replyBody, reviewParams, reviewSchema, reviewTags } from './reviews-schemas';

/**
 * Writes (or, with null, removes) the owner's public reply and announces `review.updated`, in one transaction.
 * The one reply path: the native route, the MCP reply action and the compat routers call it; a connected
 * platform's review also queues the reply back to the platform. Undefined when the
 * review is not the organization’s.
 */
export function replyToReview(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  organizationId: string,
  reviewId: string,
  reply: string | null,
): Review | undefined {
  return withWebhookEvent(
    deps.db,
    deps.clock,
    organizationId,
    'review.updated',
    () => {
      const review = setReviewReply(deps.db, deps.clock, organizationId, reviewId, reply);
      // A review from a platform with a reply API: the reply goes back to it through the outbox, in this transaction.
      if (review) queueReplyToPlatform(deps, review.id, review.reply);
      return review;
    },
    (review) => review && presentReview(review),
  );
}

/** The owner's public reply: `POST /reviews/{id}/reply` writes or edits it, `DELETE` removes it. */
export function registerReviewReply(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/reviews/{id}/reply',
      tags: reviewTags,
      security,
      summary: 'Reply to a review',
      description:
        'Sets the owner’s public reply and `repliedAt`; `null` or an empty string removes the reply.',
      middleware: [requireAnyScope(['reviews:write', 'reviews:reply'])],
      request: { params: reviewParams, body: jsonBody(replyBody) },
      responses: { 200: jsonResponse(reviewSchema, 'The review with its reply'), ...errorResponses },
    }),
    (c) => {
      const { reply } = c.req.valid('json');
      const updated = replyToReview(deps, orgIdOf(c), c.req.valid('param').id, reply || null);
      if (!updated) throw notFound('Review');
      return c.json({ ...presentReview(updated), ...platformReplyFields(deps.db, updated.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/reviews/{id}/reply',
      tags: reviewTags,
      security,
      summary: 'Remove the reply to a review',
      description: 'Clears the reply and `repliedAt`; fires review.updated when there was a reply.',
      middleware: [requireAnyScope(['reviews:write', 'reviews:reply'])],
      request: { params: reviewParams },
      responses: { 200: jsonResponse(reviewSchema, 'The review without a reply'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = getReview(deps.db, orgId, c.req.valid('param').id);
      if (!current) throw notFound('Review');
      // Without a reply there is nothing to remove: answer the review as it is and announce nothing.
      if (current.reply === null) return c.json(presentReview(current), 200);
      const updated = replyToReview(deps, orgId, current.id, null);
      if (!updated) throw notFound('Review');
      return c.json({ ...presentReview(updated), ...platformReplyFields(deps.db, updated.id) }, 200);
    },
  );
}
