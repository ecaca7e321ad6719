import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { clientIp } from '../../../server/http/rate-limit';
import { setup } from '../helpers';

/** What @hono/node-server passes as `c.env`: Node's request, read by `requestHeader` and `clientIp`. */
const fromSocket = (headers: Record<string, string>) => ({
  incoming: { socket: { remoteAddress: '10.0.0.9' }, headers },
});

async function ipSeen(trustedProxies: number, forwardedFor?: string) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientIp(c, trustedProxies)));
  const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  return (await app.request('/', { headers }, fromSocket(headers))).text();
}

describe('client IP behind a proxy', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    expect(await ipSeen(0, '1.2.3.4')).toBe('10.0.0.9');
  });

  it('takes the address the trusted proxy appended, the rightmost, or the Nth from the right', async () => {
    expect(await ipSeen(1, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(1, '203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(2, '6.6.6.6, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await ipSeen(2, '6.6.6.6,203.0.113.7 ,10.0.0.2')).toBe('203.0.113.7');
  });

  it('falls back to the socket when the header has fewer entries than proxies', async () => {
    expect(await ipSeen(2, '203.0.113.7')).toBe('10.0.0.9');
    expect(await ipSeen(1)).toBe('10.0.0.9');
  });

  it('keeps one rate-limit bucket per real client whatever leftmost value it writes', async () => {
    const config = defaultConfig({ publicUrl: 'http://plaudit.test', trustProxy: 1, publicRateLimit: 3 });
    const t = setup({ config });
    const miss = async (i: number, client: string) =>
      (
        await t.app.request(
          `/r/unknown${i}`,
          {},
          fromSocket({ 'x-forwarded-for': `198.51.100.${i}, ${client}` }),
        )
      ).status;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await miss(i, '203.0.113.7'));
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    expect(await miss(9, '203.0.113.8')).toBe(404);
  });
});
