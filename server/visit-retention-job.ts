import type { Config } from './config';
import type { Clock } from './domain/clock';
import type { Logger } from './logger';
import { type ScheduledJob, startScheduledJob } from './scheduled-job';
import type { Db } from './store/db';
import { pruneOldVisits } from './store/visit-retention';

const HOUR = 3_600_000;

/**
 * Runs the visit retention (`PLAUDIT_VISIT_RETENTION_DAYS`) at start and then every hour: old landing visits
 * become daily figures and their raw rows go. A failed run is logged and tried again at the next one.
 * The timer is unref'd: it never keeps the process alive on its own.
 */
export function startVisitRetention(
  deps: { db: Db; config: Pick<Config, 'visitRetentionDays'>; logger: Logger; clock: Clock },
  everyMs = HOUR,
): ScheduledJob {
  return startScheduledJob({ logger: deps.logger, failure: 'visit retention failed', everyMs }, () => {
    const pruned = pruneOldVisits(deps.db, deps.clock, deps.config.visitRetentionDays);
    if (pruned.visits || pruned.events) deps.logger.info(pruned, 'old landing visits rolled up');
  });
}
