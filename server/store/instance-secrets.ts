import { randomBytes } from 'node:crypto';
import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

const cache = new WeakMap<Db, Map<string, Buffer>>();

/**
 * A 32-byte secret this install made for itself the first time it was asked for `name`, the same ever after
 * (it lives in the database, so a restore keeps it and each in-memory test database has its own).
 */
export function instanceSecret(db: Db, clock: Clock, name: string): Buffer {
  let secrets = cache.get(db);
  if (!secrets) {
    secrets = new Map();
    cache.set(db, secrets);
  }
  let secret = secrets.get(name);
  if (!secret) {
    // OR IGNORE: two processes on one file may race to create it; both then read the one that won.
    sql(db, 'INSERT OR IGNORE INTO instance_secrets (name, value, created_at) VALUES (?, ?, ?)').run(
      name,
      randomBytes(32),
      isoNow(clock),
    );
    secret = sql(db, 'SELECT value FROM instance_secrets WHERE name = ?').pluck().get(name) as Buffer;
    secrets.set(name, secret);
  }
  return secret;
}
