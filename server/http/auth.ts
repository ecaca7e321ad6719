import type { Context, MiddlewareHandler } from 'hono';
import { findApiKeyBySecret, touchApiKey } from '../store/api-keys';
import { getOrganization } from '../store/organizations';
import type { AppDeps, AppEnv, AuthContext } from './context';
import { ApiError } from './errors';
import { invalidKeyThrottle } from './key-throttle';
import { requestHeader } from './request-header';
import { sessionAuth } from './session';

/** The secret from `Authorization: Bearer`, `x-api-key`, or the user name of HTTP Basic auth. */
export function presentedSecret(c: Context): string | undefined {
  const header = requestHeader(c, 'authorization');
  if (header) {
    const [scheme, value = ''] = header.split(/\s+/, 2);
    if (/^bearer$/i.test(scheme)) return value.trim() || undefined;
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      return decoded.split(':')[0] || undefined;
    }
  }
  return requestHeader(c, 'x-api-key')?.trim() || undefined;
}

const unauthorized = (message: string) =>
  new ApiError('UNAUTHORIZED', message, undefined, { 'WWW-Authenticate': 'Bearer realm="plaudit"' });

/** Resolves the API key to an `auth` context; every `/api/v1` route but the OpenAPI document sits behind it. */
export function apiKeyAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const reject = invalidKeyThrottle({ clock: deps.clock, trustProxy: deps.config.trustProxy });
  return async function apiKeyAuth(c, next) {
    const secret = presentedSecret(c);
    const session = secret ? undefined : sessionAuth(deps, c);
    if (session) {
      c.set('auth', session);
      return next();
    }
    if (!secret) throw unauthorized('Missing API key: send Authorization: Bearer sk_…');
    c.set('auth', authOfKeyOrThrow(deps, c, secret, reject, unauthorized));
    await next();
  };
}

/**
 * The auth context of `secret` (the admin key acting in the `Plaudit-Organization` it names), or `/api/v1`'s
 * refusals: `unauthorized(…)` fed to the invalid-key throttle, 404 for an unknown organization.
 */
export function authOfKeyOrThrow(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  c: Context,
  secret: string,
  reject: ReturnType<typeof invalidKeyThrottle>,
  unauthorized: (message: string) => ApiError,
): AuthContext {
  const resolved = resolveApiKey(deps, secret, requestHeader(c, 'plaudit-organization'));
  if (resolved === 'malformed') throw reject(c, unauthorized('Malformed API key'));
  // One answer for both, so a caller cannot learn that a secret it holds was ever a real key.
  if (resolved === 'invalid') throw reject(c, unauthorized('Invalid or revoked API key'));
  if (resolved === 'unknown_organization') throw new ApiError('NOT_FOUND', 'Organization not found');
  return resolved;
}

/**
 * The auth context of an API key secret, or why there is none. The admin key acts inside the organization
 * `namedOrganization` names. Shared by `/api/v1` and the compat routers (each with its own way to present keys).
 */
export function resolveApiKey(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  secret: string,
  namedOrganization?: string,
): AuthContext | 'malformed' | 'invalid' | 'unknown_organization' {
  if (!/^sk_(live|test)_[A-Za-z0-9]+$/.test(secret)) return 'malformed';
  const key = findApiKeyBySecret(deps.db, secret);
  if (!key || key.revokedAt) return 'invalid';
  touchApiKey(deps.db, deps.clock, key);
  let organizationId = key.organizationId;
  if (key.organizationId === null && namedOrganization) {
    if (!getOrganization(deps.db, namedOrganization)) return 'unknown_organization';
    organizationId = namedOrganization;
  }
  return {
    keyId: key.id,
    userId: null,
    sessionId: null,
    isAdmin: key.organizationId === null,
    organizationId,
    scopes: key.scopes,
    mode: key.mode,
  };
}

/** Allows the route only to keys holding `scope`; the admin key holds every scope. */
export function requireScope(scope: string): MiddlewareHandler<AppEnv> {
  return async function requireScope(c, next) {
    const auth = c.get('auth');
    if (!auth.isAdmin && !auth.scopes.includes(scope)) {
      throw new ApiError('FORBIDDEN', `This API key lacks the ${scope} scope`, {
        scope: `requires ${scope}`,
      });
    }
    await next();
  };
}

/** Allows the route only to the admin key. */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdmin(c, next) {
    if (!c.get('auth').isAdmin) throw new ApiError('FORBIDDEN', 'This route needs the admin key');
    await next();
  };
}
