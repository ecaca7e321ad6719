import crypto from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// The reference's Node.js verification, verbatim (ratingsrise-api.txt, "Signature Verification").
function verifyWebhookSignature(payload: string, signature: string, secret: string): boolean {
  const expected = crypto.createHmac('sha256', secret).update(payload, 'utf-8').digest('hex');
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

export type Delivery = { event: any; rawBody: string; signature: string; verified: boolean };

/**
 * A loopback stand-in for the customer's `app.post("/webhooks/ratingsrise", …)` handler of the reference: the
 * body parsed as Express's JSON middleware would, re-serialized with `JSON.stringify(req.body)` as the
 * reference does, and checked with its verifier; 401 on a bad signature, else 200 `{ received: true }`.
 */
export async function startRatingsRiseReceiver(secret: () => string) {
  const deliveries: Delivery[] = [];
  const server = createServer((req: IncomingMessage & { body?: unknown }, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      req.body = JSON.parse(raw);
      const signature = req.headers['x-ratingsrise-signature'] as string;
      const rawBody = JSON.stringify(req.body);
      let verified = false;
      try {
        verified = verifyWebhookSignature(rawBody, signature, secret());
      } catch {
        // timingSafeEqual throws on a signature of the wrong length: that is a bad signature too.
      }
      deliveries.push({ event: req.body, rawBody: raw, signature, verified });
      res.writeHead(verified ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(verified ? { received: true } : { error: 'Invalid signature' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/ratingsrise`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
