import { Hono } from 'hono';
import type { AppDeps } from '../../http/context';
import { agencyCustomersRoutes } from './agency-customers';
import { agencyOrdersRoutes } from './agency-orders';
import type { EmrEnv } from './auth';

/** The Agency API (admin key): client accounts with pause/resume and allowances, plans, NFC card orders. */
export function agencyRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  app.route('/', agencyCustomersRoutes(deps));
  app.route('/', agencyOrdersRoutes(deps));
  return app;
}
