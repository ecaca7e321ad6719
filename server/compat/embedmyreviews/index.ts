import { Hono } from 'hono';
import type { AppDeps } from '../../http/context';
import { agencyRoutes } from './agency';
import { type EmrEnv, emrAuth } from './auth';
import { campaignsRoutes } from './campaigns';
import { catalogRoutes } from './catalog';
import { EmrError, emrErrorHandler } from './errors';
import { organizationsRoutes } from './organizations';
import { reviewsRoutes } from './reviews';

/**
 * `/compat/embedmyreviews`: the EmbedMyReviews REST API (`/api/v1/…`) and its Agency API (`/api/agency/v1/…`)
 * over Plaudit's keys, store and domain functions (docs/compat.md, EmbedMyReviews).
 */
export function embedMyReviewsRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  app.onError(emrErrorHandler(deps.logger));

  const account = new Hono<EmrEnv>();
  account.use('*', emrAuth(deps, 'account'));
  account.route('/', reviewsRoutes(deps));
  account.route('/', organizationsRoutes(deps));
  account.route('/', campaignsRoutes(deps));
  account.route('/', catalogRoutes(deps));
  app.route('/api/v1', account);

  const agency = new Hono<EmrEnv>();
  agency.use('*', emrAuth(deps, 'agency'));
  agency.route('/', agencyRoutes(deps));
  app.route('/api/agency/v1', agency);
  // The AI Hub is documented but not emulated: say where Plaudit's own MCP server is.
  app.all('/api/mcp', () => {
    throw new EmrError(
      404,
      'Plaudit does not emulate the AI Hub: its own MCP server is at /mcp, with a Plaudit API key as the Bearer token.',
    );
  });
  // Last, so an unknown path answers in the product's shape (after its auth, for the API paths).
  app.all('*', () => {
    throw new EmrError(404, 'Not found.');
  });
  return app;
}
