import type { Context, MiddlewareHandler } from 'hono';
import { authOfKeyOrThrow } from '../../http/auth';
import type { AppDeps, AppEnv } from '../../http/context';
import { ApiError } from '../../http/errors';
import { invalidKeyThrottle } from '../../http/key-throttle';
import { rateLimit } from '../../http/rate-limit';
import { requestHeader } from '../../http/request-header';
import { cloutlyError } from './errors';

/** Cloutly's documented limit: 200 requests a minute (its 429 paragraph says 100; the limit itself is 200). */
export const CLOUTLY_RATE_LIMIT = 200;

const unauthorized = (message: string) => new ApiError('UNAUTHORIZED', message);

/**
 * `x-api-key: sk_…` (a Plaudit key where Cloutly has its JWT). The admin key may name an organization with
 * `Plaudit-Organization`, as on `/api/v1`. Wrong keys feed the per-IP throttle the native API uses.
 */
export function cloutlyAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const reject = invalidKeyThrottle({ clock: deps.clock, trustProxy: deps.config.trustProxy });
  return async function cloutlyAuth(c, next) {
    const secret = requestHeader(c, 'x-api-key')?.trim();
    if (!secret) throw unauthorized('Missing API key: send x-api-key: sk_… (a Plaudit API key)');
    c.set('auth', authOfKeyOrThrow(deps, c, secret, reject, unauthorized));
    await next();
  };
}

/** 200 requests a minute per key, with the `X-RateLimit-*` headers `/api/v1` sends and `Retry-After` on 429. */
export function cloutlyRateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return rateLimit({
    limit: CLOUTLY_RATE_LIMIT,
    clock: deps.clock,
    keyOf: (c) => (c as Context<AppEnv>).get('auth').keyId ?? 'session',
    onLimited: (c) =>
      cloutlyError(c, 429, `Rate limit of ${CLOUTLY_RATE_LIMIT} requests per minute exceeded`),
  });
}
