import type { Config } from './config';
import type { Clock } from './domain/clock';
import { createApiKey, hasAdminKey } from './store/api-keys';
import { createAuthToken, liveSetupTokenExpiry } from './store/auth-tokens';
import type { Db } from './store/db';
import { seedDemo } from './store/demo-seed';
import { hasOrganizations } from './store/organizations';
import { hasUsers } from './store/users';

export type BootstrapResult = {
  /** The admin key's secret, set only when it was generated now: print it once, it is never shown again. */
  generatedAdminKey?: string;
  adminKeyFromEnvironment: boolean;
  demo?: { organizationId: string; businessId: string; slug: string };
};

/**
 * First-run setup: an admin key (the operator's `PLAUDIT_BOOTSTRAP_KEY`, or a fresh one) when none exists,
 * and the demo organization when the database holds no organization yet and `PLAUDIT_DEMO` is on.
 */
export function bootstrap(db: Db, clock: Clock, config: Config): BootstrapResult {
  return db.transaction((): BootstrapResult => {
    const result: BootstrapResult = { adminKeyFromEnvironment: false };
    if (!hasAdminKey(db)) {
      const created = createApiKey(db, clock, {
        organizationId: null,
        name: 'admin',
        mode: 'live',
        scopes: [],
        secret: config.bootstrapKey,
      });
      if (config.bootstrapKey) result.adminKeyFromEnvironment = true;
      else result.generatedAdminKey = created.secret;
    }
    if (config.demo && !hasOrganizations(db)) result.demo = seedDemo(db, clock);
    return result;
  })();
}

export const SETUP_TTL_MS = 24 * 3_600_000;

/** What to tell the operator about the first account: a new link, or when the one printed before expires. */
export type FirstAccountSetup = { setupUrl: string } | { pendingUntil: string } | undefined;

/**
 * While no user exists: a one-time setup link (24 h, single use) for the first account, printed beside the
 * admin key. Only its hash is stored, so a restart while it is still valid says so instead of printing it;
 * once it expired, a restart prints a new one.
 */
export function firstAccountSetup(db: Db, clock: Clock, config: Config): FirstAccountSetup {
  return db.transaction((): FirstAccountSetup => {
    if (hasUsers(db)) return undefined;
    const pendingUntil = liveSetupTokenExpiry(db, clock);
    if (pendingUntil) return { pendingUntil };
    const { token } = createAuthToken(db, clock, { purpose: 'setup', ttlMs: SETUP_TTL_MS });
    return { setupUrl: `${config.publicUrl}/dashboard/setup?token=${token}` };
  })();
}

/** The lines the server and `plaudit init` print about the first account. */
export function firstAccountLines(setup: FirstAccountSetup): string[] {
  if (!setup) return [];
  if ('setupUrl' in setup) return [`Set up the first account: ${setup.setupUrl}`];
  return [
    `A setup link for the first account was printed earlier; it works until ${setup.pendingUntil}.`,
    'Or create the account with `plaudit users create --instance-admin …`.',
  ];
}
