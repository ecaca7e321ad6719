import { z } from '@hono/zod-openapi';
import { circuitState } from '../delivery/webhook-circuit';
import { WEBHOOK_EVENTS } from '../delivery/webhook-events';
import { WEBHOOK_FORMAT_NAMES } from '../delivery/webhook-formats';
import type { WebhookAttempt, WebhookDelivery } from '../store/webhook-deliveries';
import type { WebhookEndpoint } from '../store/webhooks';
import { updateBodyOf } from './update-schema';

const eventName = z.enum([...WEBHOOK_EVENTS, '*']).openapi({ description: 'An event type, or * for all' });

const webhookFormatName = z.enum(WEBHOOK_FORMAT_NAMES).openapi({
  description:
    'The body and signature the endpoint receives: `standard` (Standard Webhooks, the default) or the format of a hosted product whose integrations point at Plaudit (docs/compat.md)',
});

export const createWebhookBody = z
  .object({
    url: z.string().max(2000).openapi({ example: 'https://crm.example.com/hooks/plaudit' }),
    events: z.array(eventName).min(1).max(20),
    description: z.string().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
    format: webhookFormatName.optional(),
  })
  .strict();

export const updateWebhookBody = updateBodyOf(createWebhookBody);

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    format: webhookFormatName,
    secretRotatedUntil: z
      .string()
      .nullable()
      .openapi({ description: 'The previous secret also signs until then' }),
    circuit: z
      .object({
        state: z.enum(['closed', 'open', 'half_open']),
        openUntil: z.string().nullable(),
        consecutiveFailures: z.number().int(),
      })
      .openapi({
        description:
          'The circuit breaker: after 5 attempts in a row without an answer (timeout, connection refused) it opens and deliveries wait until openUntil, spending no attempt; then one trial goes (half_open) and an answer closes it',
      }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');

export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z
      .string()
      .openapi({ description: 'whsec_…: shown only now', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
  })
  .openapi('WebhookWithSecret');

export const attemptSchema = z.object({
  attemptedAt: z.string(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  outcome: z.enum(['succeeded', 'failed']),
  error: z.string().nullable(),
});

export const deliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The webhook-id header of every attempt' }),
    eventType: z.string(),
    payload: z.unknown(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.array(attemptSchema),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

/** An endpoint as the API shows it: never its secret (that is shown once, at creation and rotation). */
export const presentWebhook = (e: WebhookEndpoint, now: Date) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  format: e.format as (typeof WEBHOOK_FORMAT_NAMES)[number],
  secretRotatedUntil: e.previousSecretExpiresAt,
  circuit: {
    state: circuitState(e.circuit, now),
    openUntil: e.circuit.openUntil,
    consecutiveFailures: e.circuit.failures,
  },
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export const presentDelivery = (d: WebhookDelivery & { attempts: WebhookAttempt[] }) => ({
  id: d.id,
  eventType: d.eventType,
  payload: JSON.parse(d.payload) as unknown,
  status: d.status,
  attempts: d.attempts,
  createdAt: d.createdAt,
});
