import type { Context } from 'hono';

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
