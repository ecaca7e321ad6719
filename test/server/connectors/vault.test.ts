import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';
import { decryptSecret, encryptSecret, KEY_FILE, keyFileSecret } from '../../../server/connectors/vault';
import { type ServerProcess, startServerProcess } from '../server-process';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-key-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('secrets at rest', () => {
  it('seals with AES-256-GCM bound to its row: another key, another row or a flipped byte does not open it', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret(key, '{"accessToken":"ya29.secret"}', 'conn_1');
    expect(sealed.includes('ya29')).toBe(false);
    expect(decryptSecret(key, sealed, 'conn_1')).toBe('{"accessToken":"ya29.secret"}');
    expect(() => decryptSecret(randomBytes(32), sealed, 'conn_1')).toThrow();
    expect(() => decryptSecret(key, sealed, 'conn_2')).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 1;
    expect(() => decryptSecret(key, flipped, 'conn_1')).toThrow();
    // A fresh IV each time: the same tokens never seal to the same bytes.
    expect(encryptSecret(key, 'x', 'conn_1').equals(encryptSecret(key, 'x', 'conn_1'))).toBe(false);
  });

  it('generates the key file once, readable by its owner only', () => {
    const dir = tempDir();
    const first = keyFileSecret(dir);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(keyFileSecret(dir).equals(first)).toBe(true);
  });

  it('takes PLAUDIT_SECRET_KEY as 64 hex digits or base64 of 32 bytes, and refuses anything else', () => {
    const key = randomBytes(32);
    expect(loadConfig({ PLAUDIT_SECRET_KEY: key.toString('hex') }).secretKey?.equals(key)).toBe(true);
    expect(loadConfig({ PLAUDIT_SECRET_KEY: key.toString('base64') }).secretKey?.equals(key)).toBe(true);
    expect(() => loadConfig({ PLAUDIT_SECRET_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ PLAUDIT_SECRET_KEY: randomBytes(16).toString('hex') })).toThrow(
      /PLAUDIT_SECRET_KEY/,
    );
    expect(loadConfig({}).secretKey).toBeUndefined();
  });

  it('reads each platform’s client and base URL, and the sync interval', () => {
    const config = loadConfig({
      PLAUDIT_GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com',
      PLAUDIT_GOOGLE_CLIENT_SECRET: 'shh',
      PLAUDIT_YELP_BASE_URL: 'http://127.0.0.1:9999/',
      PLAUDIT_SYNC_INTERVAL_MINUTES: '60',
    });
    expect(config.connectors.google).toEqual({
      clientId: 'id.apps.googleusercontent.com',
      clientSecret: 'shh',
      baseUrl: null,
    });
    expect(config.connectors.yelp.baseUrl).toBe('http://127.0.0.1:9999');
    expect(config.syncIntervalMinutes).toBe(60);
    expect(loadConfig({}).syncIntervalMinutes).toBe(30);
    expect(() => loadConfig({ PLAUDIT_TRUSTPILOT_BASE_URL: 'not a url' })).toThrow(
      /PLAUDIT_TRUSTPILOT_BASE_URL/,
    );
  });

  it('the server makes the key file in its data directory on first start', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const server: ServerProcess = await startServerProcess({ PLAUDIT_DATA_DIR: dir, PLAUDIT_DEMO: 'false' });
    cleanup.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    const stat = statSync(join(dir, KEY_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, KEY_FILE), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
