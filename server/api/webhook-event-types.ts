import { createRoute, z } from '@hono/zod-openapi';
import { TEST_EVENT, WEBHOOK_EVENTS } from '../delivery/webhook-events';
import { requireScope } from '../http/auth';
import { newRouter } from '../http/router';
import { errorResponses, jsonResponse, security } from './common-schemas';

const eventTypesSchema = z
  .object({
    data: z.array(z.string()).openapi({ description: 'Every event an endpoint can subscribe to' }),
    all: z.literal('*').openapi({ description: 'Subscribes to every event, including ones added later' }),
    test: z
      .string()
      .openapi({ description: 'What `POST /webhooks/{id}/test` sends, whatever is subscribed' }),
  })
  .openapi('WebhookEventTypes');

/** `GET /webhook-events`: the event types a webhook can subscribe to, so clients need not hard-code them. */
export function webhookEventTypesApi() {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/webhook-events',
      tags: ['Webhooks'],
      security,
      summary: 'List the event types a webhook endpoint can subscribe to',
      middleware: [requireScope('webhooks:read')],
      responses: { 200: jsonResponse(eventTypesSchema, 'Event types'), ...errorResponses },
    }),
    (c) => c.json({ data: [...WEBHOOK_EVENTS], all: '*' as const, test: TEST_EVENT }, 200),
  );
  return app;
}
