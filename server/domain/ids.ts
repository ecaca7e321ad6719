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
  | 'del';

/** A prefixed random id such as `rev_3kTz…` (16 base62 chars ≈ 95 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(16)}`;
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
