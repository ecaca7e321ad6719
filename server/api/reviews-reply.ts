import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { queueReplyToPlatform } from '../connectors/reply-queue';
import { withWebhookEvent } from '../delivery/webhook-events';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { requireAnyScope } from '../http/require-any-scope';
import { setReviewReply } from '../store/review-writes';
import { getReview } from '../store/reviews';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { presentReview, replyBody, reviewParams, reviewSchema, reviewTags } from './reviews-schemas';

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
      const orgId = orgIdOf(c);
      const updated = withWebhookEvent(
        deps.db,
        deps.clock,
        orgId,
        'review.updated',
        () => {
          const review = setReviewReply(deps.db, deps.clock, orgId, c.req.valid('param').id, reply || null);
          if (review) queueReplyToPlatform(deps, review.id, review.reply);
          return review;
        },
        (review) => review && presentReview(review),
      );
      if (!updated) throw notFound('Review');
      return c.json(presentReview(updated), 200);
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
      const updated = withWebhookEvent(
        deps.db,
        deps.clock,
        orgId,
        'review.updated',
        () => {
          const review = setReviewReply(deps.db, deps.clock, orgId, current.id, null);
          if (review) queueReplyToPlatform(deps, review.id, null);
          return review;
        },
        (review) => review && presentReview(review),
      );
      if (!updated) throw notFound('Review');
      return c.json(presentReview(updated), 200);
    },
  );
}
