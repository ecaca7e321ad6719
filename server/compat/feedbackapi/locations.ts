import { Hono } from 'hono';
import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';
import { createBusinessFor } from '../../api/business-writes';
import { resolveBusinessFields } from '../../domain/business-settings';
import { isoNow } from '../../domain/clock';
import type { PlatformSettings } from '../../domain/links';
import type { AppDeps } from '../../http/context';
import {
  archiveBusiness,
  type Business,
  businessFields,
  getBusiness,
  listBusinesses,
  updateBusiness,
} from '../../store/businesses';
import { type FapiEnv, needScope, orgOf } from './auth';
import { badParam, notFoundError } from './errors';
import {
  bodyParams,
  LIST_PARAMS,
  listBody,
  listWindow,
  onlyKnown,
  type Params,
  queryParams,
  requiredText,
  text,
  time,
} from './input';
import { addressLines, presentLocation } from './presenters';

const FIELDS = [
  'name',
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'postal_code',
  'country_code',
  'review_profile',
];
const MAX_CUSTOM_LINKS = 10;

function countryIn(params: Params): CountryCode | null | undefined {
  const value = text(params, 'country_code', 2);
  if (value == null) return value;
  const upper = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || !isSupportedCountry(upper))
    throw badParam('country_code', 'country_code must be a 2 letter ISO code');
  return upper;
}

/** The four address parameters as Plaudit's one address field, a line each (see presenters.addressLines). */
function addressIn(params: Params, current: string | null): string | null | undefined {
  const names = ['address_line_1', 'address_line_2', 'address_line_3', 'postal_code'] as const;
  if (!names.some((name) => params[name] !== undefined)) return undefined;
  const was = addressLines(current);
  const lines = names.map((name) => {
    const value = params[name] !== undefined ? text(params, name, 200) : was[name];
    if (value?.includes('\n')) throw badParam(name, `${name} must be one line`);
    return value ?? '';
  });
  return lines.some(Boolean) ? lines.join('\n') : null;
}

/** `review_profile` URLs as custom review links of the business (Plaudit links to them from its landing page). */
function profilesIn(params: Params, platforms: PlatformSettings): PlatformSettings | undefined {
  const value = params.review_profile;
  if (value === undefined) return undefined;
  const urls = Array.isArray(value) ? value : [value];
  const custom = [...(platforms.custom ?? [])];
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(String(url));
    } catch {
      throw badParam('review_profile', 'review_profile must be a list of https URLs');
    }
    if (parsed.protocol !== 'https:')
      throw badParam('review_profile', 'review_profile must be a list of https URLs');
    if (custom.some((link) => link.url === parsed.href)) continue;
    custom.push({ name: parsed.hostname.replace(/^www\./, ''), url: parsed.href });
  }
  if (custom.length > MAX_CUSTOM_LINKS) {
    throw badParam('review_profile', `A location holds at most ${MAX_CUSTOM_LINKS} review profile links`);
  }
  return { ...platforms, custom };
}

/** `/locations`: Plaudit businesses. */
export function locationRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  app.get('/locations', needScope('businesses:read'), (c) => {
    const orgId = orgOf(c);
    const params = queryParams(c);
    onlyKnown(params, [
      ...LIST_PARAMS,
      'created_before',
      'created_after',
      'name',
      'postal_code',
      'country_code',
    ]);
    const window = listWindow(params, ['name', 'created'], 'name-asc');
    const after = time(params, 'created_after');
    const before = time(params, 'created_before');
    const postal = text(params, 'postal_code', 40)?.toLowerCase();
    const country = countryIn(params);
    // An organization has few businesses: they are read whole, then filtered, sorted by name and paged here.
    const { items } = listBusinesses(
      deps.db,
      orgId,
      { archived: false, q: text(params, 'name') ?? undefined },
      { limit: 100_000, offset: 0 },
    );
    const matching = items.filter(
      (b) =>
        (!after || b.createdAt >= after) &&
        (!before || b.createdAt < before) &&
        (!country || b.country === country) &&
        (!postal || addressLines(b.address).postal_code?.toLowerCase() === postal),
    );
    const sorted = sortLocations(matching, window.sortField, window.ascending);
    const page = sorted.slice(window.offset, window.offset + window.limit);
    const total = matching.length;
    return c.json(listBody(page.map(presentLocation), total, window));
  });

  app.post('/locations', needScope('businesses:write'), async (c) => {
    const orgId = orgOf(c);
    const params = await bodyParams(c);
    onlyKnown(params, FIELDS);
    const name = requiredText(params, 'name');
    const country = countryIn(params);
    if (!country) throw badParam('country_code', 'Missing required param: country_code');
    // The native creation path: the business cap, and the business.created webhook, as on /api/v1.
    const business = createBusinessFor(deps, orgId, {
      name,
      country,
      address: addressIn(params, null) ?? null,
      platforms: profilesIn(params, {}),
    });
    return c.json(presentLocation(business));
  });

  app.get('/locations/:id', needScope('businesses:read'), (c) => {
    const business = getBusiness(deps.db, orgOf(c), c.req.param('id'));
    if (!business || business.archivedAt) throw notFoundError('location');
    return c.json(presentLocation(business));
  });

  app.post('/locations/:id', needScope('businesses:write'), async (c) => {
    const orgId = orgOf(c);
    const current = getBusiness(deps.db, orgId, c.req.param('id'));
    if (!current || current.archivedAt) throw notFoundError('location');
    const params = await bodyParams(c);
    onlyKnown(params, FIELDS);
    if (params.name !== undefined) requiredText(params, 'name');
    const fields = resolveBusinessFields(
      {
        name: text(params, 'name') ?? undefined,
        country: countryIn(params),
        address: addressIn(params, current.address),
        platforms: profilesIn(params, current.platforms),
      },
      businessFields(current),
      isoNow(deps.clock),
    );
    const business = updateBusiness(deps.db, deps.clock, orgId, current.id, {
      ...fields,
      slug: current.slug,
    });
    return c.json(presentLocation(business));
  });

  app.delete('/locations/:id', needScope('businesses:write'), (c) => {
    const orgId = orgOf(c);
    const id = c.req.param('id');
    const current = getBusiness(deps.db, orgId, id);
    if (!current || current.archivedAt) throw notFoundError('location');
    archiveBusiness(deps.db, deps.clock, orgId, id);
    return c.json({ id, deleted: true });
  });

  return app;
}

function sortLocations(items: Business[], field: string, ascending: boolean): Business[] {
  const key = (b: Business) => (field === 'name' ? b.name.toLowerCase() : b.createdAt);
  const sorted = [...items].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1,
  );
  return ascending ? sorted : sorted.reverse();
}
