import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { withWebhookEvent } from '../delivery/webhook-events';
import { SOURCE_IDS } from '../domain/sources';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { businessBelongsTo } from '../store/businesses';
import { bulkPatchOf, reviewIdsMatching } from '../store/review-bulk';
import { updateReview } from '../store/review-writes';
import { getReview } from '../store/reviews';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { presentReview, reviewTags } from './reviews-schemas';

/** The most reviews one bulk edit may change: each one is a webhook event, all in one transaction. */
export const BULK_LIMIT = 5000;
const MAX_TAGS = 20;

const tag = z.string().trim().min(1).max(50);
const rating = z.number().int().min(1).max(5);

const bulkBody = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
    filter: z
      .object({
        businessId: z.string().min(1).max(64).optional(),
        minRating: rating.optional(),
        maxRating: rating.optional(),
        source: z
          .union([z.enum(SOURCE_IDS), z.array(z.enum(SOURCE_IDS)).min(1).max(SOURCE_IDS.length)])
          .optional()
          .openapi({ description: 'A source or a list of sources' }),
        hasText: z
          .boolean()
          .optional()
          .openapi({ description: 'Whether the review has text (content non-empty)' }),
        showOnWidget: z.boolean().optional(),
        hidden: z.boolean().optional(),
      })
      .strict()
      .optional(),
    set: z
      .object({
        showOnWidget: z.boolean().optional(),
        hidden: z.boolean().optional(),
        addTags: z.array(tag).min(1).max(MAX_TAGS).optional(),
        removeTags: z.array(tag).min(1).max(MAX_TAGS).optional(),
      })
      .strict()
      .refine((set) => Object.keys(set).length > 0, { message: 'set at least one field' }),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.filter === undefined), {
    message: 'give ids or filter (not both)',
    path: ['ids'],
  })
  .openapi('ReviewBulkEdit');

/** `POST /reviews/bulk`: curate many reviews at once, e.g. show every 5★ review with text on the widget. */
export function registerReviewBulk(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/reviews/bulk',
      tags: reviewTags,
      security,
      summary: 'Show, hide or tag many reviews',
      description:
        `Applies \`set\` to the reviews named by \`ids\` (other organizations’ are skipped) or to every review ` +
        `matching \`filter\` (at most ${BULK_LIMIT}; more is a 400). One transaction; each review that changes ` +
        'fires review.updated and refreshes the widget, as PATCH does. `updated` counts the changed reviews.',
      middleware: [requireScope('reviews:write')],
      request: { body: jsonBody(bulkBody) },
      responses: {
        200: jsonResponse(z.object({ updated: z.number().int() }).openapi('ReviewBulkResult'), 'Changed'),
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { ids, filter, set } = c.req.valid('json');
      let targets = ids ?? [];
      if (filter) {
        if (filter.minRating && filter.maxRating && filter.minRating > filter.maxRating) {
          throw new ApiError('VALIDATION_ERROR', 'minRating is above maxRating', {
            'filter.minRating': 'must be ≤ maxRating',
          });
        }
        if (filter.businessId && !businessBelongsTo(deps.db, orgId, filter.businessId))
          throw notFound('Business');
        const { source, ...rest } = filter;
        const sources = source === undefined ? undefined : typeof source === 'string' ? [source] : source;
        targets = reviewIdsMatching(deps.db, orgId, { ...rest, sources }, BULK_LIMIT);
        if (targets.length > BULK_LIMIT) {
          throw new ApiError('VALIDATION_ERROR', `More than ${BULK_LIMIT} reviews match; narrow the filter`, {
            filter: `matches more than ${BULK_LIMIT} reviews`,
          });
        }
      }
      const updated = deps.db.transaction(() => {
        let changed = 0;
        for (const id of new Set(targets)) {
          const current = getReview(deps.db, orgId, id);
          const patch = current && bulkPatchOf(current, set);
          if (!patch) continue;
          if (patch.tags && patch.tags.length > MAX_TAGS) {
            throw new ApiError('VALIDATION_ERROR', `Review ${id} would carry more than ${MAX_TAGS} tags`, {
              'set.addTags': `a review holds at most ${MAX_TAGS} tags`,
            });
          }
          withWebhookEvent(
            deps.db,
            deps.clock,
            orgId,
            'review.updated',
            () => updateReview(deps.db, deps.clock, orgId, id, patch),
            (review) => review && presentReview(review),
          );
          changed++;
        }
        return changed;
      })();
      return c.json({ updated }, 200);
    },
  );
}
