import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, zodDetails } from '../../http/errors';

/** zod's issues by field, an unknown key named as itself (zod files those under the parent object). */
function detailsOf(error: z.ZodError, unknownLabel: string): Record<string, string> {
  const details = zodDetails(error);
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = issue.path.length ? `${issue.path.join('.')}.` : '';
    for (const key of issue.keys) details[`${parent}${key}`] = unknownLabel;
    if (details._ === issue.message) delete details._;
  }
  return details;
}

/** The query string read through `schema` (strict: an undocumented parameter is a 400 naming it). */
export function queryOf<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  throw new ApiError(
    'VALIDATION_ERROR',
    'Invalid query parameters',
    detailsOf(parsed.error, 'not a documented parameter'),
  );
}

/** The JSON body read through `schema`; malformed JSON is a 400 too. */
export async function bodyOf<T extends z.ZodTypeAny>(c: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json());
  if (parsed.success) return parsed.data;
  throw new ApiError(
    'VALIDATION_ERROR',
    'Invalid request body',
    detailsOf(parsed.error, 'not a documented field'),
  );
}
