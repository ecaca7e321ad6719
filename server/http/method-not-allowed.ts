import type { Context, NotFoundHandler } from 'hono';
import { ApiError, errorResponse } from './errors';

type RouteEntry = { method: string; path: string };

const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\/:[^/]+/g, '/[^/]+')
      .replace(/\*/g, '.*')}/?$`,
  );

/**
 * The not-found handler: a path that exists under other methods is a 405 with `Allow` (RFC 9110 §15.5.6),
 * anything else a 404 — both in the documented error shape.
 */
export function notFoundOrMethodNotAllowed(routes: () => RouteEntry[]): NotFoundHandler {
  let table: Array<{ method: string; pattern: RegExp }> | undefined;
  return function notFound(c: Context) {
    table ??= routes()
      .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
      .map((r) => ({ method: r.method, pattern: patternOf(r.path) }));
    const allowed = [...new Set(table.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length) {
      return errorResponse(
        c,
        new ApiError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`, undefined, {
          Allow: allowed.join(', '),
        }),
      );
    }
    return errorResponse(c, new ApiError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));
  };
}
