import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { scopesOfRole } from '../domain/roles';
import { membershipsOf, roleIn } from '../store/memberships';
import { getOrganization } from '../store/organizations';
import { resolveSession, SESSION_IDLE_MS } from '../store/sessions';
import { getUser } from '../store/users';
import type { AppDeps, AuthContext } from './context';
import { ApiError } from './errors';
import { requestCookie, requestHeader } from './request-header';

export const SESSION_COOKIE = 'plaudit_session';
export const CSRF_HEADER = 'x-plaudit-csrf';

const secureCookie = (config: Config) => config.publicUrl.startsWith('https:');

/** Sends the session cookie: HttpOnly, SameSite=Lax, Secure behind https, living as long as the session. */
export function setSessionCookie(
  c: Context,
  config: Config,
  session: { token: string; expiresAt: string; now: Date },
): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(session.expiresAt) - session.now.getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(config),
    path: '/',
    maxAge: Math.min(maxAge, SESSION_IDLE_MS / 1000),
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(c: Context, config: Config): void {
  setCookie(c, SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(config),
    path: '/',
    maxAge: 0,
  });
}

/** The session token the request's cookie carries. */
export const sessionToken = (c: Context): string | undefined => requestCookie(c, SESSION_COOKIE) || undefined;

/**
 * Refuses a cookie-authenticated write from another site: the browser's `Origin` must be Plaudit's own
 * (its public URL, or the Host the request came to) and the app's header must be there, which a plain
 * cross-site form cannot add and a cross-site fetch cannot send without a CORS preflight we never grant.
 */
export function assertSameOrigin(c: Context, config: Config): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return;
  const origin = requestHeader(c, 'origin');
  const host = requestHeader(c, 'host');
  let sameOrigin = false;
  if (origin) {
    try {
      const url = new URL(origin);
      sameOrigin = url.origin === new URL(config.publicUrl).origin || (!!host && url.host === host);
    } catch {
      sameOrigin = false;
    }
  }
  if (!sameOrigin || requestHeader(c, CSRF_HEADER) !== '1') {
    throw new ApiError('FORBIDDEN', 'Cross-site request refused: send it from the Plaudit app', {
      Origin: 'must be this Plaudit’s own origin',
      'X-Plaudit-Csrf': 'must be 1',
    });
  }
}

/**
 * The `auth` context of a session cookie, or undefined when the request carries none. An ended or unknown
 * session is 401; the acting organization is the one named by `Plaudit-Organization` (or, on a GET, by
 * `?organization=`; a member's, or any for the instance admin), else the user's first.
 */
export function sessionAuth(deps: AppDeps, c: Context): AuthContext | undefined {
  const token = sessionToken(c);
  if (!token) return undefined;
  const resolved = resolveSession(deps.db, deps.clock, token);
  const user = resolved && getUser(deps.db, resolved.session.userId);
  if (!resolved || !user) {
    clearSessionCookie(c, deps.config);
    throw new ApiError('UNAUTHORIZED', 'Your session has ended: sign in again');
  }
  assertSameOrigin(c, deps.config);
  if (resolved.touched) {
    setSessionCookie(c, deps.config, { token, expiresAt: resolved.session.expiresAt, now: deps.clock() });
  }

  // A plain link (the print sheet, a QR download) cannot send a header: reads may name it in the query.
  const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
  const named =
    requestHeader(c, 'plaudit-organization') ||
    (isRead ? c.req.query('organization') : undefined) ||
    undefined;
  let organizationId: string | null = null;
  if (named) {
    const allowed = user.instanceAdmin
      ? !!getOrganization(deps.db, named)
      : !!roleIn(deps.db, user.id, named);
    // Someone else's organization reads as a missing one: its existence is not ours to confirm.
    if (!allowed) throw new ApiError('NOT_FOUND', 'Organization not found');
    organizationId = named;
  } else {
    organizationId = membershipsOf(deps.db, user.id)[0]?.organizationId ?? null;
  }
  const role = organizationId ? roleIn(deps.db, user.id, organizationId) : undefined;
  return {
    keyId: null,
    userId: user.id,
    sessionId: resolved.session.id,
    isAdmin: user.instanceAdmin,
    organizationId,
    scopes: role ? scopesOfRole(role) : [],
    mode: 'live',
  };
}
