import { PlatformError } from './connector';

const TIMEOUT_MS = 15_000;

/** `Retry-After` as milliseconds (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date = new Date()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

/**
 * Calls a platform and returns its JSON, turning every failure into a `PlatformError` the sync engine can
 * act on: 401/403 unauthorized, 404 not_found, 429 rate_limited, 5xx and network errors unavailable.
 */
export async function platformJson<T>(url: URL | string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'error',
      signal: init.signal ?? AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
    });
  } catch (error) {
    throw new PlatformError('unavailable', `platform unreachable: ${(error as Error).message}`);
  }
  if (response.ok) {
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  const message = `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
  const status = response.status;
  if (status === 401 || status === 403) throw new PlatformError('unauthorized', message, status);
  if (status === 404) throw new PlatformError('not_found', message, status);
  if (status === 429) {
    throw new PlatformError(
      'rate_limited',
      message,
      status,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  if (status >= 500) {
    throw new PlatformError(
      'unavailable',
      message,
      status,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  throw new PlatformError('rejected', message, status);
}
