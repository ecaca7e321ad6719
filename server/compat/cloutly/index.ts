import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/context';
import { cloutlyAuth, cloutlyRateLimit } from './auth';
import { cloutlyBusinesses } from './businesses';
import { cloutlyError, cloutlyOnError } from './errors';
import { cloutlyReviews } from './reviews';
import { cloutlySendReviewInvite } from './send-review-invite';

/**
 * `/compat/cloutly/api/v1/…`: Cloutly's public REST API (businesses, reviews, send-review-invite) over
 * Plaudit's own data, with `x-api-key` holding a Plaudit key. See docs/compat.md (Cloutly).
 */
export function cloutlyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(cloutlyOnError(deps.logger));
  const api = new Hono<AppEnv>();
  api.onError(cloutlyOnError(deps.logger));
  api.use('*', cloutlyAuth(deps), cloutlyRateLimit(deps));
  api.route('/', cloutlyBusinesses(deps));
  api.route('/', cloutlyReviews(deps));
  api.route('/', cloutlySendReviewInvite(deps));
  api.all('*', (c) => cloutlyError(c, 404, `No such Cloutly endpoint: ${c.req.method} ${c.req.path}`));
  app.route('/api/v1', api);
  app.all('*', (c) => cloutlyError(c, 404, 'Not found: the Cloutly API lives under /compat/cloutly/api/v1'));
  return app;
}
