import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Db } from '../store/db';
import { insertOutboxJob } from '../store/outbox';
import { replyTargetOf, setReplyStatus } from '../store/review-platform';
import type { ConnectorPlatform } from './connector';
import { connectorFor } from './engine-deps';

/**
 * After the owner's reply to a review changed (written, edited or removed): a review a connection brought
 * from a platform with a reply API gets `pending` and a `connector_reply` job; from one without, the reply
 * stays in Plaudit (`local`). Run inside the transaction of the change, so the job commits with it.
 */
export function queueReplyToPlatform(
  deps: { db: Db; clock: Clock; config: Config },
  reviewId: string,
  reply: string | null,
): void {
  const target = replyTargetOf(deps.db, reviewId);
  if (!target) return;
  const connector = connectorFor(deps.config, target.platform as ConnectorPlatform);
  if (connector?.postReply) {
    setReplyStatus(deps.db, reviewId, 'pending', null);
    insertOutboxJob(deps.db, deps.clock, { kind: 'connector_reply', refId: reviewId });
    return;
  }
  setReplyStatus(deps.db, reviewId, reply === null ? null : 'local', null);
}
