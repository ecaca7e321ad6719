import { createRoute, type z } from '@hono/zod-openapi';
import { platformReplyFields } from '../connectors/reply-presentation';
import { requireScope } from '../http/auth';
import { type AppDeps, isSandbox, orgIdOf, readerIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { jsonText } from '../http/json-text';
import { pageWindow, paginatedJson, paginatedSchema } from '../http/pagination';
import { newRouter } from '../http/router';
import { listReviewsJson, type ReviewFilter } from '../store/review-queries';
import { getReview } from '../store/reviews';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { createReviewFor } from './review-changes';
import { registerReviewBulk } from './reviews-bulk';
import { registerReviewEdits } from './reviews-edit';
import { registerReviewImport } from './reviews-import';
import { registerReviewReply } from './reviews-reply';
import {
  createReviewBody,
  type ListReviewsQuery,
  listReviewsQuery,
  presentReview,
  reviewParams,
  reviewSchema,
  reviewTags,
} from './reviews-schemas';

const DAY_MS = 86_400_000;

const reviewPage = paginatedSchema(reviewSchema);

/** Query parameters → store filter; a date-only `dateTo` includes that whole day. */
export function filterOf(
  query: Omit<ListReviewsQuery, 'unread' | 'sort' | 'page' | 'perPage'>,
): ReviewFilter {
  const { dateFrom, dateTo } = query;
  let publishedBefore: string | undefined;
  if (dateTo) {
    const end = new Date(dateTo).getTime() + (dateTo.length === 10 ? DAY_MS : 1);
    publishedBefore = new Date(end).toISOString();
  }
  return {
    businessId: query.businessId,
    sources: query.source,
    rating: query.rating,
    minRating: query.minRating,
    maxRating: query.maxRating,
    sentiment: query.sentiment,
    publishedFrom: dateFrom && new Date(dateFrom).toISOString(),
    publishedBefore,
    showOnWidget: query.showOnWidget,
    hidden: query.hidden,
    responded: query.responded,
    q: query.q?.trim() || undefined,
    tags: query.tags,
  };
}

/** `/reviews`: list, read, create; edits, replies and import are registered from their own files. */
export function reviewsApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/reviews',
      tags: reviewTags,
      security,
      summary: 'List reviews',
      description:
        'Filters combine with AND; hidden reviews are included unless `hidden=false`. `q` searches title, ' +
        'content and author: every word must appear, `word*` matches a prefix, and search operators are ' +
        'taken as plain text. A `businessId` of another organization is a 404.',
      middleware: [requireScope('reviews:read')],
      request: { query: listReviewsQuery },
      responses: { 200: jsonResponse(reviewPage, 'Reviews'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const orgId = orgIdOf(c);
      if (query.minRating && query.maxRating && query.minRating > query.maxRating) {
        throw new ApiError('VALIDATION_ERROR', 'minRating is above maxRating', {
          minRating: 'must be ≤ maxRating',
        });
      }
      const filter = filterOf(query);
      if (query.unread !== undefined) filter.readBy = { readerId: readerIdOf(c), read: !query.unread };
      const page = listReviewsJson(deps.db, orgId, filter, query.sort, pageWindow(query));
      if (!page) throw notFound('Business');
      return jsonText<z.infer<typeof reviewPage>>(c, paginatedJson(page.json, page.total, query));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/reviews/{id}',
      tags: reviewTags,
      security,
      summary: 'Get a review',
      middleware: [requireScope('reviews:read')],
      request: { params: reviewParams },
      responses: { 200: jsonResponse(reviewSchema, 'The review'), ...errorResponses },
    }),
    (c) => {
      const review = getReview(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!review) throw notFound('Review');
      return c.json({ ...presentReview(review), ...platformReplyFields(deps.db, review.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reviews',
      tags: reviewTags,
      security,
      summary: 'Create a review',
      description: 'Sentiment, its score and keywords are computed from the title and content.',
      middleware: [requireScope('reviews:write')],
      request: { body: jsonBody(createReviewBody) },
      responses: {
        201: jsonResponse(reviewSchema, 'Created'),
        409: {
          ...errorResponses[404],
          description: 'A review with this business, source and externalId exists',
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const review = createReviewFor(deps, orgIdOf(c), c.req.valid('json'), isSandbox(c));
      return c.json(presentReview(review), 201);
    },
  );

  registerReviewBulk(app, deps);
  registerReviewEdits(app, deps);
  registerReviewReply(app, deps);
  registerReviewImport(app, deps);
  return app;
}
