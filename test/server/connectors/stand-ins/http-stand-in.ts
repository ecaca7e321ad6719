import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
};

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** An injected failure: the next `times` requests (default 1) get this status instead of their answer. */
export type Failure = { status: 429 | 500 | 502 | 503; retryAfter?: string; times?: number };

/**
 * A loopback HTTP server for a platform stand-in: records every request, plays injected failures first
 * (`failNext`), then hands the request to `route`; an unknown path is a 404.
 */
export async function startHttpStandIn(
  route: (request: RecordedRequest) => Answer | null,
  failureBody: (status: number) => unknown,
) {
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
      };
      requests.push(request);
      let answer: Answer;
      const failure = failures[0];
      if (failure) {
        failure.times = (failure.times ?? 1) - 1;
        if (failure.times <= 0) failures.shift();
        answer = {
          status: failure.status,
          body: failureBody(failure.status),
          headers: failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
        };
      } else {
        answer = route(request) ?? { status: 404, body: failureBody(404) };
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Makes the next request(s) fail with this status (and `Retry-After`, when given). */
    failNext(failure: Failure) {
      failures.push({ ...failure });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
