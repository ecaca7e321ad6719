import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { uploadedLogoPath } from '../domain/logo-image';
import type { AppDeps } from '../http/context';
import { getPublicLogo } from '../store/business-logos';
import { getPublicBusiness } from '../store/businesses';
import { subscribeBusinessChanged } from '../store/changes';
import { type FetchLogo, type LogoImage, logoFetcher } from './logo-fetch';

const FAILED_RETRY_MS = 5 * 60_000;

/** The path landing pages use for a business's logo: versioned by the owner's URL, so a new logo shows at once. */
export function logoPath(business: { id: string; logoUrl: string | null }): string | null {
  if (!business.logoUrl) return null;
  const uploaded = uploadedLogoPath(business.logoUrl, business.id);
  if (uploaded) return uploaded;
  return `/assets/logo/${business.id}?v=${logoVersion(business.logoUrl)}`;
}

// Every landing page view asks for its logo's path: the hash of a URL is worked out once, not per view.
const versions = new Map<string, string>();
const MAX_VERSIONS = 10_000;

function logoVersion(url: string): string {
  let version = versions.get(url);
  if (version === undefined) {
    version = createHash('sha256').update(url).digest('base64url').slice(0, 10);
    if (versions.size >= MAX_VERSIONS) versions.clear();
    versions.set(url, version);
  }
  return version;
}

type Entry = { url: string; image?: LogoImage; failedAt?: number; pending?: Promise<LogoImage | undefined> };

/**
 * `GET /assets/logo/:businessId`: the owner's logo, fetched once by the server and served from memory, so the
 * landing pages make no third-party request (no tracking of customers by the logo's host) and keep a strict
 * `img-src 'self'`. A business change (new logo URL, archive) drops the copy.
 */
export function logoRoutes(
  deps: AppDeps,
  fetchLogo: FetchLogo = logoFetcher({ allowPrivate: deps.config.webhooksAllowPrivate }),
) {
  const app = new Hono();
  const cache = new Map<string, Entry>();
  subscribeBusinessChanged(deps.db, (businessId) => cache.delete(businessId));

  async function logoOf(businessId: string, url: string): Promise<LogoImage | undefined> {
    let entry = cache.get(businessId);
    if (!entry || entry.url !== url) {
      entry = { url };
      cache.set(businessId, entry);
    }
    if (entry.image) return entry.image;
    if (entry.failedAt && deps.clock().getTime() - entry.failedAt < FAILED_RETRY_MS) return undefined;
    const current = entry;
    current.pending ??= fetchLogo(url).then((image) => {
      current.pending = undefined;
      if (image) current.image = image;
      else current.failedAt = deps.clock().getTime();
      return image;
    });
    return current.pending;
  }

  // An uploaded logo: its URL carries a content version, so it may be cached for a year.
  app.get('/assets/logo/:businessId{[^/.]+\\.(?:png|jpg|webp)}', (c) => {
    const [businessId, ext] = c.req.param('businessId').split('.');
    const logo = getPublicLogo(deps.db, businessId);
    if (!logo || logo.ext !== ext) return c.body(null, 404, { 'Cache-Control': 'public, max-age=300' });
    return c.body(new Uint8Array(logo.body), 200, {
      'Content-Type': logo.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });

  app.get('/assets/logo/:businessId', async (c) => {
    const business = getPublicBusiness(deps.db, c.req.param('businessId'));
    const image = business?.logoUrl ? await logoOf(business.id, business.logoUrl) : undefined;
    if (!image) return c.body(null, 404, { 'Cache-Control': 'public, max-age=300' });
    return c.body(new Uint8Array(image.body), 200, {
      'Content-Type': image.type,
      'Cache-Control': 'public, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An SVG opened on its own must not run script in Plaudit's origin.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
  });
  return app;
}
