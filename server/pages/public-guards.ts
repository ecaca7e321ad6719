import type { Context } from 'hono';
import type { Clock } from '../domain/clock';
import { requestHeader } from '../http/request-header';

/**
 * A browser that says where a POST comes from must say "same-origin"; with no Fetch Metadata, the
 * Origin header must be ours. Clients sending neither (old browsers, scripts) cannot be a CSRF vector.
 */
export function isCrossSitePost(c: Context, publicUrl: string): boolean {
  const site = requestHeader(c, 'sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = requestHeader(c, 'origin');
  if (!origin) return false;
  return origin !== new URL(publicUrl).origin && origin !== new URL(c.req.url).origin;
}

/** Per-key fixed-window counter that can be checked without counting (misses count, hits do not). */
export function createCounter(limit: number, windowMs: number, clock: Clock) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const now = clock().getTime();
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      window = { count: 0, resetAt: now + windowMs };
      windows.set(key, window);
    }
    return window;
  };
  return {
    /** Whether `key` has used up its window. */
    exceeded: (key: string): boolean => current(key).count >= limit,
    /** Counts one; returns false once over the limit. */
    hit: (key: string): boolean => ++current(key).count <= limit,
  };
}
