import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { SOURCES, type WidgetData } from '../../widget/types';
import type { AppDeps } from '../http/context';
import { ApiError, errorResponse, validationError } from '../http/errors';
import { requestHeader } from '../http/request-header';
import { getPublicBusiness } from '../store/businesses';
import { listWidgetReviews, visibleReviewSummary, type WidgetFilter } from '../store/widget';
import { acceptsGzip, cachedDocument, gzippedDocument, matchesEtag } from './widget-cache';
import { widgetOwnerRedirect } from './widget-owner';
import { widgetScriptHandler } from './widget-script';

const filterSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  minRating: z.coerce.number().int().min(1).max(5).default(1),
  sources: z
    .string()
    .optional()
    .transform((value) => (value ? [...new Set(value.split(',').map((s) => s.trim()))].sort() : null))
    .pipe(z.array(z.enum(SOURCES)).nullable()),
});

const DEFAULT_FILTER = filterSchema.safeParse({});

// Browsers and CDNs keep a document a minute, CDNs five, and may serve it stale for ten while they refetch.
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** The public widget surface: `/widget.js`, its data `/widget/v1/:businessId.json`, and the old `/widget` builder's redirect. */
export function widgetRoutes(deps: AppDeps, options: { scriptPath?: string } = {}): Hono {
  const app = new Hono();
  app.get('/widget.js', widgetScriptHandler(options.scriptPath));
  app.get('/widget', widgetOwnerRedirect);

  // One handler per request, not a CORS middleware in front: a composed chain measured a few percent of
  // this route's throughput, and it is the hottest route a Plaudit box serves.
  app.options('/widget/v1/*', function widgetPreflight(c) {
    widgetCors(c);
    c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    c.header('Access-Control-Allow-Headers', 'If-None-Match');
    c.header('Access-Control-Max-Age', '86400');
    return c.body(null, 204);
  });

  app.get('/widget/v1/:file{[^/]+\\.json}', function widgetData(c) {
    widgetCors(c);
    const businessId = c.req.param('file').slice(0, -'.json'.length);
    // Most embeds ask with no filter: skip parsing on that hot path.
    const parsed = c.req.url.includes('?') ? filterSchema.safeParse(c.req.query()) : DEFAULT_FILTER;
    if (!parsed.success) return errorResponse(c, validationError(parsed.error, 'Invalid widget filter'));
    const filter: WidgetFilter = parsed.data;
    const queryKey = `${filter.limit}|${filter.minRating}|${filter.sources ?? ''}`;
    const doc = cachedDocument(deps.db, businessId, queryKey, deps.clock().getTime(), () =>
      buildDocument(deps, businessId, filter),
    );
    if (!doc) {
      // Short, so a business created a moment later shows up soon.
      c.header('Cache-Control', 'public, max-age=30');
      return errorResponse(c, new ApiError('NOT_FOUND', 'Business not found'));
    }
    c.header('Cache-Control', CACHE_CONTROL);
    c.header('ETag', doc.etag);
    if (matchesEtag(requestHeader(c, 'if-none-match'), doc.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    // The app's compression middleware would gzip the same bytes again on every request; a document
    // that is cached is compressed once (the middleware leaves a response with Content-Encoding alone).
    if (
      doc.bytes.length >= 1024 &&
      c.req.method === 'GET' &&
      acceptsGzip(requestHeader(c, 'accept-encoding'))
    ) {
      c.header('Content-Encoding', 'gzip');
      return c.body(gzippedDocument(doc));
    }
    return c.body(doc.bytes);
  });
  // Anything else under the data prefix answers in the API's error shape, readable cross-origin: a path that
  // is no document is a 404, and the data being read-only, a write is a 405.
  app.all('/widget/v1/*', (c) => {
    widgetCors(c);
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    return errorResponse(
      c,
      reading
        ? new ApiError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)
        : new ApiError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`, undefined, {
            Allow: 'GET, HEAD, OPTIONS',
          }),
    );
  });
  return app;
}

/** Public read-only data: any site may read it, and no credentials are involved. */
function widgetCors(c: Context): void {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Expose-Headers', 'ETag');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  c.header('X-Content-Type-Options', 'nosniff');
  // This route picks the gzip or plain document itself, so it says so whatever middleware stands in front.
  c.header('Vary', 'Accept-Encoding');
}

function buildDocument(deps: AppDeps, businessId: string, filter: WidgetFilter): string | null {
  const business = getPublicBusiness(deps.db, businessId);
  if (!business) return null;
  const data: WidgetData = {
    business: {
      id: business.id,
      name: business.name,
      logoUrl: business.logoUrl,
      brandColor: business.brandColor,
      locale: business.locale,
    },
    summary: { ...visibleReviewSummary(deps.db, business.id), basis: 'all_visible_reviews' },
    reviewLink: `${deps.config.publicUrl}/b/${encodeURIComponent(business.slug)}`,
    reviews: listWidgetReviews(deps.db, business.id, filter),
  };
  return JSON.stringify(data);
}
