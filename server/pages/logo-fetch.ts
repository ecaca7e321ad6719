import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookTarget, type Resolver, systemResolver } from '../delivery/ssrf';
import { LOGO_MAX_BYTES } from '../domain/logo-image';

const TIMEOUT_MS = 5_000;
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
]);

export type LogoImage = { body: Buffer; type: string };
export type FetchLogo = (url: string) => Promise<LogoImage | undefined>;

/**
 * Fetches an owner's logo once, on the server, so customers' phones never contact a third party: the
 * address is checked (no private or loopback targets unless allowed) and connected to as checked; no
 * redirects; at most 512 KB of an image type; 5 s. Undefined when any of that fails.
 */
export function logoFetcher(options: { allowPrivate: boolean; resolver?: Resolver }): FetchLogo {
  const resolver = options.resolver ?? systemResolver;
  return async function fetchLogo(raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    let address: Awaited<ReturnType<typeof checkWebhookTarget>>;
    try {
      address = await checkWebhookTarget(url, { allowPrivate: options.allowPrivate, resolver });
    } catch {
      return undefined;
    }
    const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const request = client.get(
        url,
        { lookup: pinned, timeout: TIMEOUT_MS, headers: { accept: 'image/*' } },
        (res) => {
          const type = (res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
          if (res.statusCode !== 200 || !IMAGE_TYPES.has(type)) {
            res.resume();
            return resolve(undefined);
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > LOGO_MAX_BYTES) {
              request.destroy();
              return resolve(undefined);
            }
            chunks.push(chunk);
          });
          res.on('end', () => resolve({ body: Buffer.concat(chunks), type }));
          res.on('error', () => resolve(undefined));
        },
      );
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(undefined));
    });
  };
}
