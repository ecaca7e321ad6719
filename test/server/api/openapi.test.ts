import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { setup } from '../helpers';

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('is served without a key and validates as OpenAPI 3.1', async () => {
    const t = setup();
    const res = await t.call('GET', OPENAPI_PATH, { key: null });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(res.json))).resolves.toBeTruthy();
  });

  it('documents every API route the app serves', async () => {
    const t = setup();
    const doc = (await t.call('GET', OPENAPI_PATH, { key: null })).json;
    const served = t.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== OPENAPI_PATH)
      .map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThan(10);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('declares the bearer security scheme and the error schema', async () => {
    const t = setup();
    const doc = (await t.call('GET', OPENAPI_PATH, { key: null })).json;
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Error.properties).toHaveProperty('code');
  });

  it('serves the browsable reference and its assets from Plaudit itself', async () => {
    const t = setup();
    const page = await t.app.request('/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.(js|css)/);
    for (const asset of html.matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)) {
      const res = await t.app.request(asset[1]);
      expect(res.status, asset[1]).toBe(200);
    }
  });
});

describe('sources and me', () => {
  it('lists the platform catalog with deep-link support', async () => {
    const t = setup();
    const res = await t.call('GET', '/api/v1/sources');
    expect(res.status).toBe(200);
    const google = res.json.data.find((s: { id: string }) => s.id === 'google');
    expect(google).toEqual({ id: 'google', name: 'Google', deepLinkSupported: true, firstParty: false });
    expect(res.json.data.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([
        'yelp',
        'facebook',
        'tripadvisor',
        'trustpilot',
        'direct',
        'testimonial',
        'custom',
      ]),
    );
    expect((await t.call('GET', '/api/v1/sources', { key: null })).status).toBe(401);
  });
});
