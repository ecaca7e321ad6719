import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { withWebhookEvent } from '../delivery/webhook-events';
import { isoNow } from '../domain/clock';
import { FIRST_PARTY_SOURCES, type SourceId } from '../domain/sources';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { deleteReview, findReviewByExternalId, updateReview } from '../store/review-writes';
import { getReview, type Review } from '../store/reviews';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { presentReview, reviewParams, reviewSchema, reviewTags, updateReviewBody } from './reviews-schemas';

/** What the business may change on a review it imported from a platform: the text is the platform's. */
const CURATION_FIELDS = new Set(['showOnWidget', 'hidden', 'tags']);

const isFirstParty = (review: Review) => FIRST_PARTY_SOURCES.includes(review.source as SourceId);

const conflict = { ...errorResponses[404], description: 'Not allowed on an imported platform review' };

/** PATCH and DELETE on `/reviews/{id}`. */
export function registerReviewEdits(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/reviews/{id}',
      tags: reviewTags,
      security,
      summary: 'Update a review',
      description:
        'First-party reviews (direct, testimonial, custom) accept every field. Reviews imported from a ' +
        'platform accept only `showOnWidget`, `hidden` and `tags`; any other field is a 400 naming it.',
      middleware: [requireScope('reviews:write')],
      request: { params: reviewParams, body: jsonBody(updateReviewBody) },
      responses: { 200: jsonResponse(reviewSchema, 'Updated'), 409: conflict, ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = getReview(deps.db, orgId, c.req.valid('param').id);
      if (!current) throw notFound('Review');
      const patch = c.req.valid('json');
      if (!isFirstParty(current)) {
        const refused = Object.keys(patch).filter((field) => !CURATION_FIELDS.has(field));
        if (refused.length) {
          const why = `cannot be changed on a ${current.source} review: it is the platform's text; only showOnWidget, hidden and tags can`;
          throw new ApiError(
            'VALIDATION_ERROR',
            'Imported platform reviews only accept showOnWidget, hidden and tags',
            Object.fromEntries(refused.map((field) => [field, why])),
          );
        }
      }
      if (patch.externalId && patch.externalId !== current.externalId) {
        const key = { businessId: current.businessId, source: current.source, externalId: patch.externalId };
        if (findReviewByExternalId(deps.db, orgId, key)) {
          throw new ApiError('CONFLICT', 'Another review of the business has this externalId', {
            externalId: 'taken',
          });
        }
      }
      const { reply, ...rest } = patch;
      const replyPatch =
        reply === undefined || reply === current.reply ? {} : { reply, repliedAt: isoNow(deps.clock) };
      const updated = withWebhookEvent(
        deps.db,
        deps.clock,
        orgId,
        'review.updated',
        () => updateReview(deps.db, deps.clock, orgId, current.id, { ...rest, ...replyPatch }),
        (review) => review && presentReview(review),
      );
      return c.json(presentReview(updated!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/reviews/{id}',
      tags: reviewTags,
      security,
      summary: 'Delete a review',
      description:
        'Only first-party reviews can be deleted. An imported platform review answers 409: hide it instead.',
      middleware: [requireScope('reviews:write')],
      request: { params: reviewParams },
      responses: { 204: { description: 'Deleted' }, 409: conflict, ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = getReview(deps.db, orgId, c.req.valid('param').id);
      if (!current) throw notFound('Review');
      if (!isFirstParty(current)) {
        throw new ApiError(
          'CONFLICT',
          `A ${current.source} review cannot be deleted; set hidden: true instead`,
          {
            source: 'imported from a platform',
          },
        );
      }
      withWebhookEvent(
        deps.db,
        deps.clock,
        orgId,
        'review.deleted',
        () => deleteReview(deps.db, orgId, current.id),
        (deleted) => (deleted ? { id: current.id, businessId: current.businessId } : undefined),
      );
      return c.body(null, 204);
    },
  );
}
