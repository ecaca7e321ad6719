import type { Context } from 'hono';
import { z } from 'zod';
import { fromZod, invalid, invalidField } from './errors';

/**
 * The request body as the product accepts it: JSON, a urlencoded form (`curl -d`) or multipart (`curl -F`).
 * Form values are strings or files; fields the product does not know are ignored, as the product does.
 */
export async function bodyOf(c: Context): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.includes('application/json')) {
    const text = await c.req.text();
    if (!text.trim()) return {};
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw invalidField('body', 'The body must be a JSON object.');
    }
    return parsed as Record<string, unknown>;
  }
  if (type.includes('form')) return (await c.req.parseBody()) as Record<string, unknown>;
  return {};
}

/** Parses with zod, answering the product's 422 on failure. */
export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZod(result.error);
  return result.data;
}

/** An integer sent as a JSON number or a form string ("5"), within bounds. */
export const intField = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z
      .number({ message: 'must be an integer' })
      .int({ message: 'must be an integer' })
      .min(min, { message: `must be at least ${min}` })
      .max(max, { message: `must not be greater than ${max}` }),
  );

/** Answers "The x field is required." for each listed field that is absent or blank. */
export function requireFields(body: Record<string, unknown>, fields: string[]): void {
  const missing = fields.filter(
    (field) => body[field] === undefined || body[field] === null || body[field] === '',
  );
  if (missing.length) {
    throw invalid(
      Object.fromEntries(
        missing.map((field) => [field, [`The ${field.replace(/_/g, ' ')} field is required.`]]),
      ),
    );
  }
}

/** A string of at most `max` characters (the product's `max:255`). */
export const textField = (max: number) =>
  z
    .string({ message: 'must be a string' })
    .trim()
    .max(max, { message: `must not be greater than ${max} characters` });

/** A `Y-m-d` date. */
export const dateField = z
  .string({ message: 'must be a date' })
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    message: 'must be a valid date in the format Y-m-d',
  });

/** A boolean as JSON or a form ("1", "true"). */
export const boolField = z.preprocess(
  (value) => (value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : value),
  z.boolean({ message: 'must be true or false' }),
);

/** The `page` query parameter (default 1). */
export function pageOf(c: Context): number {
  const raw = c.req.query('page');
  if (raw === undefined) return 1;
  return parse(z.object({ page: intField(1, 1_000_000) }), { page: raw }).page;
}
