import type { ConnectorPlatform } from '../connectors/connector';
import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

export type ConnectionStatus = 'active' | 'broken' | 'disconnected';

/** A connection to a review platform; its tokens never leave the store through this type. */
export type Connection = {
  id: string;
  organizationId: string;
  platform: ConnectorPlatform;
  status: ConnectionStatus;
  tokenExpiresAt: string | null;
  label: string;
  lastError: string | null;
  syncIntervalMinutes: number;
  createdAt: string;
  updatedAt: string;
};

type ConnectionRow = {
  id: string;
  organization_id: string;
  platform: ConnectorPlatform;
  status: ConnectionStatus;
  token_expires_at: string | null;
  label: string;
  last_error: string | null;
  sync_interval_minutes: number;
  created_at: string;
  updated_at: string;
};

const COLUMNS = `id, organization_id, platform, status, token_expires_at, label, last_error, sync_interval_minutes,
  created_at, updated_at`;

function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    organizationId: row.organization_id,
    platform: row.platform,
    status: row.status,
    tokenExpiresAt: row.token_expires_at,
    label: row.label,
    lastError: row.last_error,
    syncIntervalMinutes: row.sync_interval_minutes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stores a new active connection with its sealed tokens (the caller made the id: it seals the tokens). */
export function insertConnection(
  db: Db,
  clock: Clock,
  c: {
    id: string;
    organizationId: string;
    platform: ConnectorPlatform;
    label: string;
    syncIntervalMinutes: number;
    tokens: Buffer;
    tokenExpiresAt: string | null;
  },
): Connection {
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO connections (id, organization_id, platform, tokens, token_expires_at, label, sync_interval_minutes,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.organizationId,
    c.platform,
    c.tokens,
    c.tokenExpiresAt,
    c.label,
    c.syncIntervalMinutes,
    now,
    now,
  );
  return getConnection(db, c.organizationId, c.id)!;
}

/** A connection of the organization. */
export function getConnection(db: Db, organizationId: string, id: string): Connection | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM connections WHERE id = ? AND organization_id = ?`).get(
    id,
    organizationId,
  ) as ConnectionRow | undefined;
  return row && toConnection(row);
}

/** A connection by id alone: for the outbox jobs, whose ref names it. */
export function connectionById(db: Db, id: string): Connection | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM connections WHERE id = ?`).get(id) as ConnectionRow | undefined;
  return row && toConnection(row);
}

/** The organization's connections, oldest first. */
export function listConnections(db: Db, organizationId: string): Connection[] {
  return (
    sql(db, `SELECT ${COLUMNS} FROM connections WHERE organization_id = ? ORDER BY created_at, rowid`).all(
      organizationId,
    ) as ConnectionRow[]
  ).map(toConnection);
}

/** The sealed token set, or null once disconnected. */
export function sealedTokens(db: Db, id: string): Buffer | null {
  return (sql(db, 'SELECT tokens FROM connections WHERE id = ?').pluck().get(id) as Buffer | null) ?? null;
}

/** Replaces the token set (after a refresh or a new consent); the connection is active again. */
export function saveTokens(db: Db, clock: Clock, id: string, tokens: Buffer, expiresAt: string | null): void {
  sql(
    db,
    `UPDATE connections SET tokens = ?, token_expires_at = ?, status = 'active', last_error = NULL, updated_at = ?
     WHERE id = ? AND status <> 'disconnected'`,
  ).run(tokens, expiresAt, isoNow(clock), id);
}

/** Stores tokens a connector learned during a call (e.g. Facebook Page tokens), leaving the status alone. */
export function keepLearnedTokens(db: Db, clock: Clock, id: string, tokens: Buffer): void {
  sql(db, `UPDATE connections SET tokens = ?, updated_at = ? WHERE id = ? AND status <> 'disconnected'`).run(
    tokens,
    isoNow(clock),
    id,
  );
}

/** Gives a connection (broken, disconnected or active) new tokens and makes it active again. */
export function reviveConnection(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  tokens: Buffer,
  expiresAt: string | null,
): boolean {
  return (
    sql(
      db,
      `UPDATE connections SET tokens = ?, token_expires_at = ?, status = 'active', last_error = NULL, updated_at = ?
       WHERE id = ? AND organization_id = ?`,
    ).run(tokens, expiresAt, isoNow(clock), id, organizationId).changes === 1
  );
}

/** Replaces the sealed token set without touching the status (the owner changed which places it watches). */
export function resealTokens(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  tokens: Buffer,
): boolean {
  return (
    sql(
      db,
      `UPDATE connections SET tokens = ?, updated_at = ?
       WHERE id = ? AND organization_id = ? AND status <> 'disconnected'`,
    ).run(tokens, isoNow(clock), id, organizationId).changes > 0
  );
}

/**
 * Records the outcome of the last platform call: active with no error, or broken with why. A sync that
 * ends as the last one did changes nothing, so `updated_at` says when the connection last changed.
 */
export function setConnectionStatus(
  db: Db,
  clock: Clock,
  id: string,
  status: 'active' | 'broken',
  lastError: string | null,
): void {
  sql(
    db,
    `UPDATE connections SET status = ?, last_error = ?, updated_at = ?
     WHERE id = ? AND status <> 'disconnected' AND (status IS NOT ? OR last_error IS NOT ?)`,
  ).run(status, lastError, isoNow(clock), id, status, lastError);
}

/** Disconnects: the tokens are deleted, the locations and the reviews they brought stay. */
export function disconnect(db: Db, clock: Clock, organizationId: string, id: string): boolean {
  return (
    sql(
      db,
      `UPDATE connections SET status = 'disconnected', tokens = NULL, token_expires_at = NULL, updated_at = ?
       WHERE id = ? AND organization_id = ?`,
    ).run(isoNow(clock), id, organizationId).changes > 0
  );
}
