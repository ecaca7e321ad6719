import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/** Allows the route to callers holding any one of `scopes` (e.g. `reviews:write` or the narrower `reviews:reply`). */
export function requireAnyScope(scopes: string[]): MiddlewareHandler<AppEnv> {
  return async function requireAnyScope(c, next) {
    const auth = c.get('auth');
    if (!auth.isAdmin && !scopes.some((scope) => auth.scopes.includes(scope))) {
      throw new ApiError('FORBIDDEN', `This caller lacks the ${scopes.join(' or ')} scope`, {
        scope: `requires ${scopes.join(' or ')}`,
      });
    }
    await next();
  };
}
