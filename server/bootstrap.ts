import type { Config } from './config';
import type { Clock } from './domain/clock';
import { createApiKey, findApiKeyBySecret, hasAdminKey } from './store/api-keys';
import type { Db } from './store/db';
import { seedDemo } from './store/demo-seed';
import { hasOrganizations } from './store/organizations';

export type BootstrapResult = {
  /** The admin key's secret, set only when it was generated now: print it once, it is never shown again. */
  generatedAdminKey?: string;
  adminKeyFromEnvironment: boolean;
  /** `PLAUDIT_BOOTSTRAP_KEY` names a key that was revoked: it stays revoked and makes no admin key. */
  bootstrapKeyRevoked?: boolean;
  demo?: { organizationId: string; businessId: string; slug: string };
};

/**
 * First-run setup: an admin key (the operator's `PLAUDIT_BOOTSTRAP_KEY`, or a fresh one) when none exists,
 * and the demo organization when the database holds no organization yet and `PLAUDIT_DEMO` is on.
 */
export function bootstrap(db: Db, clock: Clock, config: Config): BootstrapResult {
  return db.transaction((): BootstrapResult => {
    const result: BootstrapResult = { adminKeyFromEnvironment: false };
    // A revoked key must never come back to life by a restart, nor stop the server from starting.
    if (config.bootstrapKey && findApiKeyBySecret(db, config.bootstrapKey)?.revokedAt) {
      result.bootstrapKeyRevoked = true;
    } else if (!hasAdminKey(db)) {
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
