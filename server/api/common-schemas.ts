import { z } from '@hono/zod-openapi';
import type { IdPrefix } from '../domain/ids';

export const errorSchema = z
  .object({
    error: z.string().openapi({ example: 'Request validation failed' }),
    code: z.string().openapi({ example: 'VALIDATION_ERROR' }),
    details: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Error');

export const errorContent = { 'application/json': { schema: errorSchema } };

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'Validation error', content: errorContent },
  401: { description: 'Missing, invalid or revoked API key', content: errorContent },
  403: { description: 'The key lacks the scope', content: errorContent },
  404: { description: 'Not found (or another organization’s)', content: errorContent },
  429: { description: 'Rate limit exceeded', content: errorContent },
} as const;

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const idParam = (name: string, example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, example, description: `${name} id` }),
  });

/**
 * An id of one kind in a body or a query (`businessId: "biz_…"`). Empty, blank or another kind's id is a 400
 * naming the field, before any store sees it (an empty string used to reach a foreign key and answer 500);
 * a well-formed id that is unknown or another organization's stays the route's own 404 or 400.
 */
export const idOf = (prefix: IdPrefix) =>
  z
    .string()
    .max(64)
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]+$`), `must be a ${prefix}_… id`)
    .openapi({ example: `${prefix}_3kTz9QwErTyUiOpA` });

/** A comma-separated query list (`?tags=a,b`): trimmed, empty items dropped, each ≤ 50 chars, at most `max`. */
export const commaListQuery = (max: number) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(50)).max(max));

/** `true`/`false` query flags. */
export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** An API key, or a person's session cookie (each route takes either). */
export const security: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];
