import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TwilioCall = { path: string; headers: IncomingMessage['headers']; form: Record<string, string> };

/** A loopback HTTP server playing the Twilio Messages API; `answer` picks the response per call. */
export async function startTwilioPeer(
  answer?: (form: Record<string, string>) => { status: number; body: unknown } | undefined,
) {
  const calls: TwilioCall[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      calls.push({ path: req.url ?? '', headers: req.headers, form });
      const chosen = answer?.(form) ?? {
        status: 201,
        body: { sid: `SM${String(++counter).padStart(32, '0')}`, status: 'queued' },
      };
      res.writeHead(chosen.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(chosen.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Config overrides that point Plaudit's Twilio transport at a peer (its base URL). */
export const twilioConfig = (baseUrl: string) => ({
  twilio: {
    accountSid: 'AC0123456789',
    authToken: 'secret-token',
    from: '+15005550006',
    whatsappFrom: '+15005550007',
    baseUrl,
  },
});
