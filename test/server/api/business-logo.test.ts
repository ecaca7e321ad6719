import { describe, expect, it } from 'vitest';
import { landingSetup } from '../pages/landing-fixtures';

// A real 1×1 PNG (signature, IHDR, IDAT, IEND).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a6b1d1f30000000049454e44ae426082',
  'hex',
);

async function upload(
  t: ReturnType<typeof landingSetup>,
  id: string,
  body: BodyInit,
  headers: Record<string, string> = {},
  key = t.orgKey,
) {
  const res = await t.app.request(`/api/v1/businesses/${id}/logo`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, ...headers },
    body,
  });
  return { status: res.status, json: await res.json() };
}

describe('POST /api/v1/businesses/{id}/logo', () => {
  it('stores a PNG sent as multipart, serves it with its type, and the landing page shows it', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'logo.png');
    const res = await upload(t, biz.id, form);
    expect(res.status).toBe(200);
    expect(res.json.logoUrl).toMatch(
      new RegExp(`^http://plaudit\\.test/assets/logo/${biz.id}\\.png\\?v=[\\w-]+$`),
    );

    const path = new URL(res.json.logoUrl).pathname + new URL(res.json.logoUrl).search;
    const image = await t.app.request(path);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('cache-control')).toContain('max-age=31536000');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);

    const page = await t.get(`/b/${biz.slug}`);
    expect(page.html).toContain(`<img src="${path}"`);
  });

  it('accepts the raw body with an image Content-Type', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const res = await upload(t, biz.id, PNG, { 'content-type': 'image/png' });
    expect(res.status).toBe(200);
    expect(res.json.logoUrl).toContain(`/assets/logo/${biz.id}.png?v=`);
  });

  it('refuses HTML named .png, and SVG, with 400 and changes nothing', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const form = new FormData();
    form.append('file', new Blob(['<html><script>alert(1)</script>'], { type: 'image/png' }), 'logo.png');
    const html = await upload(t, biz.id, form);
    expect(html.status).toBe(400);
    expect(html.json.code).toBe('VALIDATION_ERROR');
    const svg = await upload(t, biz.id, '<svg xmlns="http://www.w3.org/2000/svg"/>', {
      'content-type': 'image/svg+xml',
    });
    expect(svg.status).toBe(400);
    expect(svg.json.error).toMatch(/SVG/);
    expect((await t.call('GET', `/api/v1/businesses/${biz.id}`)).json.logoUrl).toBeNull();
    expect((await t.app.request(`/assets/logo/${biz.id}.png`)).status).toBe(404);
  });

  it('answers 413 PAYLOAD_TOO_LARGE above 512 KB, raw or multipart', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const big = Buffer.concat([PNG, Buffer.alloc(512 * 1024)]);
    const raw = await upload(t, biz.id, big, { 'content-type': 'image/png' });
    expect(raw.status).toBe(413);
    expect(raw.json.code).toBe('PAYLOAD_TOO_LARGE');
    const form = new FormData();
    form.append('file', new Blob([Buffer.concat([PNG, Buffer.alloc(512 * 1024 - PNG.length + 1)])]), 'a.png');
    const multipart = await upload(t, biz.id, form);
    expect(multipart.status).toBe(413);
    expect(multipart.json.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 for another organization’s business, and leaves its logo alone', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    expect((await upload(t, biz.id, PNG, { 'content-type': 'image/png' })).status).toBe(200);
    const other = t.otherOrg();
    const res = await upload(t, biz.id, PNG, { 'content-type': 'image/png' }, other.key);
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('NOT_FOUND');
    const del = await t.call('DELETE', `/api/v1/businesses/${biz.id}/logo`, { key: other.key });
    expect(del.status).toBe(404);
    expect((await t.app.request(`/assets/logo/${biz.id}.png`)).status).toBe(200);
  });

  it('DELETE removes the file and clears logoUrl; a URL logo still works as before', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    await upload(t, biz.id, PNG, { 'content-type': 'image/png' });
    const del = await t.call('DELETE', `/api/v1/businesses/${biz.id}/logo`);
    expect(del.status).toBe(200);
    expect(del.json.logoUrl).toBeNull();
    expect((await t.app.request(`/assets/logo/${biz.id}.png`)).status).toBe(404);

    const patched = await t.call('PATCH', `/api/v1/businesses/${biz.id}`, {
      body: { logoUrl: 'https://cdn.example.com/joes.png' },
    });
    expect(patched.json.logoUrl).toBe('https://cdn.example.com/joes.png');
    const page = await t.get(`/b/${biz.slug}`);
    expect(page.html).toMatch(new RegExp(`<img src="/assets/logo/${biz.id}\\?v=[\\w-]+"`));
  });

  it('is in the OpenAPI document', async () => {
    const t = landingSetup();
    const doc = (await t.call('GET', '/api/v1/openapi.json')).json;
    const path = doc.paths['/businesses/{id}/logo'] ?? doc.paths['/api/v1/businesses/{id}/logo'];
    expect(Object.keys(path.post.requestBody.content)).toEqual(
      expect.arrayContaining(['multipart/form-data', 'image/png']),
    );
    expect(path.delete).toBeDefined();
  });
});
