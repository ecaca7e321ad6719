import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { requestHeader } from '../http/request-header';

export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

/**
 * The dashboard's policy: its own scripts and styles only (no inline code, no third party), API calls to
 * this origin. The widget preview loads /widget.js from here too; its styles are constructed sheets.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};
// Vite's hashed file names: letters, digits, dots, dashes and underscores; no path, no dot-files.
const ASSET_NAME = /^[\w-][\w.-]*\.(js|css|svg|png)$/;

type File = { raw: Buffer; gzip: Buffer; type: string };

function readAsset(path: string, type: string): File | undefined {
  try {
    const raw = readFileSync(path);
    return { raw, gzip: gzipSync(raw, { level: 9 }), type };
  } catch {
    return undefined;
  }
}

function send(c: Context, file: File): Response {
  c.header('Content-Type', file.type);
  c.header('Vary', 'Accept-Encoding');
  c.header('X-Content-Type-Options', 'nosniff');
  if (/\bgzip\b/.test(requestHeader(c, 'accept-encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(file.gzip));
  }
  return c.body(new Uint8Array(file.raw));
}

function setShellHeaders(c: Context): void {
  c.header('Content-Security-Policy', DASHBOARD_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  // The shell names the current hashed chunks: always revalidated, so an upgrade is picked up at once.
  c.header('Cache-Control', 'no-cache');
}

/**
 * `/dashboard` and `/dashboard/*`: the app's HTML shell (client-side routes all get the same page) and its
 * hashed assets under `/dashboard/assets/`, cached for a year. Files are read once; a missing build is
 * looked for again on the next request, so `npm run build` while the server runs is enough.
 */
export function dashboardRoutes(options: { dir?: string } = {}): Hono {
  const dir = options.dir ?? DEFAULT_DASHBOARD_DIR;
  const app = new Hono();
  const assets = new Map<string, File>();
  let shell: File | undefined;

  app.get('/dashboard/assets/:name', function dashboardAsset(c) {
    const name = c.req.param('name');
    const ext = name.slice(name.lastIndexOf('.') + 1);
    let file = assets.get(name);
    if (!file && ASSET_NAME.test(name)) {
      file = readAsset(join(dir, 'assets', name), TYPES[ext] ?? 'application/octet-stream');
      if (file) assets.set(name, file);
    }
    if (!file) return c.text('Not found', 404);
    // The name carries the content hash: a changed file is a new URL.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return send(c, file);
  });
  app.get('/dashboard/assets/*', (c) => c.text('Not found', 404));

  const page = function dashboardShell(c: Context): Response {
    shell ??= readAsset(join(dir, 'index.html'), 'text/html; charset=utf-8');
    setShellHeaders(c);
    if (!shell) {
      c.header('Cache-Control', 'no-store');
      return c.html(
        '<!doctype html><html lang="en"><title>Plaudit</title><p>The dashboard is not built: run <code>npm run build</code>.</p></html>',
        503,
      );
    }
    return send(c, shell);
  };
  app.get('/dashboard', page);
  app.get('/dashboard/*', page);
  return app;
}
