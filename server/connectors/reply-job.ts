import type { JobHandler, JobOutcome } from '../delivery/outbox';
import { connectionById } from '../store/connections';
import type { OutboxJob } from '../store/outbox';
import { replyTargetOf, setReplyStatus } from '../store/review-platform';
import { getReview } from '../store/reviews';
import { markBroken } from './connection-broken';
import { withTokens } from './connection-tokens';
import { PlatformError } from './connector';
import { connectorFor, type EngineDeps } from './engine-deps';

/**
 * Carries the owner's reply to the platform (kind `connector_reply`, ref = review id): the review's current
 * reply is posted, or deleted there when it was removed, so the last write wins however many jobs queued.
 * Posted → `posted`; a platform that is down or limiting → retried with backoff; refused, or out of
 * attempts → `failed` with the reason.
 */
export function replyJobHandler(deps: EngineDeps): JobHandler {
  return {
    async run(job: OutboxJob): Promise<JobOutcome> {
      const target = replyTargetOf(deps.db, job.refId);
      if (!target) return { type: 'cancelled', reason: 'review gone or not from a connection' };
      const review = getReview(deps.db, target.organizationId, job.refId);
      const connection = connectionById(deps.db, target.connectionId);
      const connector = connection && connectorFor(deps.config, connection.platform);
      if (!review || !connection || !connector?.postReply) {
        return { type: 'cancelled', reason: 'nothing to post the reply with' };
      }
      if (connection.status !== 'active') {
        setReplyStatus(
          deps.db,
          review.id,
          'failed',
          `the ${connection.platform} connection is ${connection.status}`,
        );
        return { type: 'failed', error: `connection ${connection.status}` };
      }
      try {
        await withTokens(deps, connection.id, connector, async (tokens) => {
          if (review.reply !== null) {
            await connector.postReply?.({ tokens }, target.location, target.externalReviewId, review.reply);
            return;
          }
          try {
            await connector.deleteReply?.({ tokens }, target.location, target.externalReviewId);
          } catch (error) {
            // Already gone on the platform: what we wanted.
            if (!(error instanceof PlatformError && error.kind === 'not_found')) throw error;
          }
        });
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        if (error.kind === 'unauthorized') {
          markBroken(deps, connection, error.message);
          return { type: 'fail', error: error.message };
        }
        if (error.kind === 'rejected' || error.kind === 'not_found')
          return { type: 'fail', error: error.message };
        if (error.retryAfterMs !== null) {
          return { type: 'postpone', until: new Date(deps.clock().getTime() + error.retryAfterMs) };
        }
        return { type: 'retry', error: error.message };
      }
      setReplyStatus(deps.db, review.id, review.reply === null ? null : 'posted', null);
      return { type: 'done' };
    },
    giveUp(job: OutboxJob, error: string) {
      setReplyStatus(deps.db, job.refId, 'failed', error);
    },
  };
}
