import type { Context } from 'hono';
import type { z } from 'zod';
import { validationError } from '../../http/errors';

/** The query string read through `schema` (strict: an undocumented parameter is a 400 naming it). */
export function queryOf<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw validationError(parsed.error, 'Invalid query parameters');
  return parsed.data;
}

/** The JSON body read through `schema`; malformed JSON is a 400 too. */
export async function bodyOf<T extends z.ZodTypeAny>(c: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json());
  if (!parsed.success) throw validationError(parsed.error, 'Invalid request body');
  return parsed.data;
}
