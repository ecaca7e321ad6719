import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCookie, requestHeader } from '../../../server/http/request-header';
import { setup } from '../helpers';

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

describe('headers the app reads, over a real Node server on loopback', () => {
  const ctx = setup({});
  let url = '';
  let close = () => {};
  beforeAll(async () => {
    const server = serve({ fetch: ctx.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((ready) => server.once('listening', ready));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('authenticates by Bearer and x-api-key, and echoes a given request id', async () => {
    const bearer = await fetch(`${url}/api/v1/me`, {
      headers: { authorization: `Bearer ${ctx.orgKey}`, 'x-request-id': 'trace-123' },
    });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get('x-request-id')).toBe('trace-123');
    expect((await fetch(`${url}/api/v1/me`, { headers: { 'x-api-key': ctx.orgKey } })).status).toBe(200);
    expect((await fetch(`${url}/api/v1/me`)).status).toBe(401);
  });

  it('answers a widget revalidation with 304', async () => {
    const business = await ctx.createBusiness();
    const first = await fetch(`${url}/widget/v1/${business.id}.json`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\//);
    const again = await fetch(`${url}/widget/v1/${business.id}.json`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('keeps a landing visit across a reload by its cookie, and refuses a cross-site post', async () => {
    const business = await ctx.createBusiness({ slug: 'real-server' });
    const browser = { 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1', 'accept-language': 'es' };
    const first = await fetch(`${url}/b/${business.slug}`, { headers: browser });
    const page = await first.text();
    expect(page).toContain('lang="es"');
    const token = /\/v\/(visit_[A-Za-z0-9]+)/.exec(page)?.[1];
    const cookie = first.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toBe(`pl_visit=${token}`);
    const reload = await (
      await fetch(`${url}/b/${business.slug}`, { headers: { ...browser, cookie } })
    ).text();
    expect(reload).toContain(`/v/${token}`);

    const crossSite = await fetch(`${url}/v/${token}/feedback`, {
      method: 'POST',
      headers: {
        ...browser,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      body: 'rating=2&comments=Hello',
    });
    expect(crossSite.status).toBe(403);
  });
});
