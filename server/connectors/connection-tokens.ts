import { keepLearnedTokens, saveTokens, sealedTokens } from '../store/connections';
import { type Connector, PlatformError, type TokenSet } from './connector';
import type { EngineDeps } from './engine-deps';
import { decryptSecret, encryptSecret, secretKeyOf } from './vault';

/** Tokens are refreshed this long before they expire, so no call goes out with a token about to lapse. */
const REFRESH_AHEAD_MS = 5 * 60_000;

/** Seals a token set for the connection's row (its id is authenticated with it). */
export function sealTokens(deps: Pick<EngineDeps, 'config'>, connectionId: string, tokens: TokenSet): Buffer {
  return encryptSecret(secretKeyOf(deps.config), JSON.stringify(tokens), connectionId);
}

/** The connection's tokens; null once disconnected. */
export function openTokens(deps: Pick<EngineDeps, 'db' | 'config'>, connectionId: string): TokenSet | null {
  const sealed = sealedTokens(deps.db, connectionId);
  if (!sealed) return null;
  return JSON.parse(decryptSecret(secretKeyOf(deps.config), sealed, connectionId)) as TokenSet;
}

async function refreshAndStore(
  deps: EngineDeps,
  connectionId: string,
  connector: Connector,
  tokens: TokenSet,
) {
  if (!connector.oauth?.refresh)
    throw new PlatformError('unauthorized', 'the platform refused the credentials');
  const fresh = await connector.oauth.refresh(tokens);
  saveTokens(
    deps.db,
    deps.clock,
    connectionId,
    sealTokens(deps, connectionId, fresh),
    fresh.expiresAt ?? null,
  );
  return fresh;
}

/**
 * Runs a platform call with the connection's tokens: refreshed first when they expire within 5 minutes, and
 * refreshed once more when the platform answers `unauthorized` (a token revoked early). A second refusal
 * propagates as `unauthorized`: the caller marks the connection broken.
 */
export async function withTokens<T>(
  deps: EngineDeps,
  connectionId: string,
  connector: Connector,
  call: (tokens: TokenSet) => Promise<T>,
): Promise<T> {
  let tokens = openTokens(deps, connectionId);
  if (!tokens) throw new PlatformError('unauthorized', 'the connection has no tokens: connect again');
  let refreshed = false;
  const expiresAt = tokens.expiresAt ? Date.parse(tokens.expiresAt) : Number.POSITIVE_INFINITY;
  if (tokens.refreshToken && expiresAt - deps.clock().getTime() < REFRESH_AHEAD_MS) {
    tokens = await refreshAndStore(deps, connectionId, connector, tokens);
    refreshed = true;
  }
  try {
    return await callKeeping(deps, connectionId, tokens, call);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'unauthorized' || refreshed) throw error;
    if (!tokens.refreshToken || !connector.oauth?.refresh) throw error;
    tokens = await refreshAndStore(deps, connectionId, connector, tokens);
    return callKeeping(deps, connectionId, tokens, call);
  }
}

/**
 * Runs the call and stores what the connector added to the token set on the way (Facebook keeps the Page
 * tokens it reads in `extra`), so later calls do not depend on the grant that found them.
 */
async function callKeeping<T>(
  deps: EngineDeps,
  connectionId: string,
  tokens: TokenSet,
  call: (tokens: TokenSet) => Promise<T>,
): Promise<T> {
  const before = JSON.stringify(tokens);
  const result = await call(tokens);
  if (JSON.stringify(tokens) !== before) {
    keepLearnedTokens(deps.db, deps.clock, connectionId, sealTokens(deps, connectionId, tokens));
  }
  return result;
}
