import type { z } from 'zod';
import type { deliverySchema, webhookSchema } from '../../server/api/webhook-schemas';
import { call } from '../api';

/** An API key as listed (never its secret). */
export type ApiKey = {
  id: string;
  organizationId: string | null;
  name: string;
  prefix: string;
  mode: 'live' | 'test';
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
export type NewKey = { name: string; mode: 'live' | 'test'; scopes: string[] };
export type Webhook = z.infer<typeof webhookSchema>;
export type WebhookDelivery = z.infer<typeof deliverySchema>;
export type WebhookFormatName = Webhook['format'];
export type WebhookInput = {
  url: string;
  events: string[];
  description?: string | null;
  enabled?: boolean;
  format?: WebhookFormatName;
};
type List<T> = {
  data: T[];
  pagination: { page: number; perPage: number; total: number; totalPages: number };
};

const id = (value: string) => encodeURIComponent(value);

/** The calls behind the settings screens: API keys and webhooks, as any API client makes them. */
export const settingsApi = {
  keys: () => call<List<ApiKey>>('GET', '/keys?perPage=100'),
  createKey: (body: NewKey) => call<ApiKey & { secret: string }>('POST', '/keys', body),
  revokeKey: (keyId: string) => call<ApiKey>('DELETE', `/keys/${id(keyId)}`),
  webhooks: () => call<List<Webhook>>('GET', '/webhooks?perPage=100'),
  webhook: (webhookId: string) => call<Webhook>('GET', `/webhooks/${id(webhookId)}`),
  eventTypes: () => call<{ data: string[]; all: '*'; test: string }>('GET', '/webhook-events'),
  createWebhook: (body: WebhookInput) => call<Webhook & { secret: string }>('POST', '/webhooks', body),
  updateWebhook: (webhookId: string, patch: Partial<WebhookInput>) =>
    call<Webhook>('PATCH', `/webhooks/${id(webhookId)}`, patch),
  deleteWebhook: (webhookId: string) => call<void>('DELETE', `/webhooks/${id(webhookId)}`),
  rotateSecret: (webhookId: string) =>
    call<Webhook & { secret: string }>('POST', `/webhooks/${id(webhookId)}/rotate-secret`),
  testWebhook: (webhookId: string) => call<{ deliveryId: string }>('POST', `/webhooks/${id(webhookId)}/test`),
  deliveries: (webhookId: string) =>
    call<List<WebhookDelivery>>('GET', `/webhooks/${id(webhookId)}/deliveries?perPage=50`),
  redeliver: (webhookId: string, deliveryId: string) =>
    call<{ deliveryId: string }>('POST', `/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`),
};
