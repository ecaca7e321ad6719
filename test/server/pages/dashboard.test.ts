import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_CSP, dashboardRoutes } from '../../../server/pages/dashboard';
import { setup } from '../helpers';

/** A fake build: an index.html naming one hashed chunk, as `vite build --mode dashboard` writes them. */
function fakeBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-dashboard-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><script type="module" src="/dashboard/assets/index-abc123.js"></script><div id="app"></div></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(3000))});`);
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{color:red}');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  return dir;
}

function app(dir = fakeBuild()) {
  const hono = new Hono();
  hono.route('/', dashboardRoutes({ dir }));
  return hono;
}

describe('the dashboard shell', () => {
  it('serves the same HTML for /dashboard and every client-side route, under a strict CSP', async () => {
    const a = app();
    for (const path of [
      '/dashboard',
      '/dashboard/',
      '/dashboard/reviews/rev_1',
      '/dashboard/reset?token=abc',
    ]) {
      const res = await a.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type')).toContain('text/html');
      expect(await res.text()).toContain('/dashboard/assets/index-abc123.js');
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toBe(DASHBOARD_CSP);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('answers 503 with a hint when the dashboard is not built', async () => {
    const res = await app(join(tmpdir(), 'plaudit-no-such-build')).request('/dashboard');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('is mounted in the app, and the home page links to it', async () => {
    const t = setup();
    const res = await t.app.request('/dashboard/login');
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get('Content-Security-Policy')).toBe(DASHBOARD_CSP);
    expect(await (await t.app.request('/')).text()).toContain('href="/dashboard"');
  });
});

describe('the dashboard assets', () => {
  it('serves hashed files for a year, immutable, gzipped when asked', async () => {
    const a = app();
    const res = await a.request('/dashboard/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('console.log');
    const css = await a.request('/dashboard/assets/index-abc123.css');
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{color:red}');
  });

  it('answers 404 for anything that is not a built asset, and never leaves the assets folder', async () => {
    const a = app();
    for (const path of [
      '/dashboard/assets/missing-1.js',
      '/dashboard/assets/..%2Fsecret.txt',
      '/dashboard/assets/sub/index-abc123.js',
      '/dashboard/assets/.hidden.js',
    ]) {
      const res = await a.request(path);
      expect(await res.text(), path).not.toContain('not an asset');
      expect(res.status, path).toBe(404);
    }
    // A dot-dot path is resolved by the URL parser before routing: it is just another client-side route.
    const dotted = await a.request('/dashboard/assets/../secret.txt');
    expect(await dotted.text()).not.toContain('not an asset');
  });
});
