import { Hono } from 'hono';
import type { AppDeps } from '../../http/context';
import type { EmrEnv } from './auth';

/** The Agency API: client accounts, pause/resume, limits and NFC card orders. */
export function agencyRoutes(_deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  return app;
}
