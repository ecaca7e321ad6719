import type { Context, MiddlewareHandler } from 'hono';
import { presentedSecret, resolveApiKey } from '../../http/auth';
import type { AppDeps, AuthContext } from '../../http/context';
import { ApiError } from '../../http/errors';
import { invalidKeyThrottle } from '../../http/key-throttle';
import { createRateLimiter } from '../../http/rate-limit';
import { requestHeader } from '../../http/request-header';
import { EmrError } from './errors';

export type EmrEnv = { Variables: { auth: AuthContext } };

/** The product's documented limit: 60 requests per minute per token. */
export const EMR_RATE_LIMIT = 60;

/**
 * The product's token permissions and the Plaudit scope each one needs (the admin key holds every scope).
 * `request:read` lists campaigns; `request:create` sends invites through Plaudit's request creation.
 */
export const PERMISSION_SCOPES = {
  'reviews:read': 'reviews:read',
  'reviews:create': 'reviews:write',
  'reviews:update': 'reviews:write',
  'reviews:delete': 'reviews:write',
  'request:read': 'campaigns:read',
  'request:create': 'requests:write',
  'organizations:read': 'businesses:read',
  'organizations:create': 'businesses:write',
  'organizations:update': 'businesses:write',
  'organizations:delete': 'businesses:write',
} as const;

export type EmrPermission = keyof typeof PERMISSION_SCOPES;

/**
 * `Authorization: Bearer <Plaudit key>` for the product's routes: an organization key (or the admin key naming
 * one with `Plaudit-Organization`) on `/api/v1`, the admin key on `/api/agency/v1`. Sets the product's
 * rate-limit headers; wrong keys feed the same per-IP throttle as `/api/v1`.
 */
export function emrAuth(deps: AppDeps, scope: 'account' | 'agency'): MiddlewareHandler<EmrEnv> {
  const reject = invalidKeyThrottle({ clock: deps.clock, trustProxy: deps.config.trustProxy });
  const hit = createRateLimiter(EMR_RATE_LIMIT, 60_000, deps.clock);
  const unauthenticated = (c: Context) => {
    const refused = reject(c, new ApiError('UNAUTHORIZED', 'Unauthenticated.'));
    return new EmrError(
      refused.status,
      refused.status === 429 ? 'Too Many Attempts.' : 'Unauthenticated.',
      undefined,
      {
        ...refused.headers,
      },
    );
  };
  return async function emrAuth(c, next) {
    const secret = presentedSecret(c);
    if (!secret) throw new EmrError(401, 'Unauthenticated.');
    const auth = resolveApiKey(deps, secret, requestHeader(c, 'plaudit-organization'));
    if (auth === 'malformed' || auth === 'invalid') throw unauthenticated(c);
    if (auth === 'unknown_organization') throw new EmrError(404, 'Organization not found.');
    if (scope === 'agency' && !auth.isAdmin) {
      throw new EmrError(403, 'Agency endpoints need an agency token: use Plaudit’s admin key.');
    }
    if (scope === 'account' && !auth.organizationId) {
      throw new EmrError(
        403,
        'The admin key acts in one organization: name it with the Plaudit-Organization header, or use /api/agency/v1.',
      );
    }
    const { allowed, remaining, resetAt } = hit(auth.keyId ?? 'session');
    c.header('X-RateLimit-Limit', String(EMR_RATE_LIMIT));
    c.header('X-RateLimit-Remaining', String(remaining));
    if (!allowed) {
      const retryAfter = String(Math.max(1, Math.ceil((resetAt - deps.clock().getTime()) / 1000)));
      throw new EmrError(429, 'Too Many Attempts.', undefined, { 'Retry-After': retryAfter });
    }
    c.set('auth', auth);
    await next();
  };
}

/** Allows the route only to tokens holding every permission (mapped onto Plaudit scopes). */
export function requirePermissions(...permissions: EmrPermission[]): MiddlewareHandler<EmrEnv> {
  return async function requirePermissions(c, next) {
    const auth = c.get('auth');
    const missing = permissions.find(
      (permission) => !auth.isAdmin && !auth.scopes.includes(PERMISSION_SCOPES[permission]),
    );
    if (missing) {
      throw new EmrError(
        403,
        `Your token is missing the required permission: ${missing} (Plaudit scope ${PERMISSION_SCOPES[missing]}).`,
      );
    }
    await next();
  };
}

/** The organization the request acts in (checked present by `emrAuth`). */
export const orgOf = (c: Context<EmrEnv>): string => c.get('auth').organizationId as string;

/** Whether the caller uses a `sk_test_` key: its invites are never transmitted. */
export const sandboxOf = (c: Context<EmrEnv>): boolean => c.get('auth').mode === 'test';
