import { randomBytes } from 'node:crypto';

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
