import { z } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { filterOf } from '../../api/reviews';
import { replyToReview } from '../../api/reviews-reply';
import { presentReview as presentNative } from '../../api/reviews-schemas';
import { SOURCE_IDS } from '../../domain/sources';
import type { AppDeps, AppEnv } from '../../http/context';
import { orgIdOf } from '../../http/context';
import { pageWindow } from '../../http/pagination';
import { listReviewsJson } from '../../store/review-queries';
import { getReview } from '../../store/reviews';
import { requireScopes } from './auth';
import { jsonBodyOf, notFound, parseInput } from './errors';
import { idString, noQuery, pageQuery } from './inputs';
import { type NativeReview, presentReplied, presentReview, presentReviewDetail } from './presenters';

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Must be an ISO 8601 date (e.g. 2024-01-01)',
});

const listQuery = pageQuery
  .extend({
    businessId: idString.optional(),
    platform: z.enum(SOURCE_IDS, { error: `Must be one of: ${SOURCE_IDS.join(', ')}` }).optional(),
    rating: z.coerce.number({ error: 'Must be an integer from 1 to 5' }).int().min(1).max(5).optional(),
    sentiment: z
      .enum(['positive', 'neutral', 'negative'], {
        error: 'Must be one of: positive, neutral, negative',
      })
      .optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
  })
  .strict();

const replyBody = z
  .object({
    content: z
      .string({ error: 'Required: the reply text' })
      .trim()
      .min(1, 'Must not be empty')
      .max(4096, 'Must be at most 4096 characters'),
  })
  .strict();

/** `GET /reviews` with RatingsRise's filters, `GET /reviews/:id`, `POST /reviews/:id/reply`. */
export function registerReviews(app: Hono<AppEnv>, deps: AppDeps) {
  app.get('/reviews', requireScopes('reviews:read'), (c) => {
    const query = parseInput(listQuery, c.req.query());
    const { page, perPage, platform, ...rest } = query;
    // The native list's own filter and query: `platform` is Plaudit's source.
    const filter = filterOf({ ...rest, source: platform && [platform] });
    const found = listReviewsJson(deps.db, orgIdOf(c), filter, 'newest', pageWindow(query));
    if (!found) throw notFound('business');
    const data = (JSON.parse(found.json) as NativeReview[]).map(presentReview);
    return c.json(
      {
        data,
        pagination: { page, perPage, total: found.total, totalPages: Math.ceil(found.total / perPage) },
      },
      200,
    );
  });

  app.get('/reviews/:id', requireScopes('reviews:read'), (c) => {
    parseInput(noQuery, c.req.query());
    const review = getReview(deps.db, orgIdOf(c), c.req.param('id'));
    if (!review) throw notFound('review');
    return c.json(presentReviewDetail(presentNative(review)), 200);
  });

  app.post('/reviews/:id/reply', requireScopes('reviews:write', 'reviews:reply'), async (c) => {
    parseInput(noQuery, c.req.query());
    const { content } = parseInput(replyBody, await jsonBodyOf(c));
    const updated = replyToReview(deps, orgIdOf(c), c.req.param('id'), content);
    if (!updated) throw notFound('review');
    return c.json(presentReplied(updated), 200);
  });
}
