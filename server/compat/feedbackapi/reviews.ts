import { Hono } from 'hono';
import type { AppDeps } from '../../http/context';
import { listReviewsJson, type ReviewSort } from '../../store/review-queries';
import { getReview, type Review } from '../../store/reviews';
import { type FapiEnv, needScope, orgOf } from './auth';
import { notFoundError } from './errors';
import { LIST_PARAMS, listBody, listWindow, num, onlyKnown, queryParams, text, time } from './input';
import { presentReview } from './presenters';

const FILTERS = [
  ...LIST_PARAMS,
  'created_before',
  'created_after',
  'location',
  'platform',
  'rating_less_than',
  'rating_greater_than',
];

const SORTS: Record<string, [ReviewSort, ReviewSort]> = {
  created: ['oldest', 'newest'],
  rating: ['lowest', 'highest'],
};

/** `/reviews`: Plaudit's reviews (read only, as in FeedbackAPI; replies go through the native API). */
export function reviewRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  app.get('/reviews', needScope('reviews:read'), (c) => {
    const orgId = orgOf(c);
    const params = queryParams(c);
    onlyKnown(params, FILTERS);
    const window = listWindow(params, Object.keys(SORTS), 'created-desc');
    const platform = text(params, 'platform', 40);
    const location = text(params, 'location', 64) ?? undefined;
    const page = listReviewsJson(
      deps.db,
      orgId,
      {
        businessId: location,
        sources: platform ? [platform] : undefined,
        maxRating: num(params, 'rating_less_than', 0, 5),
        minRating: num(params, 'rating_greater_than', 0, 5),
        publishedFrom: time(params, 'created_after'),
        publishedBefore: time(params, 'created_before'),
      },
      SORTS[window.sortField][window.ascending ? 0 : 1],
      window,
    );
    if (!page) throw notFoundError('location', 'location');
    const reviews = JSON.parse(page.json) as Review[];
    return c.json(listBody(reviews.map(presentReview), page.total, window));
  });

  app.get('/reviews/:id', needScope('reviews:read'), (c) => {
    const review = getReview(deps.db, orgOf(c), c.req.param('id'));
    if (!review) throw notFoundError('review');
    return c.json(presentReview(review));
  });

  return app;
}
