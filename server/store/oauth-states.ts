import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

/** A consent in progress, as its callback finds it. */
export type OAuthState = {
  organizationId: string;
  platform: string;
  startedBy: string;
  codeVerifier: Buffer | null;
  redirectUri: string;
  /** Set when the consent reconnects an existing connection. */
  connectionId?: string | null;
};

/** Stores a consent in progress under the hash of its `state`. */
export function insertOAuthState(
  db: Db,
  clock: Clock,
  s: OAuthState & { stateHash: string; expiresAt: string },
): void {
  const now = isoNow(clock);
  // Expired consents are of no use to anyone: each new one sweeps them.
  sql(db, 'DELETE FROM oauth_states WHERE expires_at < ?').run(now);
  sql(
    db,
    `INSERT INTO oauth_states (state_hash, organization_id, platform, started_by, code_verifier, redirect_uri,
       connection_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.stateHash,
    s.organizationId,
    s.platform,
    s.startedBy,
    s.codeVerifier,
    s.redirectUri,
    s.connectionId ?? null,
    now,
    s.expiresAt,
  );
}

/** Uses a state once: undefined when unknown, expired or already used. */
export function consumeOAuthState(db: Db, clock: Clock, stateHash: string): OAuthState | undefined {
  const now = isoNow(clock);
  const row = sql(
    db,
    `UPDATE oauth_states SET used_at = ? WHERE state_hash = ? AND used_at IS NULL AND expires_at > ?
     RETURNING organization_id, platform, started_by, code_verifier, redirect_uri, connection_id`,
  ).get(now, stateHash, now) as
    | {
        organization_id: string;
        platform: string;
        started_by: string;
        code_verifier: Buffer | null;
        redirect_uri: string;
        connection_id: string | null;
      }
    | undefined;
  return (
    row && {
      organizationId: row.organization_id,
      platform: row.platform,
      startedBy: row.started_by,
      codeVerifier: row.code_verifier,
      redirectUri: row.redirect_uri,
      connectionId: row.connection_id,
    }
  );
}
