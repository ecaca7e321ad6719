import type { Context } from 'hono';
import type { AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import { clientIp } from '../http/rate-limit';
import {
  accountBucket,
  clearLoginFailures,
  type LockoutPolicy,
  lockedForMs,
  recordLoginFailure,
} from '../store/login-attempts';

// One account: from the 3rd failure each next try waits a few seconds longer (slow enough to stop guessing,
// short enough for a typo); the 5th locks it for a minute, each further failure doubles that, up to 15
// minutes. One address trying many accounts gets more room (an office shares one IP), then the same.
const ACCOUNT_POLICY: LockoutPolicy = {
  slowAfter: 3,
  slowMs: 2_000,
  threshold: 5,
  baseLockMs: 60_000,
  maxLockMs: 15 * 60_000,
};
const IP_POLICY: LockoutPolicy = { ...ACCOUNT_POLICY, slowAfter: 10, threshold: 20 };

const buckets = (c: Context, deps: AppDeps, email: string) => ({
  account: accountBucket(email),
  ip: `ip:${clientIp(c, deps.config.trustProxy)}`,
});

/** Refuses the attempt with 429 and Retry-After while the account or the address is locked. */
export function assertNotLocked(c: Context, deps: AppDeps, email: string): void {
  const { account, ip } = buckets(c, deps, email);
  const waitMs = Math.max(lockedForMs(deps.db, deps.clock, account), lockedForMs(deps.db, deps.clock, ip));
  if (waitMs > 0) {
    const retryAfter = String(Math.ceil(waitMs / 1000));
    throw new ApiError(
      'RATE_LIMIT_EXCEEDED',
      `Too many failed sign-in attempts: try again in ${retryAfter} seconds`,
      { retryAfter: `${retryAfter} seconds` },
      { 'Retry-After': retryAfter },
    );
  }
}

/** Counts a failed attempt against the account and the address. */
export function recordFailure(c: Context, deps: AppDeps, email: string): void {
  const { account, ip } = buckets(c, deps, email);
  deps.db.transaction(() => {
    recordLoginFailure(deps.db, deps.clock, account, ACCOUNT_POLICY);
    recordLoginFailure(deps.db, deps.clock, ip, IP_POLICY);
  })();
}

/** A success forgives the account's earlier failures (not the address's: one good account must not reset it). */
export function recordSuccess(c: Context, deps: AppDeps, email: string): void {
  clearLoginFailures(deps.db, buckets(c, deps, email).account);
}
