import type { Context, MiddlewareHandler } from 'hono';
import { randomBase62 } from '../domain/ids';
import type { AppEnv } from './context';

/** Gives the request an id (the caller's `X-Request-Id` when it is sane) and echoes it back. */
export function assignRequestId(c: Context<AppEnv>): string {
  const given = c.req.header('x-request-id');
  const id = given && /^[\w.-]{1,128}$/.test(given) ? given : `req_${randomBase62(24)}`;
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  return id;
}

/** `assignRequestId` for every request. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async function requestId(c, next) {
    assignRequestId(c);
    await next();
  };
}
