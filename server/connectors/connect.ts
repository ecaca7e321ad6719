import { generateCodeVerifier } from 'arctic';
import { isoNow } from '../domain/clock';
import { newId, randomBase62, sha256 } from '../domain/ids';
import { ApiError } from '../http/errors';
import { type Connection, getConnection, insertConnection, reviveConnection } from '../store/connections';
import { consumeOAuthState, insertOAuthState } from '../store/oauth-states';
import { scheduleSync } from '../store/outbox';
import { openTokens, sealTokens } from './connection-tokens';
import { type Connector, type ConnectorPlatform, PlatformError, type TokenSet } from './connector';
import { connectorFor, type EngineDeps } from './engine-deps';
import { decryptSecret, encryptSecret, secretKeyOf } from './vault';

/** A consent screen must be answered within this time; its state then works once. */
const STATE_TTL_MS = 10 * 60_000;

const LABELS: Record<ConnectorPlatform, string> = {
  google: 'Google Business Profile',
  facebook: 'Facebook',
  trustpilot: 'Trustpilot',
  yelp: 'Yelp',
  tripadvisor: 'Tripadvisor',
};

/** Where every provider sends the person back to: the one public callback route. */
export const callbackUrl = (deps: Pick<EngineDeps, 'config'>) =>
  `${deps.config.publicUrl}/api/v1/connections/callback`;

/** The platform's connector, or a 400 saying why it cannot be connected. */
export function usableConnector(deps: EngineDeps, platform: ConnectorPlatform, auth: Connector['auth']) {
  const connector = connectorFor(deps.config, platform);
  if (!connector)
    throw new ApiError('VALIDATION_ERROR', `${LABELS[platform]} has no connector yet`, {
      platform: 'not available',
    });
  if (connector.auth !== auth) {
    const how =
      connector.auth === 'oauth'
        ? 'POST /connections/{platform}/authorize'
        : 'POST /connections/{platform} with an apiKey';
    throw new ApiError('VALIDATION_ERROR', `${LABELS[platform]} connects with ${how}`, {
      platform: 'wrong connection flow',
    });
  }
  const settings = deps.config.connectors[platform];
  if (auth === 'oauth' && (!settings.clientId || !settings.clientSecret)) {
    const prefix = `PLAUDIT_${platform.toUpperCase()}`;
    throw new ApiError('VALIDATION_ERROR', `${LABELS[platform]} is not configured on this server`, {
      platform: `set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET`,
    });
  }
  return connector;
}

/** Stores a new connection with its sealed tokens and queues its first sync now. */
export function createConnection(
  deps: EngineDeps,
  c: { organizationId: string; platform: ConnectorPlatform; tokens: TokenSet },
): Connection {
  const id = newId('conn');
  return deps.db.transaction(() => {
    const connection = insertConnection(deps.db, deps.clock, {
      id,
      organizationId: c.organizationId,
      platform: c.platform,
      label: LABELS[c.platform],
      syncIntervalMinutes: deps.config.syncIntervalMinutes,
      tokens: sealTokens(deps, id, c.tokens),
      tokenExpiresAt: c.tokens.expiresAt ?? null,
    });
    scheduleSync(deps.db, deps.clock, id, isoNow(deps.clock));
    return connection;
  })();
}

/**
 * Gives an existing connection new tokens (the owner reconnected it): status active, locations and their
 * mappings kept, a sync queued now. 404 when the organization has no such connection.
 */
export function renewConnection(
  deps: EngineDeps,
  c: { organizationId: string; connectionId: string; tokens: TokenSet },
): Connection {
  return deps.db.transaction(() => {
    const old = getConnection(deps.db, c.organizationId, c.connectionId);
    if (!old) throw new ApiError('NOT_FOUND', 'Connection not found');
    // The places the owner named (and other values the connector keeps) outlive the grant they came with.
    const kept = openTokens(deps, c.connectionId)?.extra;
    const tokens = kept ? { ...c.tokens, extra: { ...kept, ...c.tokens.extra } } : c.tokens;
    const revived = reviveConnection(
      deps.db,
      deps.clock,
      c.organizationId,
      c.connectionId,
      sealTokens(deps, c.connectionId, tokens),
      tokens.expiresAt ?? null,
    );
    if (!revived) throw new ApiError('NOT_FOUND', 'Connection not found');
    scheduleSync(deps.db, deps.clock, c.connectionId, isoNow(deps.clock));
    return getConnection(deps.db, c.organizationId, c.connectionId) as Connection;
  })();
}

/**
 * Asks the platform whether it takes an API key, with the connector's one cheap call: 400 with the platform's
 * answer when it refuses. A platform that cannot be reached now does not block connecting: the first sync
 * asks again, and a refusal then marks the connection broken and alerts the owner.
 */
export async function checkApiKey(deps: EngineDeps, connector: Connector, tokens: TokenSet): Promise<void> {
  if (!connector.checkKey) return;
  try {
    await connector.checkKey({ tokens });
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    if (error.kind === 'unavailable' || error.kind === 'rate_limited') {
      deps.logger.warn(
        { err: error, platform: connector.platform },
        'API key not checked: platform unavailable',
      );
      return;
    }
    throw new ApiError(
      'VALIDATION_ERROR',
      `${LABELS[connector.platform]} refused the key: ${error.message.slice(0, 200)}`,
      { apiKey: 'refused by the platform' },
    );
  }
}

/**
 * Starts a consent: a random `state` (only its hash is stored, with the organization and who asked) and,
 * where the platform takes PKCE, a code verifier sealed at rest. Answers the provider's consent URL.
 */
export function startConsent(
  deps: EngineDeps,
  s: { organizationId: string; platform: ConnectorPlatform; startedBy: string; connectionId?: string },
): URL {
  const connector = usableConnector(deps, s.platform, 'oauth');
  const oauth = connector.oauth as NonNullable<Connector['oauth']>;
  const state = randomBase62(32);
  const stateHash = sha256(state);
  const verifier = oauth.usesPkce ? generateCodeVerifier() : null;
  const redirectUri = callbackUrl(deps);
  insertOAuthState(deps.db, deps.clock, {
    stateHash,
    organizationId: s.organizationId,
    platform: s.platform,
    startedBy: s.startedBy,
    codeVerifier: verifier ? encryptSecret(secretKeyOf(deps.config), verifier, stateHash) : null,
    redirectUri,
    connectionId: s.connectionId ?? null,
    expiresAt: new Date(deps.clock().getTime() + STATE_TTL_MS).toISOString(),
  });
  return oauth.authorizeUrl({ state, codeVerifier: verifier, redirectUri });
}

/**
 * Finishes a consent: the state must be known, unexpired and unused (400 otherwise, and it is spent either
 * way); the code is exchanged for tokens, which are stored sealed in a new connection, or in the connection
 * the consent reconnects.
 */
export async function finishConsent(
  deps: EngineDeps,
  input: { code: string; state: string },
): Promise<Connection> {
  const stateHash = sha256(input.state);
  const pending = consumeOAuthState(deps.db, deps.clock, stateHash);
  if (!pending) {
    throw new ApiError(
      'VALIDATION_ERROR',
      'This consent link is unknown, expired or already used: start again',
      {
        state: 'unknown, expired or already used',
      },
    );
  }
  const platform = pending.platform as ConnectorPlatform;
  const connector = usableConnector(deps, platform, 'oauth');
  const verifier = pending.codeVerifier
    ? decryptSecret(secretKeyOf(deps.config), pending.codeVerifier, stateHash)
    : null;
  let tokens: TokenSet;
  try {
    tokens = await (connector.oauth as NonNullable<Connector['oauth']>).exchange({
      code: input.code,
      codeVerifier: verifier,
      redirectUri: pending.redirectUri,
    });
  } catch (error) {
    deps.logger.warn({ err: error, platform }, 'code exchange failed');
    throw new ApiError('VALIDATION_ERROR', `${LABELS[platform]} did not accept the code: start again`, {
      code: (error as Error).message.slice(0, 200),
    });
  }
  if (pending.connectionId) {
    return renewConnection(deps, {
      organizationId: pending.organizationId,
      connectionId: pending.connectionId,
      tokens,
    });
  }
  return createConnection(deps, { organizationId: pending.organizationId, platform, tokens });
}
