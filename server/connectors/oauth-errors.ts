import {
  ArcticFetchError,
  OAuth2RequestError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from 'arctic';
import { PlatformError } from './connector';

function byStatus(status: number, message: string): PlatformError {
  if (status === 401 || status === 403) return new PlatformError('unauthorized', message, status);
  if (status === 429) return new PlatformError('rate_limited', message, status);
  if (status >= 500) return new PlatformError('unavailable', message, status);
  return new PlatformError('rejected', message, status);
}

/**
 * Runs an arctic token request and turns its errors into `PlatformError`s: an OAuth error answer
 * (`invalid_grant`, `invalid_client` …) means the grant is gone or was never valid, so `unauthorized`;
 * arctic does not expose response headers, so a 429 here carries no `retryAfterMs`.
 */
export async function tokenRequest<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OAuth2RequestError) {
      const detail = error.description ? `: ${error.description}` : '';
      throw new PlatformError('unauthorized', `token request refused (${error.code})${detail}`, 400);
    }
    if (error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError) {
      throw byStatus(error.status, `token endpoint answered HTTP ${error.status}`);
    }
    if (error instanceof ArcticFetchError) {
      throw new PlatformError('unavailable', `token endpoint unreachable: ${String(error.cause)}`);
    }
    throw error;
  }
}

/** `expires_in` as an ISO expiry: Trustpilot sends it as a string ("359999"), most platforms as a number. */
export function expiryFrom(data: object, now = Date.now()): string | null {
  const raw = (data as { expires_in?: unknown }).expires_in;
  const seconds = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(now + seconds * 1000).toISOString();
}
