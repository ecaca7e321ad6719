import { createRoute } from '@hono/zod-openapi';
import { withTokens } from '../connectors/connection-tokens';
import { PlatformError } from '../connectors/connector';
import { connectorFor } from '../connectors/engine-deps';
import { replyUrlOf } from '../connectors/reply-presentation';
import { isoNow } from '../domain/clock';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError } from '../http/errors';
import { newRouter } from '../http/router';
import { getBusiness } from '../store/businesses';
import { locationsOf, mapLocation } from '../store/connection-locations';
import type { Connection } from '../store/connections';
import { scheduleSync } from '../store/outbox';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { connectionOr404 } from './connection-or-404';
import {
  connectionParams,
  locationListSchema,
  mapLocationBody,
  presentLocation,
  connectionTags as tags,
} from './connection-schemas';
import { businessFromLocation, fillGoogleLink } from './location-business';

/** The platform's live list of what the grant can see, as a 409 when the platform cannot be reached. */
async function liveLocations(deps: AppDeps, connection: Connection) {
  const connector = connectorFor(deps.config, connection.platform);
  if (!connector || connection.status === 'disconnected') {
    throw new ApiError('CONFLICT', 'The connection is disconnected: connect again', {
      id: connection.status,
    });
  }
  try {
    return await withTokens(deps, connection.id, connector, (tokens) => connector.listLocations({ tokens }));
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    throw new ApiError('CONFLICT', `${connection.label} answered: ${error.message.slice(0, 200)}`, {
      platform: error.kind,
    });
  }
}

/** The locations a connection can see, and which business each one feeds. */
export function connectionLocationsApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/connections/{id}/locations',
      tags,
      security,
      summary: 'List the platform locations a connection can see',
      description: 'Asks the platform now; each location says which business it is mapped to (`businessId`).',
      middleware: [requireScope('connections:read')],
      request: { params: connectionParams },
      responses: {
        200: jsonResponse(locationListSchema, 'The locations'),
        409: errorResponses[400],
        ...errorResponses,
      },
    }),
    async (c) => {
      const connection = connectionOr404(deps, orgIdOf(c), c.req.valid('param').id);
      const stored = new Map(locationsOf(deps.db, connection.id).map((l) => [l.location.externalId, l]));
      const live = await liveLocations(deps, connection);
      const data = live.map((location) => {
        const known = stored.get(location.externalId);
        return known
          ? presentLocation({ ...known, location })
          : {
              ...presentLocation({
                id: '',
                connectionId: connection.id,
                organizationId: connection.organizationId,
                location,
                businessId: null,
                lastSeenUpdateTime: null,
                lastFullReadAt: null,
              }),
              id: null,
            };
      });
      return c.json({ data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/connections/{id}/locations',
      tags,
      security,
      summary: 'Map a platform location to a business',
      description:
        'Its reviews then sync into that business (`businessId`), into a new business made from the location ' +
        '(`createBusiness: true`, made as POST /businesses makes one: within the organization’s business cap, ' +
        'else 409), or stop syncing (`businessId: null`). Google’s place id fills in the business’s review ' +
        'link when it has none. The next sync is queued at once.',
      middleware: [requireScope('connections:write')],
      request: { params: connectionParams, body: jsonBody(mapLocationBody) },
      responses: {
        200: jsonResponse(locationListSchema, 'The mapped locations'),
        409: errorResponses[400],
        ...errorResponses,
      },
    }),
    async (c) => {
      const orgId = orgIdOf(c);
      const body = c.req.valid('json');
      const connection = connectionOr404(deps, orgId, c.req.valid('param').id);
      const business = body.businessId ? getBusiness(deps.db, orgId, body.businessId) : undefined;
      if (body.businessId && !business) {
        throw new ApiError('VALIDATION_ERROR', 'Unknown business', { businessId: 'no such business' });
      }
      const connector = connectorFor(deps.config, connection.platform);
      const location = (await liveLocations(deps, connection)).find((l) => l.externalId === body.externalId);
      if (!location) {
        throw new ApiError('VALIDATION_ERROR', 'The connection cannot see that location', {
          externalId: 'not among GET /connections/{id}/locations',
        });
      }
      deps.db.transaction(() => {
        const target = body.createBusiness ? businessFromLocation(deps, orgId, location) : business;
        if (target) fillGoogleLink(deps, orgId, target, location);
        mapLocation(deps.db, deps.clock, {
          connectionId: connection.id,
          organizationId: orgId,
          location,
          businessId: target?.id ?? null,
          replyUrl: replyUrlOf(connector, location),
        });
        if (target && connection.status === 'active')
          scheduleSync(deps.db, deps.clock, connection.id, isoNow(deps.clock));
      })();
      return c.json({ data: locationsOf(deps.db, connection.id).map(presentLocation) }, 200);
    },
  );

  return app;
}
