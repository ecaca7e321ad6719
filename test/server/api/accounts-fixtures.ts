import { hashPassword, type PasswordCost } from '../../../server/domain/passwords';
import type { Role } from '../../../server/domain/roles';
import { upsertMembership } from '../../../server/store/memberships';
import { createUser } from '../../../server/store/users';
import { setup } from '../helpers';

/** Argon2id at its smallest cost, so tests hash in microseconds; production uses the library defaults. */
export const FAST_COST: PasswordCost = { memoryCost: 64, timeCost: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery';
export const ORIGIN = 'http://plaudit.test';

type Setup = ReturnType<typeof setup>;

/** The test app of `setup()` with cheap password hashing and helpers to make people and sign them in. */
export function accountsSetup(options: Parameters<typeof setup>[0] = {}) {
  const t = setup({ passwordCost: FAST_COST, ...options });

  /** A user with a membership (or none) made straight in the store. */
  async function addUser(
    email: string,
    role: Role | null = 'owner',
    organizationId: string = t.org.id,
    extra: { instanceAdmin?: boolean; password?: string } = {},
  ) {
    const passwordHash = await hashPassword(extra.password ?? PASSWORD, FAST_COST);
    const user = createUser(t.db, t.clock, {
      email,
      name: email.split('@')[0],
      passwordHash,
      instanceAdmin: extra.instanceAdmin,
    });
    if (role) upsertMembership(t.db, t.clock, user.id, organizationId, role);
    return user;
  }

  /** Signs in through the API and answers the response plus the cookie to send back. */
  async function login(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
    const res = await t.call('POST', '/api/v1/auth/login', {
      key: null,
      body: { email, password },
      headers: { origin: ORIGIN, 'x-plaudit-csrf': '1', ...headers },
    });
    return { ...res, cookie: cookieOf(res.headers) };
  }

  /** A call with a session cookie, sent as the dashboard sends it (same origin, CSRF header). */
  function asUser(
    cookie: string,
    method: string,
    path: string,
    request: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    return t.call(method, path, {
      key: null,
      body: request.body,
      headers: { cookie, origin: ORIGIN, 'x-plaudit-csrf': '1', ...request.headers },
    });
  }

  /** A public sign-in call (no key, no cookie) from the app's own origin. */
  function publicCall(method: string, path: string, body?: unknown) {
    return t.call(method, path, { key: null, body, headers: { origin: ORIGIN, 'x-plaudit-csrf': '1' } });
  }

  return { ...t, addUser, login, asUser, publicCall };
}

/** `plaudit_session=…` from a response's Set-Cookie, ready for a Cookie header. */
export function cookieOf(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  const match = set.match(/plaudit_session=([^;]*)/);
  return match?.[1] ? `plaudit_session=${match[1]}` : '';
}

export type AccountsSetup = ReturnType<typeof accountsSetup> & Setup;
