import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/context';
import { orgIdOf } from '../../http/context';
import { pageWindow, paginated } from '../../http/pagination';
import { businessStats, getBusiness, listBusinesses } from '../../store/businesses';
import { requireScopes } from './auth';
import { notFound, parseInput } from './errors';
import { noQuery, pageQuery } from './inputs';
import { presentBusiness, presentBusinessDetail } from './presenters';

/** `GET /businesses` (active ones, oldest first) and `GET /businesses/:id` (archived ones too). */
export function registerBusinesses(app: Hono<AppEnv>, deps: AppDeps) {
  app.get('/businesses', requireScopes('businesses:read'), (c) => {
    const query = parseInput(pageQuery.strict(), c.req.query());
    const orgId = orgIdOf(c);
    const { items, total } = listBusinesses(deps.db, orgId, { archived: false }, pageWindow(query));
    const data = items.map((b) => presentBusiness(b, businessStats(deps.db, orgId, b.id)));
    return c.json(paginated(data, total, query), 200);
  });

  app.get('/businesses/:id', requireScopes('businesses:read'), (c) => {
    parseInput(noQuery, c.req.query());
    const orgId = orgIdOf(c);
    const business = getBusiness(deps.db, orgId, c.req.param('id'));
    if (!business) throw notFound('business');
    return c.json(presentBusinessDetail(business, businessStats(deps.db, orgId, business.id)), 200);
  });
}
