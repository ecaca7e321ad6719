import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock';
import { ApiError } from './errors';
import { requestHeader } from './request-header';

export type RateLimitOptions = {
  /** Requests allowed per window. */
  limit: number;
  windowMs?: number;
  clock: Clock;
  /** Which bucket a request counts against (the API key id, the client IP …). */
  keyOf: (c: Context) => string;
  /** Answer for a request over the limit; defaults to the JSON 429. */
  onLimited?: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>;
};

type Window = { count: number; resetAt: number };

/** A fixed-window counter per bucket, in memory: one process serves the box, so no shared store is needed. */
export function createRateLimiter(limit: number, windowMs: number, clock: Clock) {
  const windows = new Map<string, Window>();
  let nextSweep = 0;
  return function hit(bucket: string): { allowed: boolean; remaining: number; resetAt: number } {
    const now = clock().getTime();
    if (now >= nextSweep) {
      for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
      nextSweep = now + windowMs;
    }
    let window = windows.get(bucket);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      windows.set(bucket, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= limit,
      remaining: Math.max(0, limit - window.count),
      resetAt: window.resetAt,
    };
  };
}

/** Sets `X-RateLimit-*` on every response and answers 429 with `Retry-After` past the limit. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const hit = createRateLimiter(options.limit, windowMs, options.clock);
  return async function rateLimit(c, next) {
    const { allowed, remaining, resetAt } = hit(options.keyOf(c));
    const resetSeconds = Math.ceil(resetAt / 1000);
    c.header('X-RateLimit-Limit', String(options.limit));
    c.header('X-RateLimit-Remaining', String(remaining));
    c.header('X-RateLimit-Reset', String(resetSeconds));
    if (!allowed) {
      const retryAfter = Math.max(1, Math.ceil((resetAt - options.clock().getTime()) / 1000));
      c.header('Retry-After', String(retryAfter));
      if (options.onLimited) return options.onLimited(c, retryAfter);
      throw new ApiError(
        'RATE_LIMIT_EXCEEDED',
        `Rate limit of ${options.limit} requests per minute exceeded`,
        undefined,
        {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Limit': String(options.limit),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(resetSeconds),
        },
      );
    }
    await next();
  };
}

/**
 * The client address. `X-Forwarded-For` is honoured only when the operator says proxies set it, and then
 * only the entry the outermost trusted proxy appended (the `trustedProxies`-th from the right): everything
 * to its left was written by the client, who could otherwise pick their own rate-limit bucket.
 */
export function clientIp(c: Context, trustedProxies: number): string {
  const socket = socketAddress(c);
  if (trustedProxies < 1) return socket;
  const hops = (requestHeader(c, 'x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped a proxy, so no entry is known to be a proxy's.
  return hops[hops.length - trustedProxies] ?? socket;
}

function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
