import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';

/** A fresh CSP nonce: 128 random bits, base64. One per response, never reused. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The landing-page policy of DESIGN §9: only our nonce'd style and script, forms post to us only. */
export function landingCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    // Logos are https URLs the owner configured; nothing else loads from elsewhere.
    "img-src 'self' https: data:",
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
}
