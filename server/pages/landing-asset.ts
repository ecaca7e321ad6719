import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Asset = { body: string; etag: string; version: string };

const defaultPath = join(dirname(fileURLToPath(import.meta.url)), '../../dist/landing.js');

/**
 * The built island bundle, read once. Without a build the pages still work (no JavaScript),
 * so a missing file is `undefined` rather than an error.
 */
export function loadLandingAsset(path = defaultPath): Asset | undefined {
  try {
    const body = readFileSync(path, 'utf8');
    const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return { body, etag: `"${version}"`, version };
  } catch {
    return undefined;
  }
}
