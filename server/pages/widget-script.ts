import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { ApiError, errorResponse } from '../http/errors';
import { requestHeader } from '../http/request-header';
import { matchesEtag } from './widget-cache';

export const DEFAULT_WIDGET_SCRIPT = fileURLToPath(new URL('../../dist/widget.js', import.meta.url));

type Script = { raw: Buffer; gzip: Buffer; br: Buffer; etag: string };

/**
 * Serves the built `dist/widget.js`, read and compressed once. A missing build is retried on the next request,
 * so `npm run build` while the server runs is enough.
 */
export function widgetScriptHandler(path = DEFAULT_WIDGET_SCRIPT) {
  let script: Script | undefined;
  const load = (): Script | undefined => {
    if (script) return script;
    try {
      const raw = readFileSync(path);
      script = {
        raw,
        gzip: gzipSync(raw, { level: 9 }),
        br: brotliCompressSync(raw),
        etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
      };
      return script;
    } catch {
      return undefined;
    }
  };

  return function widgetScript(c: Context): Response {
    const found = load();
    if (!found)
      return errorResponse(c, new ApiError('NOT_FOUND', 'widget.js is not built (run npm run build)'));
    // The URL is pasted into other people's sites and never changes, so a long max-age would pin old code for
    // days after an upgrade. Five minutes plus stale-while-revalidate keeps repeat loads instant, and the
    // ETag turns each revalidation into a 304.
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('ETag', found.etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    if (matchesEtag(requestHeader(c, 'if-none-match'), found.etag)) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    const accepts = requestHeader(c, 'accept-encoding') ?? '';
    if (/\bbr\b/.test(accepts)) {
      c.header('Content-Encoding', 'br');
      return c.body(new Uint8Array(found.br));
    }
    if (/\bgzip\b/.test(accepts)) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(found.gzip));
    }
    return c.body(new Uint8Array(found.raw));
  };
}
