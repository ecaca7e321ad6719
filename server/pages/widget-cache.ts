import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { subscribeBusinessChanged } from '../store/changes';
import type { Db } from '../store/db';

export type CachedDocument = {
  body: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** The same bytes gzip-compressed, made on the first request that accepts gzip. */
  gzipped?: Uint8Array<ArrayBuffer>;
  etag: string;
  at: number;
};

// Writes made by this process (reviews, business edits) invalidate at once through notifyBusinessChanged; the
// age limit bounds staleness after writes from another process on the same file (the CLI's import, say).
// The entry cap bounds memory against crafted query strings.
const MAX_AGE_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;

type Cache = { byBusiness: Map<string, Map<string, CachedDocument>>; size: number };

const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    const created: Cache = { byBusiness: new Map(), size: 0 };
    subscribeBusinessChanged(db, (businessId) => forget(created, businessId));
    caches.set(db, created);
    cache = created;
  }
  return cache;
}

function forget(cache: Cache, businessId: string): void {
  cache.size -= cache.byBusiness.get(businessId)?.size ?? 0;
  cache.byBusiness.delete(businessId);
}

/** A weak ETag from the body's bytes: the same document always gets the same tag, on any process. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The cached widget document for (business, query), building and storing it on a miss. */
export function cachedDocument(
  db: Db,
  businessId: string,
  queryKey: string,
  now: number,
  build: () => string | null,
) {
  const cache = cacheOf(db);
  const hit = cache.byBusiness.get(businessId)?.get(queryKey);
  if (hit && now - hit.at < MAX_AGE_MS) return hit;
  const body = build();
  if (body === null) return null;
  if (cache.size >= MAX_ENTRIES) clearWidgetCache(db);
  const entry: CachedDocument = { body, bytes: new TextEncoder().encode(body), etag: etagOf(body), at: now };
  let perBusiness = cache.byBusiness.get(businessId);
  if (!perBusiness) {
    perBusiness = new Map();
    cache.byBusiness.set(businessId, perBusiness);
  }
  if (!perBusiness.has(queryKey)) cache.size += 1;
  perBusiness.set(queryKey, entry);
  return entry;
}

/** Empties the widget cache of a database (benchmarks measure the cold path with it). */
export function clearWidgetCache(db: Db): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.byBusiness.clear();
  cache.size = 0;
}

/** Whether an If-None-Match header names this ETag (weak comparison, lists and `*` allowed). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/** The document's gzip bytes, compressed once per cached document rather than once per response. */
export function gzippedDocument(doc: CachedDocument): Uint8Array<ArrayBuffer> {
  doc.gzipped ??= new Uint8Array(gzipSync(doc.bytes));
  return doc.gzipped;
}

/** Whether an Accept-Encoding header accepts gzip (explicitly, or through `*`), honouring `q=0`. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const accepted = !q || Number(q.slice(2)) > 0;
    if (coding === 'gzip') return accepted;
    wildcard = accepted;
  }
  return wildcard;
}
