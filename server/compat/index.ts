import { Hono } from 'hono';
import type { AppDeps } from '../http/context';
import { cloutlyRoutes } from './cloutly';
import { embedMyReviewsRoutes } from './embedmyreviews/index';
import { feedbackApiRoutes } from './feedbackapi';
import { ratingsRiseRoutes } from './ratingsrise/routes';

/**
 * `/compat/<product>/…`: the documented APIs of hosted review products, translated onto Plaudit's own store and
 * domain functions (DESIGN §13). Each product brings its own auth scheme, envelopes and error shape, so these
 * routers sit outside `/api/v1` and its middleware. Each product adds its one line here.
 */
export function compatRoutes(deps: AppDeps) {
  const app = new Hono();
  app.route('/cloutly', cloutlyRoutes(deps));
  app.route('/ratingsrise', ratingsRiseRoutes(deps));
  app.route('/feedbackapi', feedbackApiRoutes(deps));
  app.route('/embedmyreviews', embedMyReviewsRoutes(deps));
  return app;
}
