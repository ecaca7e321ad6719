import { createHmac } from 'node:crypto';
import { PlatformError } from './connector';
import { retryAfterMs } from './platform-http';

const TIMEOUT_MS = 15_000;

/**
 * The Graph API version every call names. The Page `ratings` edge (reviews) is documented up to v25.0; Meta
 * retires a version about two years after release, so this needs a bump then (docs/connectors.md).
 */
export const GRAPH_VERSION = 'v23.0';

type GraphError = { message?: string; type?: string; code?: number; error_subcode?: number };

/**
 * A Graph error in the engine's terms. Graph answers most failures with HTTP 400 and a code in the body
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling), so the code decides first:
 * 190/102 (OAuthException: expired, revoked, password changed) and 10/200–299 (a permission the grant lost)
 * need the owner to connect again; 4/17/32/613/80001 are rate limits; 1/2 are transient.
 */
export function graphFailure(status: number, error: GraphError | undefined, retryAfter: number | null) {
  const code = error?.code;
  const message = `Graph HTTP ${status}${code ? ` code ${code}` : ''}: ${error?.message ?? 'no message'}`;
  if (status === 429 || (code !== undefined && [4, 17, 32, 613, 80001].includes(code))) {
    return new PlatformError('rate_limited', message, status, retryAfter);
  }
  if (code === 190 || code === 102 || code === 10 || (code !== undefined && code >= 200 && code < 300)) {
    return new PlatformError('unauthorized', message, status);
  }
  if (code === 1 || code === 2 || status >= 500)
    return new PlatformError('unavailable', message, status, retryAfter);
  if (status === 401 || status === 403) return new PlatformError('unauthorized', message, status);
  if (status === 404 || code === 803 || (code === 100 && error?.error_subcode === 33)) {
    return new PlatformError('not_found', message, status);
  }
  return new PlatformError('rejected', message, status);
}

/**
 * Calls the Graph API with a token. `appsecret_proof` (HMAC-SHA256 of the token with the app secret) is sent
 * whenever the secret is known, so the app may turn on "Require App Secret" and a stolen token alone is useless.
 */
export async function graphJson<T>(
  base: string,
  path: string,
  input: {
    token?: string;
    appSecret?: string | null;
    method?: 'GET' | 'POST' | 'DELETE';
    params?: Record<string, string>;
  },
): Promise<T> {
  const url = new URL(`${base}/${GRAPH_VERSION}/${path}`);
  const params = new URLSearchParams(input.params);
  if (input.token) {
    params.set('access_token', input.token);
    if (input.appSecret) {
      params.set('appsecret_proof', createHmac('sha256', input.appSecret).update(input.token).digest('hex'));
    }
  }
  const method = input.method ?? 'GET';
  // Graph takes POST parameters as a form body; GET and DELETE take them in the query.
  if (method !== 'POST') url.search = params.toString();
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json' },
      body: method === 'POST' ? params : undefined,
    });
  } catch (error) {
    throw new PlatformError('unavailable', `Graph unreachable: ${(error as Error).message}`);
  }
  const text = await response.text().catch(() => '');
  let body: { error?: GraphError } | undefined;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (response.ok && body && !body.error) return body as T;
  throw graphFailure(response.status, body?.error, retryAfterMs(response.headers.get('retry-after')));
}
