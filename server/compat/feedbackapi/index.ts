import { Hono } from 'hono';
import type { AppDeps } from '../../http/context';
import { accountRoutes } from './accounts';
import { type FapiEnv, fapiAuth } from './auth';
import { customerRoutes } from './customers';
import { FapiError, fapiErrorHandler } from './errors';
import { feedbackRoutes } from './feedback';
import { feedbackRequestRoutes } from './feedback-requests';
import { locationRoutes } from './locations';
import { reviewRoutes } from './reviews';
import { userRoutes } from './users';

/**
 * `/compat/feedbackapi/v1.3/…`: FeedbackAPI's documented API (shared/reference/feedbackapi-api.txt) over
 * Plaudit's store and domain functions. Ids are Plaudit's own, times are unix seconds as in its examples.
 */
export function feedbackApiRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();
  app.onError(fapiErrorHandler(deps.logger));
  // The reference's examples end collection URLs with a slash (`/v1.3/locations/`): the same resource.
  app.all('/v1.3/:resource{[a-z-]+}/', (c) => {
    const url = new URL(c.req.url);
    return app.fetch(new Request(`http://compat/v1.3/${c.req.param('resource')}${url.search}`, c.req.raw));
  });
  app.use('/v1.3/*', fapiAuth(deps));
  for (const routes of [
    customerRoutes,
    locationRoutes,
    reviewRoutes,
    feedbackRoutes,
    feedbackRequestRoutes,
    accountRoutes,
    userRoutes,
  ]) {
    app.route('/v1.3', routes(deps));
  }
  app.all('*', () => {
    throw new FapiError(404, 'invalid_request_error', 'Unrecognized request URL');
  });
  return app;
}
