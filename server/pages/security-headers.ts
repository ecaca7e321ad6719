import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';

const NONCE_BYTES = 16;
// Random bytes are drawn from the CSPRNG in blocks (one call per 256 nonces instead of one per response);
// each nonce takes its own 16 bytes of the block, which are never handed out twice.
let pool = Buffer.alloc(0);
let offset = 0;

/** A fresh CSP nonce: 128 random bits, base64. One per response, never reused. */
export function newNonce(): string {
  if (offset + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * 256);
    offset = 0;
  }
  const nonce = pool.toString('base64', offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}

/** The landing-page policy of DESIGN §9: only our nonce'd style and script, forms post to us only. */
export function landingCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    // Logos are served from Plaudit itself (/assets/logo/…): a customer's phone contacts no third party.
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Sets the security headers on a landing response; pages are personal, so nothing is cached. */
export function setLandingHeaders(c: Context, nonce: string): void {
  c.header('Content-Security-Policy', landingCsp(nonce));
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  // The visit token is in our URLs: it must not leak to the review platforms in a Referer.
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
  // Said up front, as the compression middleware would after the fact: adding a header to a finished
  // response makes Hono rebuild it as a full web Response, which costs more than rendering the page.
  c.header('Vary', 'Accept-Encoding');
}
