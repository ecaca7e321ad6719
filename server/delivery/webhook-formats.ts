import { embedMyReviewsFormat } from '../compat/embedmyreviews/webhook-format';
import { ratingsRiseFormat } from '../compat/ratingsrise/webhook-format';
import { type Clock, isoNow } from '../domain/clock';
import type { Db } from '../store/db';
import { webhookHeaders } from './webhook-signing';

/** One event as Plaudit raises it, before any product's format shapes it. */
export type WebhookEvent = { type: string; data: unknown; organizationId: string };

/**
 * How an endpoint receives events: the body it gets for a native event and the headers that sign it.
 * Plaudit's own format is Standard Webhooks; a compat router (DESIGN §13) adds the format of the product whose
 * integrations it accepts, so their receivers keep verifying signatures and reading fields unchanged.
 */
export type WebhookFormat = {
  /** The native events it has a counterpart for; absent: every one. Subscribing to another is refused. */
  events?: readonly string[];
  /** The body for `event`, or undefined when the product has no counterpart of it (nothing is sent). */
  body(event: WebhookEvent, context: { db: Db; clock: Clock }): string | undefined;
  /** The headers of one attempt; `secrets` holds two during a rotation's grace period. */
  headers(input: {
    id: string;
    timestampSeconds: number;
    body: string;
    secrets: string[];
  }): Record<string, string>;
};

/** Standard Webhooks: `{ type, timestamp, data }`, signed in `webhook-signature`. */
export const standardFormat: WebhookFormat = {
  body: (event, { clock }) =>
    JSON.stringify({ type: event.type, timestamp: isoNow(clock), data: event.data }),
  headers: webhookHeaders,
};

/** Every format an endpoint may choose, by the name stored on the endpoint. Each compat format adds its line. */
export const WEBHOOK_FORMATS = {
  standard: standardFormat,
  ratingsrise: ratingsRiseFormat,
  embedmyreviews: embedMyReviewsFormat,
} satisfies Record<string, WebhookFormat>;

export type WebhookFormatName = keyof typeof WEBHOOK_FORMATS;
export const WEBHOOK_FORMAT_NAMES = Object.keys(WEBHOOK_FORMATS) as [
  WebhookFormatName,
  ...WebhookFormatName[],
];

/** Why an endpoint of `format` cannot carry `events` (they would never be sent), or undefined when it can. */
export function unsupportedEventsProblem(format: string, events: string[]): string | undefined {
  const carried = webhookFormat(format).events;
  const missing = carried ? events.filter((event) => event !== '*' && !carried.includes(event)) : [];
  if (!missing.length) return undefined;
  return `The ${format} format has no ${missing.join(', ')} event: Plaudit sends an endpoint of this format only ${carried?.join(', ')}`;
}

/** The format of an endpoint; an unknown name (a format removed from the code) falls back to the standard. */
export function webhookFormat(name: string): WebhookFormat {
  return (WEBHOOK_FORMATS as Record<string, WebhookFormat>)[name] ?? standardFormat;
}
