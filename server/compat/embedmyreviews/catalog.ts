import { Hono } from 'hono';
import { getCountries } from 'libphonenumber-js';
import { SOURCES } from '../../domain/sources';
import type { AppDeps } from '../../http/context';
import { getApiKey } from '../../store/api-keys';
import { teamOf } from '../../store/memberships';
import { rowNumberOf } from '../../store/row-numbers';
import type { EmrEnv } from './auth';
import { sourceName, sourceNumber } from './presenters';

const PLATFORM_SITES: Record<string, string> = {
  google: 'https://google.com',
  yelp: 'https://www.yelp.com',
  facebook: 'https://www.facebook.com',
  tripadvisor: 'https://www.tripadvisor.com',
  trustpilot: 'https://www.trustpilot.com',
};

/** Every ISO 3166-1 alpha-2 region Plaudit reads phone numbers for, with its English name, by name. */
function countries() {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return getCountries()
    .map((code) => ({ id: code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `/sources`, `/countries` and `/me`: answered to any valid token. */
export function catalogRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  const countryList = countries();

  app.get('/sources', (c) =>
    c.json(
      {
        data: SOURCES.map((source) => ({
          id: sourceNumber(source.id),
          name: sourceName(source.id),
          url: PLATFORM_SITES[source.id] ?? deps.config.publicUrl,
          logo: null,
          available: true,
          can_collect_reviews: true,
          deep_linking_supported: source.deepLinkSupported,
        })),
      },
      200,
    ),
  );

  app.get('/countries', (c) => c.json(countryList, 200));

  // A Plaudit key is not a person: `name` is the key's name and `email` the organization's first owner's.
  app.get('/me', (c) => {
    const auth = c.get('auth');
    const key = auth.keyId
      ? getApiKey(deps.db, auth.isAdmin ? null : auth.organizationId, auth.keyId)
      : undefined;
    const owner = auth.organizationId
      ? teamOf(deps.db, auth.organizationId).find((member) => member.role === 'owner')
      : undefined;
    return c.json(
      {
        id: auth.keyId ? (rowNumberOf(deps.db, 'api_keys', auth.keyId) ?? 0) : 0,
        name: key?.name ?? '',
        email: owner?.email ?? null,
      },
      200,
    );
  });

  return app;
}
