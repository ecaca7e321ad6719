import type { WebhookFormatName } from '../../api/settings';

/**
 * One line per format the server accepts, in the order offered. Typed against the server's enum, so a format
 * a compat router adds fails the typecheck here until it is described.
 */
export const FORMAT_NOTES = {
  standard: 'Standard: Plaudit’s own events, signed the Standard Webhooks way. Choose this for anything new.',
  ratingsrise:
    'RatingsRise: for integrations written for RatingsRise (its event names, X-RatingsRise-Signature).',
  embedmyreviews: 'EmbedMyReviews: for integrations written for EmbedMyReviews (its events and payloads).',
} satisfies Record<WebhookFormatName, string>;

/** The formats, standard first. */
export const FORMATS = Object.keys(FORMAT_NOTES) as WebhookFormatName[];

/** The short name of a format (the words before the colon of its note). */
export const formatName = (format: string) =>
  (FORMAT_NOTES as Record<string, string>)[format]?.split(':')[0] ?? format;
