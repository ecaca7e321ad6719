import type { JobHandler, JobOutcome } from '../delivery/outbox';
import { mappedLocationsOf } from '../store/connection-locations';
import { connectionById, setConnectionStatus } from '../store/connections';
import { extendLease, type OutboxJob } from '../store/outbox';
import { finishRun, recordRun, startRun } from '../store/sync-runs';
import { markBroken } from './connection-broken';
import { withTokens } from './connection-tokens';
import { PlatformError } from './connector';
import { connectorFor, type EngineDeps } from './engine-deps';
import { syncLocation } from './sync-location';

/** A sync keeps its job leased this long past each page, so a slow platform never lets a second run start. */
const LEASE_MS = 5 * 60_000;
/** A platform that is down without saying for how long is asked again after this. */
const UNAVAILABLE_RETRY_MS = 5 * 60_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The one sync job of a connection (kind `connector_sync`, ref = connection id). Each run syncs every
 * mapped location in turn, each recorded as a sync run; one failing location does not stop the others. The
 * job is then postponed to the next interval (it never finishes while the connection lives), or sooner to
 * what a rate limit's Retry-After asks. An unauthorized answer after a refresh marks the connection broken
 * and ends the job; reconnecting queues a new one.
 */
export function syncJobHandler(deps: EngineDeps): JobHandler {
  return {
    async run(job: OutboxJob): Promise<JobOutcome> {
      const connection = connectionById(deps.db, job.refId);
      if (connection?.status !== 'active') {
        return { type: 'cancelled', reason: `connection ${connection?.status ?? 'gone'}` };
      }
      const now = deps.clock().getTime();
      let next = now + connection.syncIntervalMinutes * 60_000;
      const connector = connectorFor(deps.config, connection.platform);
      if (!connector) return { type: 'postpone', until: new Date(next) };
      const errors: string[] = [];
      for (const location of mappedLocationsOf(deps.db, connection.id)) {
        const runId = startRun(deps.db, deps.clock, connection.id, location.id);
        let last = { fetched: 0, created: 0, updated: 0, hidden: 0 };
        try {
          last = await syncLocation(
            {
              ...deps,
              connector,
              call: (run) => withTokens(deps, connection.id, connector, run),
              progress: (counts) => {
                last = { ...counts };
                recordRun(deps.db, runId, counts);
                extendLease(deps.db, deps.clock, job.id, LEASE_MS);
              },
            },
            location as typeof location & { businessId: string },
          );
          finishRun(deps.db, deps.clock, runId, last, null);
        } catch (error) {
          finishRun(deps.db, deps.clock, runId, last, messageOf(error));
          if (!(error instanceof PlatformError)) {
            deps.logger.error({ err: error, connectionId: connection.id }, 'connector sync failed');
            errors.push(messageOf(error));
            continue;
          }
          if (error.kind === 'unauthorized') {
            markBroken(deps, connection, error.message);
            return { type: 'cancelled', reason: `broken: ${error.message}` };
          }
          errors.push(`${location.location.name}: ${error.message}`);
          if (error.kind === 'rate_limited' || error.kind === 'unavailable') {
            const wait = error.retryAfterMs ?? (error.kind === 'unavailable' ? UNAVAILABLE_RETRY_MS : 60_000);
            next = Math.min(next, deps.clock().getTime() + wait);
            // The limit is the platform's for the whole grant: the other locations would meet it too.
            if (error.kind === 'rate_limited') break;
          }
        }
      }
      setConnectionStatus(
        deps.db,
        deps.clock,
        connection.id,
        'active',
        errors.length ? errors.join('; ') : null,
      );
      return { type: 'postpone', until: new Date(next) };
    },
    giveUp() {
      // Never reached in practice (a sync postpones itself); the job row keeps the reason.
    },
  };
}
