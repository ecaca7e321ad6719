import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in received, with its body read as form fields and as JSON where it parses. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  form: Record<string, string>;
  json: unknown;
};

export type StandInReply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A failure to serve instead of the normal answer: `times` requests (default 1) matching `match` (default
 * all) get `status`, with `retryAfter` as the Retry-After header and `body` or the platform's error body.
 */
export type Failure = {
  status: number;
  retryAfter?: string;
  body?: unknown;
  times?: number;
  match?: (request: RecordedRequest) => boolean;
};

/**
 * A real HTTP server on loopback that records every request, serves queued failures first, and otherwise
 * answers through `route`. Platform stand-ins are built on it.
 */
export async function startHttpStandIn(
  route: (request: RecordedRequest) => StandInReply | Promise<StandInReply>,
  errorBody: (status: number) => unknown,
) {
  const requests: RecordedRequest[] = [];
  const failures: (Failure & { times: number })[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(body))
        : {};
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        form,
        json,
      };
      requests.push(request);
      let reply: StandInReply;
      const failure = failures.find((f) => f.times > 0 && (!f.match || f.match(request)));
      if (failure) {
        failure.times -= 1;
        reply = {
          status: failure.status,
          body: failure.body ?? errorBody(failure.status),
          headers: failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
        };
      } else {
        try {
          reply = await route(request);
        } catch (error) {
          reply = { status: 500, body: { error: String(error) } };
        }
      }
      const headers: Record<string, string> = { ...reply.headers };
      if (reply.body !== undefined) headers['content-type'] = 'application/json';
      res.writeHead(reply.status, headers);
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Queues a failure (401, 429 with Retry-After, 500 …) for the next matching request(s). */
    fail(failure: Failure) {
      failures.push({ ...failure, times: failure.times ?? 1 });
    },
    /** The requests whose path matches, in order. */
    requestsTo(path: string | RegExp, method?: string) {
      return requests.filter(
        (r) =>
          (typeof path === 'string' ? r.path === path : path.test(r.path)) &&
          (!method || r.method === method),
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type HttpStandIn = Awaited<ReturnType<typeof startHttpStandIn>>;

/** The consent screen of a stand-in: approves at once and sends the browser back with a code. */
export function approve(redirectUri: string, code: string, state: string | undefined): StandInReply {
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  if (state !== undefined) back.searchParams.set('state', state);
  return { status: 302, headers: { location: back.toString() } };
}

/** Opens a consent URL like a browser and returns where the stand-in's consent screen sent it back. */
export async function followConsent(url: URL): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status !== 302)
    throw new Error(`The consent screen answered ${response.status}, not a redirect`);
  return new URL(response.headers.get('location')!);
}
