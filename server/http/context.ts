import type { Context } from 'hono';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { PasswordCost } from '../domain/passwords';
import type { Logger } from '../logger';
import type { Db } from '../store/db';
import { ApiError } from './errors';

/** Everything a router needs, passed in by `createApp` so tests can build apps freely. */
export type AppDeps = {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Argon2id cost for new password hashes; tests pass a cheap one, production the defaults. */
  passwordCost?: PasswordCost;
};

/** Who is calling: resolved by the auth middleware from the API key or the session cookie. */
export type AuthContext = {
  /** The API key, or null for a person signed in with a session. */
  keyId: string | null;
  /** The signed-in person (null for API keys). */
  userId: string | null;
  sessionId: string | null;
  isAdmin: boolean;
  /** The organization the request acts in: the key's own, or the one an admin key names by header. */
  organizationId: string | null;
  scopes: string[];
  mode: 'live' | 'test';
};

export type AppEnv = { Variables: { requestId: string; auth: AuthContext } };

/** The organization a tenant-scoped route acts in; an admin key must name one with `Plaudit-Organization`. */
export function orgIdOf(c: Context<AppEnv>): string {
  const auth = c.get('auth');
  if (!auth.organizationId) {
    throw new ApiError('VALIDATION_ERROR', 'The admin key must name an organization for this route', {
      'Plaudit-Organization': 'header required (org_…)',
    });
  }
  return auth.organizationId;
}

/** Whether the caller uses a `sk_test_` key: its messages are never transmitted. */
export const isSandbox = (c: Context<AppEnv>): boolean => c.get('auth').mode === 'test';

/**
 * Whose read state a request reads and writes: the signed-in user, else the API key. Sessions add
 * `userId` to AuthContext; until then it is read defensively so both shapes work.
 */
export function readerIdOf(c: Context<AppEnv>): string {
  const auth = c.get('auth') as AuthContext & { userId?: string | null };
  const readerId = auth.userId ?? auth.keyId;
  if (!readerId) throw new ApiError('UNAUTHORIZED', 'No reader for this request');
  return readerId;
}
