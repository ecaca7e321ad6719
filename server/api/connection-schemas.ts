import { z } from '@hono/zod-openapi';
import { openTokens } from '../connectors/connection-tokens';
import { connectorFor, type EngineDeps } from '../connectors/engine-deps';
import { NAMED_PLACE_PLATFORMS, type PlaceSettings, placeSettingsOf } from '../connectors/place-settings';
import { notFound } from '../http/errors';
import type { ConnectionLocation } from '../store/connection-locations';
import { locationsOf } from '../store/connection-locations';
import type { Connection } from '../store/connections';
import { recentRuns } from '../store/sync-runs';
import { idOf, idParam } from './common-schemas';

export const connectionTags = ['Connections'];
export const PLATFORMS = ['google', 'facebook', 'trustpilot', 'yelp', 'tripadvisor'] as const;

// A platform Plaudit does not know is a resource that does not exist (404), like an unknown id.
export const platformParams = z.object({
  platform: z
    .string()
    .max(40)
    .openapi({
      param: { name: 'platform', in: 'path' },
      example: 'google',
      description: PLATFORMS.join(', '),
    }),
});

/** The platform a path names, or 404. */
export function platformOf(name: string): (typeof PLATFORMS)[number] {
  const platform = PLATFORMS.find((p) => p === name);
  if (!platform) throw notFound('Platform');
  return platform;
}
// Like every other resource: an id that is not one of the organization's connections is a 404.
export const connectionParams = idParam('Connection', 'conn_3kTz9QwErTyUiOpA');

const locationSchema = z
  .object({
    id: z.string().nullable().openapi({ description: 'null for a location never mapped' }),
    externalId: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    placeId: z.string().nullable(),
    url: z.string().nullable(),
    businessId: z.string().nullable(),
    lastSeenUpdateTime: z.string().nullable(),
    lastFullReadAt: z.string().nullable(),
  })
  .openapi('ConnectionLocation');

const runSchema = z
  .object({
    id: z.string(),
    locationId: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    fetched: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    hidden: z.number().int(),
    error: z.string().nullable(),
  })
  .openapi('SyncRun');

const placeFields = {
  places: z
    .array(z.string().trim().min(1).max(300))
    .max(50)
    .optional()
    .openapi({
      description:
        'The places to watch: Yelp business ids, aliases or page links; Tripadvisor location ids or links; Trustpilot domains. Replaces the list.',
      example: ['joes-coffee-austin'],
    }),
  searchQuery: z.string().trim().max(200).nullable().optional().openapi({
    description: 'Yelp or Tripadvisor: a name search whose results GET …/locations lists (null clears it)',
  }),
  searchLocation: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: 'Where to search (Yelp requires it with searchQuery)', example: 'Austin, TX' }),
  language: z
    .string()
    .regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'a language code such as en or pt_BR')
    .nullable()
    .optional()
    .openapi({ description: 'Tripadvisor: the review language to read (default en)' }),
};

const placeSettingsSchema = z
  .object({
    places: z.array(z.string()),
    searchQuery: z.string().nullable(),
    searchLocation: z.string().nullable(),
    language: z.string().nullable(),
  })
  .nullable()
  .openapi({
    description:
      'The places the owner named (Yelp, Tripadvisor, Trustpilot); null for platforms that list what the grant can see, and once disconnected',
  });

export const connectionSchema = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    status: z.enum(['active', 'broken', 'disconnected']),
    label: z.string(),
    lastError: z.string().nullable(),
    tokenExpiresAt: z.string().nullable(),
    syncIntervalMinutes: z.number().int(),
    limitation: z.string().nullable().openapi({ description: 'What the platform’s API does not show' }),
    canReply: z.boolean().openapi({ description: 'Whether replies written in Plaudit are posted there' }),
    placeSettings: placeSettingsSchema,
    locations: z.array(locationSchema),
    lastRuns: z.array(runSchema).openapi({ description: 'The newest sync runs, newest first' }),
    createdAt: z.string(),
    updatedAt: z.string().openapi({
      description:
        'When its status, error, tokens or places last changed (a sync that changes none of them leaves it)',
    }),
  })
  .openapi('Connection');

export const locationListSchema = z.object({ data: z.array(locationSchema) });
export const authorizeSchema = z.object({
  url: z.string().openapi({ description: 'The provider’s consent URL' }),
});

export const apiKeyBody = z
  .object({ apiKey: z.string().trim().min(8).max(500), ...placeFields })
  .strict()
  .openapi('ConnectApiKey');

export const reconnectBody = z
  .object({
    apiKey: z
      .string()
      .trim()
      .min(8)
      .max(500)
      .optional()
      .openapi({ description: 'Yelp, Tripadvisor: the new key (required there)' }),
  })
  .strict()
  .openapi('Reconnect');

export const reconnectSchema = z
  .object({
    url: z.string().optional().openapi({ description: 'OAuth platforms: the provider’s consent URL' }),
    connection: connectionSchema
      .optional()
      .openapi({ description: 'API-key platforms: the connection, active' }),
  })
  .openapi('Reconnection');

export const placeSettingsBody = z.object(placeFields).strict().openapi('ConnectionPlaces');

export const mapLocationBody = z
  .object({
    externalId: z
      .string()
      .min(1)
      .max(300)
      .openapi({ description: 'The platform location, from GET …/locations' }),
    businessId: idOf('biz').nullable().optional().openapi({ description: 'null stops syncing the location' }),
    createBusiness: z.boolean().optional().openapi({ description: 'Make a business from the location' }),
  })
  .strict()
  .refine((b) => b.businessId !== undefined || b.createBusiness, {
    message: 'give businessId or createBusiness: true',
    path: ['businessId'],
  })
  .openapi('MapLocation');

/** A stored location as the API shows it. */
export const presentLocation = (l: ConnectionLocation) => ({
  id: l.id,
  ...{ externalId: l.location.externalId, name: l.location.name },
  address: l.location.address ?? null,
  placeId: l.location.placeId ?? null,
  url: l.location.url ?? null,
  businessId: l.businessId,
  lastSeenUpdateTime: l.lastSeenUpdateTime,
  lastFullReadAt: l.lastFullReadAt,
});

function namedPlacesOf(deps: EngineDeps, c: Connection): PlaceSettings | null {
  if (!NAMED_PLACE_PLATFORMS.includes(c.platform)) return null;
  const tokens = openTokens(deps, c.id);
  return tokens && placeSettingsOf(c.platform, tokens);
}

/** A connection with its locations and newest runs; never its tokens. */
export function presentConnection(deps: EngineDeps, c: Connection) {
  const connector = connectorFor(deps.config, c.platform);
  return {
    id: c.id,
    platform: c.platform,
    status: c.status,
    label: c.label,
    lastError: c.lastError,
    tokenExpiresAt: c.tokenExpiresAt,
    syncIntervalMinutes: c.syncIntervalMinutes,
    limitation: connector?.limitation ?? null,
    canReply: Boolean(connector?.postReply),
    placeSettings: namedPlacesOf(deps, c),
    locations: locationsOf(deps.db, c.id).map(presentLocation),
    lastRuns: recentRuns(deps.db, c.id),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
