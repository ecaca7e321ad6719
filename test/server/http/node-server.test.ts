import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup } from '../helpers';

// The app reads headers and form bodies straight from Node when Node serves it (request-header.ts,
// request-body.ts); app.request() never takes that path, so these requests go over loopback.

describe('the app over a real Node server on loopback', () => {
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

  it('takes a form post read from Node, refuses one over the limit, and still takes a chunked one', async () => {
    const business = await ctx.createBusiness({ slug: 'real-posts' });
    const browser = { 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1', 'sec-fetch-site': 'same-origin' };
    const visitOf = async () => {
      const page = await (await fetch(`${url}/b/${business.slug}`, { headers: browser })).text();
      return /\/v\/(visit_[A-Za-z0-9]+)/.exec(page)?.[1];
    };
    const form = { ...browser, 'content-type': 'application/x-www-form-urlencoded' };
    const post = (token: string | undefined, body: BodyInit, extra: RequestInit = {}) =>
      fetch(`${url}/v/${token}/feedback`, {
        method: 'POST',
        headers: form,
        body,
        redirect: 'manual',
        ...extra,
      });
    const comments = () => ctx.db.prepare('SELECT comments FROM feedback ORDER BY created_at').pluck().all();

    expect((await post(await visitOf(), 'rating=2&comments=Caf%C3%A9+was+cold')).status).toBe(303);
    expect(comments()).toEqual(['Café was cold']);

    const tooBig = await post(await visitOf(), `rating=2&comments=${'x'.repeat(70 * 1024)}`);
    expect(tooBig.status).toBe(413);
    expect(comments()).toHaveLength(1);

    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('rating=1&comm'));
        controller.enqueue(new TextEncoder().encode('ents=In+two+chunks'));
        controller.close();
      },
    });
    const streamed = await post(await visitOf(), chunked, { duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(303);
    expect(comments()).toEqual(['Café was cold', 'In two chunks']);
  });
});
