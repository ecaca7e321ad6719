import { createRoute, z } from '@hono/zod-openapi';
import { enqueueDelivery, TEST_EVENT } from '../delivery/webhook-events';
import { newWebhookSecret } from '../delivery/webhook-signing';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { insertOutboxJob } from '../store/outbox';
import { getDelivery, listDeliveries, setDeliveryStatus } from '../store/webhook-deliveries';
import { getEndpoint, rotateEndpointSecret } from '../store/webhooks';
import { errorResponses, idParam, jsonResponse, security } from './common-schemas';
import { PAYLOAD_PII, personal, withPiiNote } from './pii';
import { deliverySchema, presentDelivery, presentWebhook, webhookWithSecretSchema } from './webhook-schemas';

const tags = ['Webhooks'];
const params = idParam('Webhook', 'wh_3kTz9QwErTyUiOpA');
const ROTATION_GRACE_MS = 24 * 3_600_000;
const read = [requireScope('webhooks:read')];
const write = [requireScope('webhooks:write')];
const accepted = z.object({ deliveryId: z.string() });

/** `/webhooks/{id}/…`: rotate the secret, send a test event, the delivery log and redelivery. */
export function webhookActionsApi(deps: AppDeps) {
  const app = newRouter();
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
      path: '/webhooks/{id}/rotate-secret',
      summary: 'Rotate the signing secret; the old one keeps signing alongside for 24 hours',
      middleware: write,
      request: { params },
      responses: {
        200: jsonResponse(webhookWithSecretSchema, 'The new secret, shown once'),
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = endpointOf(orgId, c.req.valid('param').id);
      const secret = newWebhookSecret();
      const grace = new Date(deps.clock().getTime() + ROTATION_GRACE_MS).toISOString();
      const rotated = rotateEndpointSecret(deps.db, deps.clock, orgId, current.id, secret, grace);
      return c.json({ ...presentWebhook(rotated!, deps.clock()), secret }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/webhooks/{id}/test',
      summary: `Send a ${TEST_EVENT} event to the endpoint`,
      middleware: write,
      request: { params },
      responses: { 202: jsonResponse(accepted, 'Queued'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const endpoint = endpointOf(orgId, c.req.valid('param').id);
      const deliveryId = enqueueDelivery(deps.db, deps.clock, endpoint, TEST_EVENT, {
        webhookId: endpoint.id,
        message: 'It works',
      });
      if (!deliveryId) {
        throw new ApiError('CONFLICT', `This endpoint's ${endpoint.format} format has no test event`);
      }
      return c.json({ deliveryId }, 202);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/webhooks/{id}/deliveries',
      summary: 'List deliveries with every attempt (time, outcome, response code, latency)',
      description: withPiiNote('The payload is redacted as the event’s resources are.'),
      middleware: read,
      request: { params, query: paginationQuery },
      responses: {
        200: jsonResponse(paginatedSchema(deliverySchema), 'Deliveries, newest first'),
        ...errorResponses,
      },
    }),
    (c) => {
      const endpoint = endpointOf(orgIdOf(c), c.req.valid('param').id);
      const query = c.req.valid('query');
      const { items, total } = listDeliveries(deps.db, endpoint.id, pageWindow(query));
      const shown = personal(c, items.map(presentDelivery), PAYLOAD_PII);
      return c.json(paginated(shown, total, query), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      summary: 'Deliver an event again (same webhook-id)',
      middleware: write,
      request: { params: params.extend({ deliveryId: z.string().min(1).max(64) }) },
      responses: { 202: jsonResponse(accepted, 'Queued'), ...errorResponses },
    }),
    (c) => {
      const { id, deliveryId } = c.req.valid('param');
      const endpoint = endpointOf(orgIdOf(c), id);
      const delivery = getDelivery(deps.db, endpoint.id, deliveryId);
      if (!delivery) throw notFound('Delivery');
      deps.db.transaction(() => {
        setDeliveryStatus(deps.db, deps.clock, delivery.id, 'pending');
        insertOutboxJob(deps.db, deps.clock, { kind: 'webhook', refId: delivery.id });
      })();
      return c.json({ deliveryId: delivery.id }, 202);
    },
  );

  return app;
}
