import { z } from '@hono/zod-openapi';

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;
type UpdateShape<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<WithoutDefault<T[K]>> };

/**
 * The body of a PATCH built from the create body: every field optional and none with a default.
 * `.partial()` keeps each field's `.default()`, so a PATCH naming one field used to fill in the others'
 * defaults (a campaign's steps reset, a paused campaign reactivated): a partial update changes only what it names.
 */
export function updateBodyOf<T extends z.ZodRawShape>(create: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([name, value]) => {
      const field = value as z.ZodType;
      const inner = field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : field;
      // The description often sits on the default wrapper; keep it for the OpenAPI document.
      const description = field.description ?? inner.description;
      const optional = inner.optional();
      return [name, description ? optional.describe(description) : optional];
    }),
  );
  return z.object(shape as unknown as UpdateShape<T>).strict();
}
