import { type Algorithm, hash, verify } from '@node-rs/argon2';

// The library's enum is a `const enum`, which isolated modules cannot read: its Argon2id member is 2.
const ARGON2ID = 2 as Algorithm;

/** Argon2id cost. Production uses the library's recommended defaults; tests may pass a cheaper one. */
export type PasswordCost = { memoryCost: number; timeCost: number; parallelism: number };

/** OWASP's Argon2id minimum and @node-rs/argon2's defaults: 19 MiB, 2 passes, 1 lane. */
export const DEFAULT_PASSWORD_COST: PasswordCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** An Argon2id PHC string (salt and cost inside it). */
export function hashPassword(password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  return hash(password, { ...cost, algorithm: ARGON2ID });
}

/** Whether `password` matches `stored`; a malformed stored hash is a mismatch, never a throw. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * A hash of nothing anyone knows, at the same cost as real ones: an unknown email is verified against it
 * so the answer takes as long as a wrong password.
 */
export function dummyHash(cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const key = `${cost.memoryCost}/${cost.timeCost}/${cost.parallelism}`;
  let found = dummyHashes.get(key);
  if (!found) {
    found = hashPassword(`dummy-${Math.random()}-${Date.now()}`, cost);
    dummyHashes.set(key, found);
  }
  return found;
}
