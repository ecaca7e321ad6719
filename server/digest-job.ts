import type { Config } from './config';
import { queueDueDigests } from './delivery/digests';
import type { Clock } from './domain/clock';
import type { Logger } from './logger';
import { type ScheduledJob, startScheduledJob } from './scheduled-job';
import type { Db } from './store/db';

const FIVE_MINUTES = 300_000;

/**
 * Queues the owners' daily digests at start and then every five minutes (a digest goes out within five
 * minutes of its local hour). A failed run is logged and tried again at the next one; the timer is unref'd.
 */
export function startDigests(
  deps: { db: Db; config: Pick<Config, 'publicUrl'>; logger: Logger; clock: Clock },
  everyMs = FIVE_MINUTES,
): ScheduledJob {
  return startScheduledJob({ logger: deps.logger, failure: 'daily digests failed', everyMs }, () => {
    const queued = queueDueDigests({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl });
    if (queued) deps.logger.info({ queued }, 'daily digests queued');
  });
}
