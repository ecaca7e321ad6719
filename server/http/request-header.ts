import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';

type NodeBindings = { incoming?: IncomingMessage };

/** Node's own request, when Node serves this one (`@hono/node-server` passes it as `c.env.incoming`). */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  return (c.env as NodeBindings | undefined)?.incoming;
}

/**
 * A request header, by its lowercase name. Served by Node, it is read from Node's own parsed headers: the
 * first `c.req.header()` of a request makes the Node adapter build a web `Headers` for the whole request,
 * which measured about a fifth of the throughput of a small cached response. Anywhere else (`app.request`
 * in tests, other runtimes) it asks Hono. Repeated headers read as one comma-joined value either way.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = nodeIncoming(c);
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** One cookie of the request, read as `requestHeader` reads headers. */
export function requestCookie(c: Context, name: string): string | undefined {
  const header = requestHeader(c, 'cookie');
  return header ? parse(header, name)[name] : undefined;
}
