import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './ssrf';

export const WEBHOOK_TIMEOUT_MS = 15_000;

export type PostResult = { statusCode: number } | { error: string };

/**
 * POSTs to `url` connecting to `address` (already checked) whatever DNS says now; redirects are not
 * followed (a 3xx is just a status); the whole attempt is cut at `timeoutMs`.
 */
export function postWebhook(
  url: URL,
  address: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<PostResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        // A format may name its product's user agent (receivers filter on it); the body framing is fixed.
        headers: {
          'user-agent': 'Plaudit-Webhooks/1.0',
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        // Drain (bounded) so the socket can close; the body does not matter.
        response.on('data', () => {});
        response.on('end', () => finish({ statusCode: response.statusCode ?? 0 }));
        response.on('error', () => finish({ statusCode: response.statusCode ?? 0 }));
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    request.on('error', (error) => finish({ error: error.message }));
    request.end(body);
  });
}
