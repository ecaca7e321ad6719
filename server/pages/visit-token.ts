import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { randomBase62 } from '../domain/ids';
import type { Db } from '../store/db';
import { instanceSecret } from '../store/instance-secrets';
import type { VisitOrigin } from '../store/visits';

/**
 * A visit that has not rated yet lives only in its token: nothing is written for a page view. The token
 * names what was opened (a business link, a card code, a request code), the language and when; the first
 * rating (or form post, or platform click) checks it and writes the visit, whose id is then the token.
 */
export type VisitClaims = {
  /** The token itself: the visit's id once it is written. */
  id: string;
  origin: VisitOrigin;
  /** The business id for a business link, the card's code for a card, the request's code for a request. */
  ref: string;
  lang: string;
  issuedAt: number;
};

/**
 * How long an unrated visit's token is honoured. Far shorter than any retention setting, so a token can
 * never outlive the rows it would create and re-create a visit that retention has already rolled up.
 */
export const VISIT_TOKEN_DAYS = 7;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KINDS: Record<VisitOrigin, string> = { business_link: 'b', card: 'c', request: 'r' };
const ORIGINS: Record<string, VisitOrigin> = { b: 'business_link', c: 'card', r: 'request' };
const PREFIX = 'visit_';
// visit_ | issued-at (8, ms in base62, as ids lead with their time) | 16 random | kind | ref | lang (2) | mac (24 hex)
const TIME = 8;
const HEAD = PREFIX.length + TIME + 16;
const MAC = 24;
const ALNUM = /^[A-Za-z0-9]+$/;

const encodeTime = (ms: number) => {
  let out = '';
  for (let i = 0, n = ms; i < TIME; i++, n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out;
};
const decodeTime = (text: string) => {
  let n = 0;
  for (const char of text) n = n * 62 + BASE62.indexOf(char);
  return n;
};

// Refs are base62 today (ids and codes); anything else is carried hex-encoded under an upper-case kind, so the
// token stays letters and digits (safe in a path, and in the links and cookie that carry it).
const encodeRef = (origin: VisitOrigin, ref: string) => {
  const bare = origin === 'business_link' && ref.startsWith('biz_') ? ref.slice(4) : ref;
  return ALNUM.test(bare)
    ? KINDS[origin] + bare
    : KINDS[origin].toUpperCase() + Buffer.from(ref, 'utf8').toString('hex');
};
const decodeRef = (kind: string, ref: string) => {
  const origin = ORIGINS[kind.toLowerCase()];
  if (!origin || !ref) return undefined;
  if (kind !== kind.toLowerCase()) return { origin, ref: Buffer.from(ref, 'hex').toString('utf8') };
  return { origin, ref: origin === 'business_link' ? `biz_${ref}` : ref };
};

/** Issues and reads the signed tokens of unrated visits, with this install's key (made once, kept in the database). */
export function visitTokens(db: Db, clock: Clock) {
  // Read on first use (the store caches it), so building the routes touches no table.
  const mac = (body: string) =>
    createHmac('sha256', instanceSecret(db, clock, 'visit_token'))
      .update(body)
      .digest('hex')
      .slice(0, MAC);

  return {
    /** A new token for a visit to `origin`/`ref` in `lang`, issued now. */
    issue(origin: VisitOrigin, ref: string, lang: string): string {
      const body = `${PREFIX}${encodeTime(clock().getTime())}${randomBase62(16)}${encodeRef(origin, ref)}${/^[a-z]{2}$/.test(lang) ? lang : 'en'}`;
      return body + mac(body);
    },

    /** The claims of a token this install signed and that has not expired; undefined for anything else. */
    read(token: string): VisitClaims | undefined {
      if (!token.startsWith(PREFIX) || token.length < HEAD + 2 + 2 + MAC || !ALNUM.test(token.slice(6)))
        return undefined;
      const body = token.slice(0, -MAC);
      const given = Buffer.from(token.slice(-MAC));
      if (!timingSafeEqual(given, Buffer.from(mac(body)))) return undefined;
      const issuedAt = decodeTime(token.slice(PREFIX.length, PREFIX.length + TIME));
      const age = clock().getTime() - issuedAt;
      if (age < -60_000 || age > VISIT_TOKEN_DAYS * 86_400_000) return undefined;
      const entry = decodeRef(body[HEAD], body.slice(HEAD + 1, -2));
      return entry && { id: token, ...entry, lang: body.slice(-2), issuedAt };
    },
  };
}

export type VisitTokens = ReturnType<typeof visitTokens>;
