import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { requireScope } from '../../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../../http/context';
import { type Business, listBusinesses } from '../../store/businesses';
import { reviewSourcesByBusiness } from '../../store/review-sources';
import { queryOf } from './validation';

const PAGE = 500;
/** Cloutly documents no query parameters here: any is a 400 rather than silently ignored. */
const noQuery = z.object({}).strict();

/** Every active business of the organization, oldest first. */
function allBusinesses(deps: AppDeps, organizationId: string): Business[] {
  const all: Business[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = listBusinesses(
      deps.db,
      organizationId,
      { archived: false },
      { limit: PAGE, offset },
    );
    all.push(...items);
    if (all.length >= total || items.length === 0) return all;
  }
}

/**
 * A business as Cloutly lists it. `sources`: the platforms it has a review link for (Cloutly's connected
 * integrations), then any other source it holds reviews from (Plaudit's `direct`, `testimonial`, imports).
 */
function presentBusiness(business: Business, reviewSources: string[]) {
  const sources = [...new Set([...business.reviewLinks.map((link) => link.platform), ...reviewSources])];
  return {
    id: business.id,
    name: business.name,
    sources,
    address: business.address,
    phone: business.phone,
    website: business.website,
    createdAt: business.createdAt,
  };
}

/** `GET /businesses`: a bare array of the organization's businesses (locations) and their sources. */
export function cloutlyBusinesses(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/businesses', requireScope('businesses:read'), (c) => {
    queryOf(c, noQuery);
    const organizationId = orgIdOf(c);
    const sources = reviewSourcesByBusiness(deps.db, organizationId);
    return c.json(
      allBusinesses(deps, organizationId).map((business) =>
        presentBusiness(business, sources.get(business.id) ?? []),
      ),
      200,
    );
  });
  return app;
}
