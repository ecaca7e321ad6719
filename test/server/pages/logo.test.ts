import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { logoFetcher } from '../../../server/pages/logo-fetch';
import { landingSetup } from './landing-fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
let server: Server | undefined;

async function imageServer(handler: (path: string) => { status: number; type: string; body: Buffer }) {
  server = createServer((req, res) => {
    const answer = handler(req.url ?? '/');
    res.writeHead(answer.status, { 'content-type': answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(() => {
  server?.close();
  server = undefined;
});

describe('logo fetching', () => {
  it('fetches an image, and refuses non-images, oversized bodies and private addresses', async () => {
    const base = await imageServer((path) =>
      path === '/logo.png'
        ? { status: 200, type: 'image/png', body: PNG }
        : path === '/page'
          ? { status: 200, type: 'text/html', body: Buffer.from('<html>') }
          : { status: 200, type: 'image/png', body: Buffer.alloc(600 * 1024) },
    );
    const allowed = logoFetcher({ allowPrivate: true });
    expect(await allowed(`${base}/logo.png`)).toEqual({ body: PNG, type: 'image/png' });
    expect(await allowed(`${base}/page`)).toBeUndefined();
    expect(await allowed(`${base}/huge.png`)).toBeUndefined();
    expect(await logoFetcher({ allowPrivate: false })(`${base}/logo.png`)).toBeUndefined();
    const rebinding = logoFetcher({
      allowPrivate: false,
      resolver: async () => [{ address: '10.0.0.1', family: 4 }],
    });
    expect(await rebinding('https://logo.example.com/x.png')).toBeUndefined();
  });
});

describe('logos on the landing pages', () => {
  it('are served from Plaudit itself, so the page makes no third-party request', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ logoUrl: 'https://cdn.example.com/joes.png' });
    const page = await t.get(`/b/${biz.slug}`);
    expect(page.html).not.toContain('cdn.example.com');
    expect(page.html).toMatch(new RegExp(`<img src="/assets/logo/${biz.id}\\?v=[\\w-]+"`));
    expect(page.res.headers.get('content-security-policy')).toContain("img-src 'self' data:");
  });

  it('serves the fetched image with long caching, and a 404 when there is none', async () => {
    const base = await imageServer(() => ({ status: 200, type: 'image/png', body: PNG }));
    const t = landingSetup({ webhooksAllowPrivate: true });
    const biz = await t.createBusiness();
    // The API takes https logos only; the loopback stand-in is http, so it is set in the store directly.
    t.db.prepare('UPDATE businesses SET logo_url = ? WHERE id = ?').run(`${base}/logo.png`, biz.id);
    const res = await t.app.request(`/assets/logo/${biz.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('max-age=86400');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    const none = await t.createBusiness({ name: 'No logo' });
    expect((await t.app.request(`/assets/logo/${none.id}`)).status).toBe(404);
  });
});
