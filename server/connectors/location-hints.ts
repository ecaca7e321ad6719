import type { TokenSet } from './connector';

/**
 * An API key sees every place on its platform, so the owner names the ones to watch. They travel with the
 * key in `TokenSet.extra` under these keys (all optional):
 * - `locationIds`: ids, aliases or page links of the owner's places, separated by commas, spaces or lines;
 * - `searchQuery` (+ `searchLocation`, which Yelp requires): a name search whose results the owner picks from;
 * - `language`: the review language to ask for where the platform filters by it (Tripadvisor; default `en`).
 */
export const LOCATION_HINTS = {
  ids: 'locationIds',
  query: 'searchQuery',
  near: 'searchLocation',
  language: 'language',
} as const;

/** The places the owner named, each turned into a platform id by `toId` (null drops it), without repeats. */
export function namedLocationIds(tokens: TokenSet, toId: (value: string) => string | null): string[] {
  const raw = tokens.extra?.[LOCATION_HINTS.ids] ?? '';
  const ids = raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(toId)
    .filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

/** The owner's search, when they gave one. */
export function locationSearch(tokens: TokenSet): { query: string; near: string | null } | null {
  const query = tokens.extra?.[LOCATION_HINTS.query]?.trim();
  if (!query) return null;
  return { query, near: tokens.extra?.[LOCATION_HINTS.near]?.trim() || null };
}

/** A hint value, trimmed, or the fallback. */
export function hint(tokens: TokenSet, key: string, fallback: string): string {
  return tokens.extra?.[key]?.trim() || fallback;
}

/** Removes repeats of the same place (an id and an alias can name one business). */
export function uniqueByExternalId<T extends { externalId: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.externalId) && seen.add(item.externalId));
}
