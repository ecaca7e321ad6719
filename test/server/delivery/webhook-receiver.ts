import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; verified: unknown };

/**
 * A loopback webhook receiver. Every request is checked with the reference `standardwebhooks` verifier
 * against `secrets()` (any one may match). Paths: `/gone` 410, `/redirect` 302, `/slow` never answers,
 * `/flaky` 500 then 200, anything else 200.
 */
export async function startReceiver(secrets: () => string[]) {
  const received: Received[] = [];
  let flaky = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      let verified: unknown;
      for (const secret of secrets()) {
        try {
          verified = new Webhook(secret).verify(body, req.headers as Record<string, string>);
          break;
        } catch {
          // try the next secret
        }
      }
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body, verified });
      if (path === '/slow') return;
      if (path === '/gone') return void res.writeHead(410).end();
      if (path === '/redirect') return void res.writeHead(302, { location: '/ok' }).end();
      if (path === '/flaky' && flaky++ === 0) return void res.writeHead(500).end();
      res.writeHead(verified ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
