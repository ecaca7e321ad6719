import type { Context, MiddlewareHandler } from 'hono';
import { presentedSecret, resolveApiKey } from '../../http/auth';
import type { AppDeps, AuthContext } from '../../http/context';
import { ApiError } from '../../http/errors';
import { invalidKeyThrottle } from '../../http/key-throttle';
import { createRateLimiter } from '../../http/rate-limit';
import { requestHeader } from '../../http/request-header';
import { FapiError } from './errors';

export type FapiEnv = { Variables: { auth: AuthContext } };

const authError = (message: string) =>
  new FapiError(401, 'authentication_error', message, undefined, {
    'WWW-Authenticate': 'Basic realm="plaudit"',
  });

/**
 * The organization an admin key acts in: the Basic auth password (`-u sk_live_…:org_…`), FeedbackAPI's only
 * other credential slot, or the native `Plaudit-Organization` header.
 */
function namedOrganization(c: Context): string | undefined {
  const header = requestHeader(c, 'authorization') ?? '';
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^basic$/i.test(scheme)) {
    const password = Buffer.from(value, 'base64').toString('utf8').split(':').slice(1).join(':');
    if (password) return password;
  }
  return requestHeader(c, 'plaudit-organization');
}

/**
 * FeedbackAPI authentication: the Plaudit API key as the HTTP Basic user name (Bearer and `x-api-key` work
 * too). Wrong keys are throttled per IP as on /api/v1; each key has its own per-minute limit.
 */
export function fapiAuth(deps: AppDeps): MiddlewareHandler<FapiEnv> {
  const reject = invalidKeyThrottle({ clock: deps.clock, trustProxy: deps.config.trustProxy });
  const hit = createRateLimiter(deps.config.rateLimit, 60_000, deps.clock);
  const throttled = (c: Context, error: FapiError) => {
    const answer = reject(c, new ApiError('UNAUTHORIZED', error.message));
    if (answer.code === 'RATE_LIMIT_EXCEEDED') {
      return new FapiError(429, 'rate_limit_error', answer.message, undefined, answer.headers);
    }
    return error;
  };
  return async function fapiAuth(c, next) {
    const secret = presentedSecret(c);
    if (!secret) throw authError('No API key provided: send it as the HTTP Basic auth user name');
    const resolved = resolveApiKey(deps, secret, namedOrganization(c));
    if (resolved === 'malformed' || resolved === 'invalid') {
      throw throttled(c, authError('Invalid API key provided'));
    }
    if (resolved === 'unknown_organization') {
      throw new FapiError(404, 'invalid_request_error', 'No such account', 'account');
    }
    const { allowed, remaining, resetAt } = hit(resolved.keyId ?? secret);
    c.header('X-RateLimit-Limit', String(deps.config.rateLimit));
    c.header('X-RateLimit-Remaining', String(remaining));
    c.header('X-RateLimit-Reset', String(Math.ceil(resetAt / 1000)));
    if (!allowed) {
      const retryAfter = String(Math.max(1, Math.ceil((resetAt - deps.clock().getTime()) / 1000)));
      throw new FapiError(429, 'rate_limit_error', 'Too many requests: back off and retry', undefined, {
        'Retry-After': retryAfter,
      });
    }
    c.set('auth', resolved);
    await next();
  };
}

/** Allows the route only to keys holding `scope` (the admin key holds every scope), as the native route does. */
export function needScope(scope: string): MiddlewareHandler<FapiEnv> {
  return async function needScope(c, next) {
    const auth = c.get('auth');
    if (!auth.isAdmin && !auth.scopes.includes(scope)) {
      throw new FapiError(401, 'authentication_error', `This API key lacks the ${scope} scope`);
    }
    await next();
  };
}

/** The organization the request acts in; an admin key must name one (Basic auth password). */
export function orgOf(c: Context<FapiEnv>): string {
  const id = c.get('auth').organizationId;
  if (!id) {
    throw new FapiError(
      400,
      'invalid_request_error',
      'The admin key acts for one client account: give its id (org_…) as the Basic auth password',
      'account',
    );
  }
  return id;
}
