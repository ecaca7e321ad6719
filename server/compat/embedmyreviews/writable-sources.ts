import type { Context } from 'hono';
import { FIRST_PARTY_SOURCES } from '../../domain/sources';
import type { AppDeps } from '../../http/context';
import { listBusinesses } from '../../store/businesses';
import { rowNumbersOf } from '../../store/row-numbers';
import { type EmrEnv, orgOf } from './auth';
import { pageOf } from './input';
import { businessOfNumber, integerOf } from './lookups';
import { PER_PAGE, paginatedEnvelope } from './pagination';
import { sourceName, sourceNumber, writableType } from './presenters';

const ALL = { limit: 10_000, offset: 0 };

/**
 * `GET /reviews/sources`: for each of the organization's active businesses, the sources a review may be
 * written for, which are Plaudit's first-party sources (the same rule the native API edits reviews by).
 */
export function writableSourcesRoute(deps: AppDeps) {
  return (c: Context<EmrEnv>) => {
    const orgId = orgOf(c);
    const page = pageOf(c);
    const named = ['organization_id', 'location_id']
      .map((name) => c.req.query(name))
      .filter((v) => v !== undefined);
    let businesses = listBusinesses(deps.db, orgId, { archived: false }, ALL).items;
    for (const value of named) {
      const business = businessOfNumber(deps, orgId, integerOf(value));
      businesses = businesses.filter((b) => b.id === business?.id);
    }
    const numbers = rowNumbersOf(
      deps.db,
      'businesses',
      businesses.map((b) => b.id),
    );
    const all = businesses.flatMap((business) =>
      FIRST_PARTY_SOURCES.map((source) => ({
        id: sourceNumber(source),
        name: sourceName(source),
        logo: null,
        type: writableType(source),
        organization_id: numbers.get(business.id) ?? 0,
        location_id: numbers.get(business.id) ?? 0,
      })),
    );
    const items = all.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    return c.json(paginatedEnvelope(c, deps.config.publicUrl, items, all.length, page), 200);
  };
}
