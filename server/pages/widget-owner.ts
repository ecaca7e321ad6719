import type { Context } from 'hono';

/** `GET /widget`: the old widget builder; the dashboard's widget page replaced it. */
export function widgetOwnerRedirect(c: Context): Response {
  return c.redirect('/dashboard/widget', 302);
}
