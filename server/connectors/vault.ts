import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, parseSecretKey } from '../config';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The key file the server makes in its data directory when PLAUDIT_SECRET_KEY is unset. */
export const KEY_FILE = 'secret.key';

// In-process tests (in-memory databases) never start the server, so nothing wrote a key file: their tokens
// live as long as the process and so may their key.
const PROCESS_KEY = randomBytes(32);

/** The key that encrypts platform tokens: the configured one, else this process's own (tests). */
export function secretKeyOf(config: Pick<Config, 'secretKey'>): Buffer {
  return config.secretKey ?? PROCESS_KEY;
}

/**
 * The key of a data directory: read from its key file, or generated into it (mode 0600, created exclusively
 * so two processes starting at once end up with the one that won).
 */
export function keyFileSecret(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = parseSecretKey(readFileSync(path, 'utf8').trim());
  if (!key) throw new Error(`${path} does not hold a 32-byte key (64 hex digits)`);
  return key;
}

/**
 * AES-256-GCM: version byte, 12-byte random IV, 16-byte tag, ciphertext. `context` (the row's id) is
 * authenticated too, so a blob copied onto another row does not decrypt.
 */
export function encryptSecret(key: Buffer, plaintext: string, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Opens what `encryptSecret` sealed; throws when the key, the context or a byte differs. */
export function decryptSecret(key: Buffer, blob: Buffer, context: string): string {
  if (blob[0] !== VERSION) throw new Error('unknown secret format');
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
