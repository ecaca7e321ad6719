import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type User = { id: string; email: string; name: string; instanceAdmin: boolean; createdAt: string };

type UserRow = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  instance_admin: number;
  created_at: string;
  updated_at: string;
};

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  instanceAdmin: row.instance_admin === 1,
  createdAt: row.created_at,
});

/** Creates a user; the caller hashed the password. Throws on a taken email (unique, any case). */
export function createUser(
  db: Db,
  clock: Clock,
  input: { email: string; name: string; passwordHash: string; instanceAdmin?: boolean },
): User {
  const id = newId('usr');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO users (id, email, name, password_hash, instance_admin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.email, input.name, input.passwordHash, input.instanceAdmin ? 1 : 0, now, now);
  return { id, email: input.email, name: input.name, instanceAdmin: !!input.instanceAdmin, createdAt: now };
}

export function getUser(db: Db, id: string): User | undefined {
  const row = sql(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(row);
}

/** A user and their password hash by email, whatever its case (login only). */
export function findUserByEmail(db: Db, email: string): (User & { passwordHash: string }) | undefined {
  const row = sql(db, 'SELECT * FROM users WHERE email = ?').get(email.trim()) as UserRow | undefined;
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

export function hasUsers(db: Db): boolean {
  return !!sql(db, 'SELECT 1 FROM users LIMIT 1').get();
}

export function listUsers(db: Db): User[] {
  return (sql(db, 'SELECT * FROM users ORDER BY created_at, rowid').all() as UserRow[]).map(toUser);
}

export function setUserPassword(db: Db, clock: Clock, id: string, passwordHash: string): void {
  sql(db, 'UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(
    passwordHash,
    isoNow(clock),
    id,
  );
}

/** The stored hash, to check the current password before a change. */
export function passwordHashOf(db: Db, id: string): string | undefined {
  const row = sql(db, 'SELECT password_hash FROM users WHERE id = ?').get(id) as
    | { password_hash: string }
    | undefined;
  return row?.password_hash;
}
