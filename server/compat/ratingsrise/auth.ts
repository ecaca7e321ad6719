import type { MiddlewareHandler } from 'hono';
import { resolveApiKey } from '../../http/auth';
import type { AppDeps, AppEnv } from '../../http/context';
import { ApiError } from '../../http/errors';
import { invalidKeyThrottle } from '../../http/key-throttle';
import { rateLimit } from '../../http/rate-limit';
import { requestHeader } from '../../http/request-header';
import { fromPlaudit, RatingsRiseError, ratingsRiseErrorResponse } from './errors';

const unauthorized = (message: string) =>
  new RatingsRiseError('UNAUTHORIZED', message, undefined, { 'WWW-Authenticate': 'Bearer' });

/**
 * RatingsRise's scheme: `Authorization: Bearer sk_live_…|sk_test_…`, here a Plaudit API key (the same prefixes and
 * modes). Wrong keys feed the per-IP throttle as on `/api/v1`; an admin key names its organization with
 * `Plaudit-Organization`.
 */
export function ratingsRiseAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const reject = invalidKeyThrottle({ clock: deps.clock, trustProxy: deps.config.trustProxy });
  return async function ratingsRiseAuth(c, next) {
    const header = requestHeader(c, 'authorization') ?? '';
    const match = /^bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('Missing API key: send Authorization: Bearer sk_live_…');
    const resolved = resolveApiKey(deps, match[1], requestHeader(c, 'plaudit-organization'));
    if (resolved === 'unknown_organization')
      throw new RatingsRiseError('NOT_FOUND', 'Organization not found');
    if (resolved === 'malformed' || resolved === 'invalid') {
      // One answer for both, so a caller cannot learn that a secret it holds was ever a real key.
      const refusal = reject(c, new ApiError('UNAUTHORIZED', 'Invalid or revoked API key'));
      if (refusal.code === 'RATE_LIMIT_EXCEEDED') throw fromPlaudit(refusal);
      throw unauthorized(refusal.message);
    }
    c.set('auth', resolved);
    await next();
  };
}

/** RatingsRise's limit (100 a minute per key by default, `PLAUDIT_RATE_LIMIT`) with its headers and 429 body. */
export function ratingsRiseRateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return rateLimit({
    limit: deps.config.rateLimit,
    clock: deps.clock,
    keyOf: (c) => c.get('auth').keyId ?? 'none',
    onLimited: (c, retryAfter) =>
      ratingsRiseErrorResponse(
        c,
        new RatingsRiseError(
          'RATE_LIMIT_EXCEEDED',
          `Rate limit exceeded. Please retry after ${retryAfter} seconds.`,
        ),
      ),
  }) as MiddlewareHandler<AppEnv>;
}

/** The scope the native route for the same data requires (`reviews:read` …); the admin key holds every one. */
export function requireScopes(...anyOf: string[]): MiddlewareHandler<AppEnv> {
  return async function requireScopes(c, next) {
    const auth = c.get('auth');
    if (!auth.isAdmin && !anyOf.some((scope) => auth.scopes.includes(scope))) {
      throw new RatingsRiseError('FORBIDDEN', `This API key lacks the ${anyOf.join(' or ')} scope`);
    }
    await next();
  };
}
