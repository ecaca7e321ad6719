import type { Config } from '../config';
import type { Db } from '../store/db';
import { platformStateOf, replyTargetOf } from '../store/review-platform';
import type { ConnectorPlatform } from './connector';
import { connectorFor } from './engine-deps';

/**
 * How the owner's reply fares on the platform a connection brought the review from: `replyStatus`
 * (`pending`, `posted`, `failed` with `replyError`; `local` where the platform has no reply API, with
 * `replyUrl` where to answer by hand). Nothing for reviews no connection brought.
 */
export function platformReplyFields(db: Db, config: Config, reviewId: string) {
  const state = platformStateOf(db, reviewId);
  if (!state) return {};
  const target = replyTargetOf(db, reviewId);
  const connector = target && connectorFor(config, target.platform as ConnectorPlatform);
  const replyUrl =
    target && state.replyStatus === 'local'
      ? (connector?.replyUrl?.(target.location, target.externalReviewId) ?? target.location.url ?? null)
      : null;
  return { replyStatus: state.replyStatus, replyError: state.replyError, replyUrl };
}
