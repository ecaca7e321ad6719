import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestCookie, requestHeader } from '../../../server/http/request-header';

describe('requestHeader', () => {
  const app = new Hono();
  app.get('/', (c) =>
    c.json({ a: requestHeader(c, 'x-a') ?? null, visit: requestCookie(c, 'pl_visit') ?? null }),
  );

  it("reads Node's parsed headers when Node serves the request, joining repeats as web Headers do", async () => {
    const incoming = { headers: { 'x-a': ['1', '2'], cookie: 'theme=dark; pl_visit=visit_abc' } };
    const res = await app.fetch(new Request('http://x/', { headers: { 'x-a': 'ignored' } }), { incoming });
    expect(await res.json()).toEqual({ a: '1, 2', visit: 'visit_abc' });
  });

  it('asks Hono when there is no Node request (app.request, other runtimes)', async () => {
    const res = await app.request('/', { headers: { 'x-a': 'given', cookie: 'pl_visit=visit_xyz' } });
    expect(await res.json()).toEqual({ a: 'given', visit: 'visit_xyz' });
  });
});
