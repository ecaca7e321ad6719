import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/context';
import { registerAnalytics } from './analytics';
import { ratingsRiseAuth, ratingsRiseRateLimit } from './auth';
import { registerBusinesses } from './businesses';
import { registerCustomers } from './customers';
import { handleRatingsRiseError, RatingsRiseError } from './errors';
import { registerReviewRequests } from './review-requests';
import { registerReviews } from './reviews';

/**
 * `/compat/ratingsrise/api/v1/…`: RatingsRise's documented API over Plaudit's store and domain functions, with
 * its Bearer keys, rate-limit headers, `{ error, code, details }` errors and `{ data, pagination }` lists.
 */
export function ratingsRiseRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  api.onError(handleRatingsRiseError(deps.logger));
  api.use('*', ratingsRiseAuth(deps));
  api.use('*', ratingsRiseRateLimit(deps));
  registerBusinesses(api, deps);
  registerReviews(api, deps);
  registerCustomers(api, deps);
  registerReviewRequests(api, deps);
  registerAnalytics(api, deps);
  api.all('*', (c) => {
    throw new RatingsRiseError('NOT_FOUND', `No RatingsRise endpoint ${c.req.method} ${c.req.path}`);
  });

  const app = new Hono<AppEnv>();
  app.route('/api/v1', api);
  return app;
}
