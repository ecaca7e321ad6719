import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Migration = { version: number; name: string; sql: string };

/** The numbered `.sql` files, in order; a gap or duplicate number is a packaging error. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is out of sequence`);
  });
  return migrations;
}

export class SchemaTooNewError extends Error {}

/**
 * Applies every migration newer than `PRAGMA user_version`, all in one transaction.
 * Refuses a database written by a newer Plaudit: its schema is not ours to guess at.
 */
export function migrate(db: Db, migrations = loadMigrations()): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) {
    throw new SchemaTooNewError(
      `Database schema version ${from} is newer than this Plaudit (${latest}); upgrade Plaudit instead`,
    );
  }
  if (from === latest) return { from, to: latest };
  // A migration that rebuilds a table drops the old one: with foreign keys on, that drop would first
  // delete every row and run the ON DELETE actions of the tables pointing at it. So, as SQLite's
  // documented table rebuild does, they are off while migrating and checked before the commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of migrations.slice(from)) db.exec(migration.sql);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length) throw new Error(`Migration left ${violations.length} broken foreign key(s)`);
      db.pragma(`user_version = ${latest}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
  return { from, to: latest };
}
