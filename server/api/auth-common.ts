import type { Context, MiddlewareHandler } from 'hono';
import { dummyHash, hashPassword, verifyPassword } from '../domain/passwords';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { clientIp, rateLimit } from '../http/rate-limit';
import { requestHeader } from '../http/request-header';
import { assertSameOrigin, setSessionCookie } from '../http/session';
import { membershipsOf } from '../store/memberships';
import { createSession } from '../store/sessions';
import type { User } from '../store/users';

/** `{user, memberships}`: what sign-in, setup, reset and /me say about a person. */
export function accountJson(deps: AppDeps, user: User) {
  return {
    user: { id: user.id, email: user.email, name: user.name, instanceAdmin: user.instanceAdmin },
    memberships: membershipsOf(deps.db, user.id),
  };
}

/** Signs the person in on this browser: a new session and its cookie. */
export function startSession(c: Context, deps: AppDeps, user: User) {
  const { session, token } = createSession(deps.db, deps.clock, {
    userId: user.id,
    userAgent: requestHeader(c, 'user-agent'),
    ip: clientIp(c, deps.config.trustProxy),
  });
  setSessionCookie(c, deps.config, { token, expiresAt: session.expiresAt, now: deps.clock() });
  return accountJson(deps, user);
}

export const hashFor = (deps: AppDeps, password: string) => hashPassword(password, deps.passwordCost);

/** Checks a password; with no stored hash it still does the same work, so timing tells nothing. */
export async function passwordMatches(deps: AppDeps, stored: string | undefined, password: string) {
  const matches = await verifyPassword(stored ?? (await dummyHash(deps.passwordCost)), password);
  return matches && stored !== undefined;
}

/**
 * The guards of the public sign-in routes: a per-IP rate limit (they answer without a key) and, on writes,
 * the same-origin check, so another site cannot sign a visitor in to an account of its choosing.
 */
export function publicAuthGuards(deps: AppDeps): MiddlewareHandler<AppEnv>[] {
  const limit = rateLimit({
    limit: deps.config.publicRateLimit,
    clock: deps.clock,
    keyOf: (c) => `auth:${clientIp(c, deps.config.trustProxy)}`,
  });
  return [
    limit,
    async function sameOriginWrites(c, next) {
      assertSameOrigin(c, deps.config);
      await next();
    },
  ];
}

/** Allows the route only to a signed-in person (these routes are about a session, not an API key). */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    if (!c.get('auth').userId)
      throw new ApiError('FORBIDDEN', 'This route needs a signed-in person, not an API key');
    await next();
  };
}

/** The signed-in person's id (after `requireUser`). */
export const userIdOf = (c: Context<AppEnv>): string => c.get('auth').userId as string;

/** The link a person follows in the dashboard. */
export const dashboardLink = (deps: AppDeps, screen: string, token: string) =>
  `${deps.config.publicUrl}/dashboard/${screen}?token=${encodeURIComponent(token)}`;
