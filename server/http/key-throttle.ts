import type { Context } from 'hono';
import type { Clock } from '../domain/clock';
import { ApiError } from './errors';
import { clientIp, createRateLimiter } from './rate-limit';

/** Wrong keys one IP may present per minute before it is answered 429 instead of 401. */
export const INVALID_KEY_LIMIT = 20;

/**
 * Counts the wrong keys (malformed, unknown, revoked) each client IP presents and, past the limit, turns
 * the 401 into a 429 with `Retry-After`. Only failures count: a valid key is never slowed by a neighbour
 * behind the same NAT guessing, and it has its own per-key limit.
 */
export function invalidKeyThrottle(options: { clock: Clock; trustProxy: number }) {
  const hit = createRateLimiter(INVALID_KEY_LIMIT, 60_000, options.clock);
  return function rejectKey(c: Context, unauthorized: ApiError): ApiError {
    const { allowed, resetAt } = hit(clientIp(c, options.trustProxy));
    if (allowed) return unauthorized;
    const retryAfter = String(Math.max(1, Math.ceil((resetAt - options.clock().getTime()) / 1000)));
    return new ApiError('RATE_LIMIT_EXCEEDED', 'Too many invalid API keys from this address', undefined, {
      'Retry-After': retryAfter,
    });
  };
}
