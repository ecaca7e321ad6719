import type { Context, TypedResponse } from 'hono';

/**
 * A 200 answer whose body is already JSON text (a list page SQLite serialized), sent as it is. Typed as the
 * route's JSON answer `T`: the text is built to that schema, and the route's tests read it back through it.
 */
export function jsonText<T>(c: Context, text: string) {
  return c.body(text, 200, { 'Content-Type': 'application/json' }) as unknown as Response &
    TypedResponse<T, 200, 'json'>;
}
