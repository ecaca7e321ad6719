import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { getReview } from '../store/reviews';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { deleteReviewFor, updateReviewFor } from './review-changes';
import { presentReview, reviewParams, reviewSchema, reviewTags, updateReviewBody } from './reviews-schemas';

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
      const updated = updateReviewFor(deps, orgId, current, c.req.valid('json'));
      return c.json(presentReview(updated), 200);
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
      deleteReviewFor(deps, orgId, current);
      return c.body(null, 204);
    },
  );
}
