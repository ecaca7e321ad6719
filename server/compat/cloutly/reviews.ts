import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { seesPii } from '../../api/pii';
import { SOURCE_IDS } from '../../domain/sources';
import { requireScope } from '../../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../../http/context';
import { notFound } from '../../http/errors';
import { listReviewsJson } from '../../store/review-queries';
import { type NativeReview, reviewPresenter } from './review-presenter';
import { queryOf } from './validation';

/** The most reviews one page holds: Cloutly's documented default page size. */
export const MAX_LIMIT = 100;
const MAX_PAGE = 100_000;

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

const reviewsQuery = z
  .object({
    source: z
      .enum(SOURCE_IDS, { error: `must be one of Plaudit's sources: ${SOURCE_IDS.join(', ')}` })
      .optional(),
    showOnWidget: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
    limit: wholeNumber(MAX_LIMIT).pipe(z.number().min(1, 'must be at least 1')).default(MAX_LIMIT),
    offset: wholeNumber(MAX_PAGE).default(0),
    businessId: z.string().min(1).max(100).optional(),
    sort: z.enum(['desc', 'asc'], { error: 'must be desc or asc' }).default('desc'),
  })
  .strict();

/**
 * `GET /reviews`: `{total, reviews}` by `createdAt` (Plaudit's `publishedAt`), newest first unless `sort=asc`.
 * `offset` is a page number, as Cloutly documents it ("pageNumber of the request", default 0): page `offset`
 * holds reviews `offset × limit` to `offset × limit + limit − 1`. `showOnWidget=true` keeps only reviews shown
 * on the widget; `false` filters nothing, as Cloutly's flag does.
 */
export function cloutlyReviews(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/reviews', requireScope('reviews:read'), (c) => {
    const query = queryOf(c, reviewsQuery);
    const organizationId = orgIdOf(c);
    const page = listReviewsJson(
      deps.db,
      organizationId,
      {
        businessId: query.businessId,
        sources: query.source ? [query.source] : undefined,
        showOnWidget: query.showOnWidget === 'true' ? true : undefined,
      },
      query.sort === 'asc' ? 'oldest' : 'newest',
      { limit: query.limit, offset: query.offset * query.limit },
    );
    if (!page) throw notFound('Business');
    const present = reviewPresenter(deps, organizationId, seesPii(c));
    const reviews = (JSON.parse(page.json) as NativeReview[]).map(present);
    return c.json({ total: page.total, reviews }, 200);
  });
  return app;
}
