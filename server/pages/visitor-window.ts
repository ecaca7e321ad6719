import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock';

/**
 * Remembers which visitor already opened which link in the current window, so an open or a tap is counted
 * once per visitor per window however often the page is loaded (a reload, a script hammering the link).
 *
 * In memory and bounded: at most `capacity` entries, least recently seen evicted first (a Map keeps
 * insertion order, and a hit re-inserts). Under a flood of distinct visitors the oldest are forgotten and
 * might be counted again: that costs one more count, never memory. A restart forgets everything likewise.
 */
export function visitorWindow(options: { capacity: number; windowMs: number; clock: Clock }) {
  const seen = new Map<string, number>();
  return {
    /** True the first time `parts` are seen in the window (and starts it); false while it lasts. */
    first(...parts: string[]): boolean {
      // A digest keeps each entry small whatever the user agent's length.
      const key = createHash('sha256').update(parts.join('\n')).digest('base64').slice(0, 22);
      const now = options.clock().getTime();
      const since = seen.get(key);
      if (since !== undefined && now - since < options.windowMs) {
        seen.delete(key);
        seen.set(key, since);
        return false;
      }
      seen.delete(key);
      seen.set(key, now);
      if (seen.size > options.capacity) seen.delete(seen.keys().next().value as string);
      return true;
    },
    /** Entries held (tests). */
    size: () => seen.size,
  };
}
