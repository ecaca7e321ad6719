import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors';
import { declaredBodyLength } from './request-body';

/**
 * Hono's body limit for the requests that may carry a body. Hono's checks `req.raw.body`, which on the
 * Node server builds a whole web Request: a GET or HEAD, whose body no route reads, skips that cost.
 */
export function limitBody(maxBytes: number, label: string): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', `Request body is larger than ${label}`);
    },
  });
  return function limitBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // A declared length is judged by its number, without building the web Request Hono's check needs.
    const declared = declaredBodyLength(c);
    if (declared === undefined) return limit(c, next);
    if (declared > maxBytes) throw new ApiError('PAYLOAD_TOO_LARGE', `Request body is larger than ${label}`);
    return next();
  };
}
