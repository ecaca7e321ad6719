import type { Context, MiddlewareHandler, Next } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../logger';
import type { AppEnv } from './context';

/**
 * One structured line per request: method, path, status, duration. Public paths are logged as their route
 * pattern (`/r/:code`, `/v/:token/rate`): their codes and visit tokens let anyone act as that customer.
 * API paths hold only ids, and are logged as they are. Query strings are never logged.
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  // With access logging off, a request passes straight through rather than through an await it would not use.
  return (c, next) => (logger.isLevelEnabled('info') ? logRequest(c, next) : next());

  async function logRequest(c: Context<AppEnv>, next: Next) {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path.startsWith('/api/') ? c.req.path : routePath(c, -1) || c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        keyId: c.get('auth')?.keyId,
        userId: c.get('auth')?.userId ?? undefined,
      },
      'request',
    );
  }
}
