import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

export type IdempotencyRecord = {
  requestHash: string;
  state: 'running' | 'done';
  responseStatus: number | null;
  responseBody: string | null;
  createdAt: string;
};

const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Claims `key` for a request. Returns the existing record when the key was already used inside 24 h,
 * or undefined when this request now owns it (state `running`).
 */
export function claimIdempotencyKey(
  db: Db,
  clock: Clock,
  apiKeyId: string,
  key: string,
  requestHash: string,
): IdempotencyRecord | undefined {
  return db.transaction(() => {
    const cutoff = new Date(clock().getTime() - RETENTION_MS).toISOString();
    sql(db, 'DELETE FROM idempotency_keys WHERE api_key_id = ? AND key = ? AND created_at < ?').run(
      apiKeyId,
      key,
      cutoff,
    );
    const row = sql(db, 'SELECT * FROM idempotency_keys WHERE api_key_id = ? AND key = ?').get(
      apiKeyId,
      key,
    ) as
      | {
          request_hash: string;
          state: 'running' | 'done';
          response_status: number | null;
          response_body: string | null;
          created_at: string;
        }
      | undefined;
    if (row) {
      return {
        requestHash: row.request_hash,
        state: row.state,
        responseStatus: row.response_status,
        responseBody: row.response_body,
        createdAt: row.created_at,
      };
    }
    sql(
      db,
      `INSERT INTO idempotency_keys (api_key_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'running', ?)`,
    ).run(apiKeyId, key, requestHash, isoNow(clock));
    return undefined;
  })();
}

export function completeIdempotencyKey(
  db: Db,
  apiKeyId: string,
  key: string,
  status: number,
  body: string,
): void {
  sql(
    db,
    `UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ? WHERE api_key_id = ? AND key = ?`,
  ).run(status, body, apiKeyId, key);
}

/** Forgets a key whose request failed on our side, so the client may retry it. */
export function releaseIdempotencyKey(db: Db, apiKeyId: string, key: string): void {
  sql(db, 'DELETE FROM idempotency_keys WHERE api_key_id = ? AND key = ?').run(apiKeyId, key);
}

/** Removes records older than the 24 h replay window. */
export function purgeIdempotencyKeys(db: Db, clock: Clock): number {
  const cutoff = new Date(clock().getTime() - RETENTION_MS).toISOString();
  return sql(db, 'DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff).changes;
}
