import type { Logger } from './logger';

/** A job started by `startScheduledJob`; `stop()` clears its timers. */
export type ScheduledJob = { stop(): void };

/**
 * Runs `run` soon after start and then every `everyMs`. A throw is logged as `failure` and the job is tried
 * again at the next tick; the timers are unref'd so they never keep the process alive on their own.
 */
export function startScheduledJob(
  options: { logger: Logger; failure: string; everyMs: number },
  run: () => void,
): ScheduledJob {
  const tick = () => {
    try {
      run();
    } catch (error) {
      options.logger.error({ err: error }, options.failure);
    }
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, options.everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
