import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { requestHeader } from './request-header';

const OFFERED_CODING = /gzip|deflate|\*/i;

/**
 * Hono's compression, entered only when the client accepts a coding it offers. Hono's middleware adds
 * `Vary` to the finished response, and a header added after the fact makes Hono rebuild the response as a
 * streamed web Response: for a client that takes no compression (most API clients) that cost more than a
 * whole API handler. `Vary` said up front keeps every response on the server's direct-write path.
 */
export function compression(options: { threshold: number }): MiddlewareHandler {
  const compressResponse = compress(options);
  return function compression(c, next) {
    c.header('Vary', 'Accept-Encoding');
    return OFFERED_CODING.test(requestHeader(c, 'accept-encoding') ?? '')
      ? compressResponse(c, next)
      : next();
  };
}
