import type { Business } from './businesses';
import { subscribeBusinessChanged } from './changes';
import { type Db, sql } from './db';

type Cache = { dataVersion: unknown; entries: Map<string, Business> };

// Bounds memory against lookups of many distinct slugs; a box holds far fewer active businesses than this.
const MAX_ENTRIES = 10_000;

const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    const created: Cache = { dataVersion: undefined, entries: new Map() };
    subscribeBusinessChanged(db, (businessId) => {
      for (const [key, business] of created.entries)
        if (business.id === businessId) created.entries.delete(key);
    });
    caches.set(db, created);
    cache = created;
  }
  return cache;
}

/**
 * Active businesses as the public pages look them up (by id or slug), kept in memory: every landing page
 * and post needs its business, and reading and mapping the row cost more than the rest of a post's reads.
 * This process's changes drop the business at once (`notifyBusinessChanged`); a commit by another process
 * on the same file (the CLI) changes `PRAGMA data_version`, and the whole cache is dropped before the next
 * lookup. Only found businesses are kept: an unknown or archived one is asked of the database each time.
 * Callers share the returned object and must not change it.
 */
export function cachedPublicBusiness(
  db: Db,
  key: string,
  load: () => Business | undefined,
): Business | undefined {
  const cache = cacheOf(db);
  const dataVersion = sql(db, 'PRAGMA data_version').pluck().get();
  if (dataVersion !== cache.dataVersion) {
    cache.entries.clear();
    cache.dataVersion = dataVersion;
  }
  const hit = cache.entries.get(key);
  if (hit) return hit;
  const business = load();
  if (business) {
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.clear();
    cache.entries.set(key, business);
  }
  return business;
}
