import type { MiddlewareHandler } from 'hono';
import { randomBase62 } from '../domain/ids';
import type { AppEnv } from './context';
import { requestHeader } from './request-header';

/** Gives every request an id (the caller's `X-Request-Id` when it is sane) and echoes it back. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return function requestId(c, next) {
    const given = requestHeader(c, 'x-request-id');
    const id = given && /^[\w.-]{1,128}$/.test(given) ? given : `req_${randomBase62(24)}`;
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    return next();
  };
}
