import { createRoute, z } from '@hono/zod-openapi';
import {
  checkApiKey,
  createConnection,
  renewConnection,
  startConsent,
  usableConnector,
} from '../connectors/connect';
import { openTokens, sealTokens } from '../connectors/connection-tokens';
import { connectorFor } from '../connectors/engine-deps';
import { NAMED_PLACE_PLATFORMS, withPlaceSettings } from '../connectors/place-settings';
import { isoNow } from '../domain/clock';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { disconnect, getConnection, listConnections, resealTokens } from '../store/connections';
import { cancelJobsFor, scheduleSync } from '../store/outbox';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { connectionOr404 } from './connection-or-404';
import {
  apiKeyBody,
  authorizeSchema,
  connectionParams,
  connectionSchema,
  placeSettingsBody,
  platformOf,
  platformParams,
  presentConnection,
  reconnectBody,
  reconnectSchema,
  connectionTags as tags,
} from './connection-schemas';

/** Connections to review platforms (DESIGN §11): connect, list, sync now, disconnect. */
export function connectionsApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/connections/{platform}/authorize',
      tags,
      security,
      summary: 'Start connecting a platform account (OAuth)',
      description:
        'Answers the provider’s consent URL (with `state`, and PKCE S256 where the provider supports it). ' +
        'Send the person there; the provider brings them back to `GET /connections/callback`. The URL works ' +
        'once, for 10 minutes.',
      middleware: [requireScope('connections:write')],
      request: { params: platformParams },
      responses: { 200: jsonResponse(authorizeSchema, 'The consent URL'), ...errorResponses },
    }),
    (c) => {
      const auth = c.get('auth');
      const url = startConsent(deps, {
        organizationId: orgIdOf(c),
        platform: platformOf(c.req.valid('param').platform),
        startedBy: auth.userId ?? auth.keyId ?? 'unknown',
      });
      return c.json({ url: url.toString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/connections/{platform}',
      tags,
      security,
      summary: 'Connect a platform with an API key (Yelp, Tripadvisor)',
      description:
        'The key is first tried with one cheap platform call (400 with the platform’s answer when refused), then ' +
        'stored encrypted; the first sync is queued at once.',
      middleware: [requireScope('connections:write')],
      request: { params: platformParams, body: jsonBody(apiKeyBody) },
      responses: { 201: jsonResponse(connectionSchema, 'Connected'), ...errorResponses },
    }),
    async (c) => {
      const platform = platformOf(c.req.valid('param').platform);
      const connector = usableConnector(deps, platform, 'api_key');
      const { apiKey, ...places } = c.req.valid('json');
      const tokens = withPlaceSettings(platform, { accessToken: apiKey }, places);
      await checkApiKey(deps, connector, tokens);
      const connection = createConnection(deps, { organizationId: orgIdOf(c), platform, tokens });
      return c.json(presentConnection(deps, connection), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/connections/{id}/reconnect',
      tags,
      security,
      summary: 'Reconnect a connection (new consent or key), keeping its location mappings',
      description:
        'OAuth platforms: answers a consent URL bound to this connection; its callback gives this connection the ' +
        'new tokens instead of making a second one. API-key platforms: send the new `apiKey`; it is tried like on ' +
        'POST /connections/{platform}. Either way the connection is active again, its mappings and named places ' +
        'kept, and a sync is queued.',
      middleware: [requireScope('connections:write')],
      request: {
        params: connectionParams,
        body: { required: false, content: { 'application/json': { schema: reconnectBody } } },
      },
      responses: {
        200: jsonResponse(reconnectSchema, 'The consent URL, or the connection'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const orgId = orgIdOf(c);
      const connection = connectionOr404(deps, orgId, c.req.valid('param').id);
      const connector = connectorFor(deps.config, connection.platform);
      if (connector?.auth === 'oauth') {
        const auth = c.get('auth');
        const url = startConsent(deps, {
          organizationId: orgId,
          platform: connection.platform,
          startedBy: auth.userId ?? auth.keyId ?? 'unknown',
          connectionId: connection.id,
        });
        return c.json({ url: url.toString() }, 200);
      }
      const usable = usableConnector(deps, connection.platform, 'api_key');
      const apiKey = (c.req.valid('json') as { apiKey?: string } | undefined)?.apiKey;
      if (!apiKey) {
        throw new ApiError('VALIDATION_ERROR', `${connection.label} reconnects with a new apiKey`, {
          apiKey: 'required',
        });
      }
      const tokens = { accessToken: apiKey };
      await checkApiKey(deps, usable, tokens);
      const renewed = renewConnection(deps, { organizationId: orgId, connectionId: connection.id, tokens });
      return c.json({ connection: presentConnection(deps, renewed) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/connections/{id}',
      tags,
      security,
      summary: 'Name the places a connection watches (Yelp, Tripadvisor, Trustpilot)',
      description:
        'An API key sees every place on Yelp and Tripadvisor, and Trustpilot lists no business units for a user: ' +
        'name yours here, then map them with PUT …/locations. Fields left out keep their value.',
      middleware: [requireScope('connections:write')],
      request: { params: connectionParams, body: jsonBody(placeSettingsBody) },
      responses: { 200: jsonResponse(connectionSchema, 'Updated'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const connection = connectionOr404(deps, orgId, c.req.valid('param').id);
      if (!NAMED_PLACE_PLATFORMS.includes(connection.platform)) {
        throw new ApiError(
          'VALIDATION_ERROR',
          `${connection.label} lists the locations the grant can see: there are no places to name`,
          { places: `not used by ${connection.platform}` },
        );
      }
      const tokens = openTokens(deps, connection.id);
      if (!tokens) throw new ApiError('CONFLICT', 'This connection is disconnected: connect again');
      const updated = withPlaceSettings(connection.platform, tokens, c.req.valid('json'));
      resealTokens(deps.db, deps.clock, orgId, connection.id, sealTokens(deps, connection.id, updated));
      return c.json(presentConnection(deps, getConnection(deps.db, orgId, connection.id)!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/connections',
      tags,
      security,
      summary: 'List platform connections',
      description: 'Each with its status, its locations and its newest sync runs.',
      middleware: [requireScope('connections:read')],
      responses: {
        200: jsonResponse(z.object({ data: z.array(connectionSchema) }), 'The connections'),
        ...errorResponses,
      },
    }),
    (c) => c.json({ data: listConnections(deps.db, orgIdOf(c)).map((x) => presentConnection(deps, x)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/connections/{id}',
      tags,
      security,
      summary: 'Get a platform connection',
      middleware: [requireScope('connections:read')],
      request: { params: connectionParams },
      responses: { 200: jsonResponse(connectionSchema, 'The connection'), ...errorResponses },
    }),
    (c) => {
      const connection = connectionOr404(deps, orgIdOf(c), c.req.valid('param').id);
      return c.json(presentConnection(deps, connection), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/connections/{id}/sync',
      tags,
      security,
      summary: 'Sync a connection now',
      description: 'Moves the connection’s sync job to now (a sync already running is not started twice).',
      middleware: [requireScope('connections:write')],
      request: { params: connectionParams },
      responses: { 202: jsonResponse(connectionSchema, 'Sync queued'), ...errorResponses },
    }),
    (c) => {
      const connection = connectionOr404(deps, orgIdOf(c), c.req.valid('param').id);
      if (connection.status === 'active')
        scheduleSync(deps.db, deps.clock, connection.id, isoNow(deps.clock));
      return c.json(presentConnection(deps, connection), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/connections/{id}',
      tags,
      security,
      summary: 'Disconnect a platform',
      description:
        'Deletes the tokens and stops syncing (status `disconnected`); the reviews it brought stay.',
      middleware: [requireScope('connections:write')],
      request: { params: connectionParams },
      responses: { 200: jsonResponse(connectionSchema, 'Disconnected'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const id = c.req.valid('param').id;
      const done = deps.db.transaction(() => {
        if (!disconnect(deps.db, deps.clock, orgId, id)) return false;
        cancelJobsFor(deps.db, deps.clock, [id]);
        return true;
      })();
      if (!done) throw notFound('Connection');
      return c.json(presentConnection(deps, getConnection(deps.db, orgId, id)!), 200);
    },
  );

  return app;
}
