import {
  ArcticFetchError,
  OAuth2RequestError,
  type OAuth2Tokens,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from 'arctic';
import { PlatformError, type TokenSet } from './connector';

/**
 * arctic's tokens as a TokenSet. A refresh answer often carries no new refresh token (Google keeps the first
 * one for good): the previous one is kept then.
 */
export function tokenSetOf(tokens: OAuth2Tokens, previous?: TokenSet): TokenSet {
  let expiresAt: string | null = null;
  if ('expires_in' in tokens.data) expiresAt = tokens.accessTokenExpiresAt().toISOString();
  return {
    accessToken: tokens.accessToken(),
    refreshToken: tokens.hasRefreshToken() ? tokens.refreshToken() : (previous?.refreshToken ?? null),
    expiresAt,
    scopes: tokens.hasScopes() ? tokens.scopes() : previous?.scopes,
    extra: previous?.extra,
  };
}

/**
 * Runs an arctic token request, turning its failures into the PlatformError the engine acts on: a refused
 * grant (`invalid_grant`: revoked, expired) is `unauthorized`, a network failure or 5xx `unavailable`.
 */
export async function tokenRequest<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof OAuth2RequestError) {
      const kind = ['invalid_grant', 'invalid_client', 'unauthorized_client'].includes(error.code)
        ? 'unauthorized'
        : 'rejected';
      throw new PlatformError(
        kind,
        `token endpoint: ${error.code}${error.description ? ` (${error.description})` : ''}`,
        400,
      );
    }
    if (error instanceof ArcticFetchError)
      throw new PlatformError('unavailable', `token endpoint unreachable: ${error.message}`);
    if (error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError) {
      const status = error.status;
      if (status === 429) throw new PlatformError('rate_limited', `token endpoint: HTTP ${status}`, status);
      if (status >= 500) throw new PlatformError('unavailable', `token endpoint: HTTP ${status}`, status);
      if (status === 401 || status === 403)
        throw new PlatformError('unauthorized', `token endpoint: HTTP ${status}`, status);
      throw new PlatformError('rejected', `token endpoint: HTTP ${status}`, status);
    }
    throw error;
  }
}
