import { type Clock, isoNow } from '../domain/clock';
import { newApiKeySecret, newId, sha256 } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type ApiKey = {
  id: string;
  organizationId: string | null;
  name: string;
  prefix: string;
  mode: 'live' | 'test';
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type ApiKeyRow = {
  id: string;
  organization_id: string | null;
  name: string;
  prefix: string;
  mode: 'live' | 'test';
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  prefix: row.prefix,
  mode: row.mode,
  scopes: JSON.parse(row.scopes),
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export type NewApiKey = {
  organizationId: string | null;
  name: string;
  mode: 'live' | 'test';
  scopes: string[];
  /** A caller-chosen secret (the bootstrap key); otherwise one is generated. */
  secret?: string;
};

/** Stores only the SHA-256 of the secret; the secret is returned here and never again. */
export function createApiKey(db: Db, clock: Clock, input: NewApiKey): { key: ApiKey; secret: string } {
  const secret = input.secret ?? newApiKeySecret(input.mode);
  const id = newId('key');
  const now = isoNow(clock);
  const prefix = secret.slice(0, 12);
  sql(
    db,
    `INSERT INTO api_keys (id, organization_id, name, hash, prefix, mode, scopes, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.organizationId,
    input.name,
    sha256(secret),
    prefix,
    input.mode,
    JSON.stringify(input.scopes),
    now,
  );
  return {
    secret,
    key: {
      id,
      organizationId: input.organizationId,
      name: input.name,
      prefix,
      mode: input.mode,
      scopes: input.scopes,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    },
  };
}

/** Looks a presented secret up by its digest; revoked keys are returned too so the caller can say why. */
export function findApiKeyBySecret(db: Db, secret: string): ApiKey | undefined {
  const row = sql(db, 'SELECT * FROM api_keys WHERE hash = ?').get(sha256(secret)) as ApiKeyRow | undefined;
  return row && toApiKey(row);
}

/** Records use at minute granularity, so a busy key does not write on every request. */
export function touchApiKey(db: Db, clock: Clock, key: ApiKey): void {
  const now = isoNow(clock);
  if (key.lastUsedAt && key.lastUsedAt.slice(0, 16) === now.slice(0, 16)) return;
  sql(db, 'UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, key.id);
}

export function hasAdminKey(db: Db): boolean {
  return !!sql(
    db,
    'SELECT 1 FROM api_keys WHERE organization_id IS NULL AND revoked_at IS NULL LIMIT 1',
  ).get();
}

/** How many admin keys (of one mode) are not revoked. */
export function countActiveAdminKeys(db: Db, mode: 'live' | 'test'): number {
  return (
    sql(
      db,
      'SELECT count(*) AS n FROM api_keys WHERE organization_id IS NULL AND revoked_at IS NULL AND mode = ?',
    ).get(mode) as { n: number }
  ).n;
}

/** Keys of one organization, or the admin keys when `organizationId` is null. */
export function listApiKeys(
  db: Db,
  organizationId: string | null,
  page: { limit: number; offset: number },
): { items: ApiKey[]; total: number } {
  const rows = sql(
    db,
    `SELECT * FROM api_keys WHERE organization_id IS ? ORDER BY created_at DESC, rowid DESC ${pageSql(page.limit)}`,
  ).all(organizationId, page.offset) as ApiKeyRow[];
  const { total } = sql(db, 'SELECT count(*) AS total FROM api_keys WHERE organization_id IS ?').get(
    organizationId,
  ) as {
    total: number;
  };
  return { items: rows.map(toApiKey), total };
}

export function getApiKey(db: Db, organizationId: string | null, id: string): ApiKey | undefined {
  const row = sql(db, 'SELECT * FROM api_keys WHERE id = ? AND organization_id IS ?').get(
    id,
    organizationId,
  ) as ApiKeyRow | undefined;
  return row && toApiKey(row);
}

export function revokeApiKey(
  db: Db,
  clock: Clock,
  organizationId: string | null,
  id: string,
): ApiKey | undefined {
  sql(
    db,
    'UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND organization_id IS ?',
  ).run(isoNow(clock), id, organizationId);
  return getApiKey(db, organizationId, id);
}
