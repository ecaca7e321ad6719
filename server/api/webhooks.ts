import { createRoute } from '@hono/zod-openapi';
import { webhookUrlProblem } from '../delivery/ssrf';
import { unsupportedEventsProblem } from '../delivery/webhook-formats';
import { newWebhookSecret } from '../delivery/webhook-signing';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import {
  deleteEndpoint,
  getEndpoint,
  insertEndpoint,
  listEndpoints,
  updateEndpoint,
} from '../store/webhooks';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import {
  createWebhookBody,
  presentWebhook,
  updateWebhookBody,
  webhookSchema,
  webhookWithSecretSchema,
} from './webhook-schemas';

const tags = ['Webhooks'];
const params = idParam('Webhook', 'wh_3kTz9QwErTyUiOpA');
const read = [requireScope('webhooks:read')];
const write = [requireScope('webhooks:write')];

/** `/webhooks`: endpoints that receive signed events (Standard Webhooks); see webhook-actions.ts for the rest. */
export function webhooksApi(deps: AppDeps) {
  const app = newRouter();
  const checkUrl = (url: string) => {
    const problem = webhookUrlProblem(url, deps.config.webhooksAllowPrivate);
    if (problem) throw new ApiError('VALIDATION_ERROR', 'Invalid webhook URL', { url: problem });
  };
  // A product's format carries only its own events: a subscription that could never be delivered is refused.
  const checkEvents = (format: string, events: string[]) => {
    const problem = unsupportedEventsProblem(format, events);
    if (problem) throw new ApiError('VALIDATION_ERROR', problem, { events: problem });
  };
  const endpointOf = (orgId: string, id: string) => {
    const endpoint = getEndpoint(deps.db, orgId, id);
    if (!endpoint) throw notFound('Webhook');
    return endpoint;
  };
  const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
    createRoute({ tags, security, ...config });

  app.openapi(
    route({
      method: 'post',
      path: '/webhooks',
      summary: 'Create a webhook endpoint (the secret is shown once)',
      middleware: write,
      request: { body: jsonBody(createWebhookBody) },
      responses: { 201: jsonResponse(webhookWithSecretSchema, 'Created'), ...errorResponses },
    }),
    (c) => {
      const input = c.req.valid('json');
      checkUrl(input.url);
      checkEvents(input.format ?? 'standard', input.events);
      const secret = newWebhookSecret();
      const endpoint = insertEndpoint(
        deps.db,
        deps.clock,
        orgIdOf(c),
        {
          url: input.url,
          events: input.events,
          description: input.description ?? null,
          enabled: input.enabled ?? true,
          format: input.format ?? 'standard',
        },
        secret,
      );
      return c.json({ ...presentWebhook(endpoint, deps.clock()), secret }, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/webhooks',
      summary: 'List webhook endpoints',
      middleware: read,
      request: { query: paginationQuery },
      responses: { 200: jsonResponse(paginatedSchema(webhookSchema), 'Endpoints'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listEndpoints(deps.db, orgIdOf(c), pageWindow(query));
      return c.json(
        paginated(
          items.map((e) => presentWebhook(e, deps.clock())),
          total,
          query,
        ),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/webhooks/{id}',
      summary: 'Get a webhook endpoint',
      middleware: read,
      request: { params },
      responses: { 200: jsonResponse(webhookSchema, 'The endpoint'), ...errorResponses },
    }),
    (c) => c.json(presentWebhook(endpointOf(orgIdOf(c), c.req.valid('param').id), deps.clock()), 200),
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/webhooks/{id}',
      summary: 'Update a webhook endpoint (enabled: true re-enables one a 410 disabled)',
      middleware: write,
      request: { params, body: jsonBody(updateWebhookBody) },
      responses: { 200: jsonResponse(webhookSchema, 'Updated'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = endpointOf(orgId, c.req.valid('param').id);
      const input = c.req.valid('json');
      if (input.url) checkUrl(input.url);
      checkEvents(input.format ?? current.format, input.events ?? current.events);
      const updated = updateEndpoint(deps.db, deps.clock, orgId, current.id, {
        url: input.url ?? current.url,
        events: input.events ?? current.events,
        description: input.description !== undefined ? input.description : current.description,
        enabled: input.enabled ?? current.enabled,
        format: input.format ?? current.format,
      });
      return c.json(presentWebhook(updated!, deps.clock()), 200);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/webhooks/{id}',
      summary: 'Delete a webhook endpoint and its delivery log',
      middleware: write,
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    (c) => {
      if (!deleteEndpoint(deps.db, orgIdOf(c), c.req.valid('param').id)) throw notFound('Webhook');
      return c.body(null, 204);
    },
  );

  return app;
}
