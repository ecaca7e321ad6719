import type { Db } from '../store/db';
import { localReplyUrlOf, platformStateOf } from '../store/review-platform';
import type { Connector, PlatformLocation } from './connector';

/** Where the owner answers a location's reviews by hand: the connector's link, else the location's page. */
export function replyUrlOf(
  connector: Connector | undefined | null,
  location: PlatformLocation,
): string | null {
  return connector?.replyUrl?.(location) ?? location.url ?? null;
}

/**
 * How the owner's reply fares on the platform a connection brought the review from: `replyStatus`
 * (`pending`, `posted`, `failed` with `replyError`; `local` where the platform has no reply API, with
 * `replyUrl` where to answer by hand). Nothing for reviews no connection brought.
 */
export function platformReplyFields(db: Db, reviewId: string) {
  const state = platformStateOf(db, reviewId);
  if (!state) return {};
  const replyUrl = state.replyStatus === 'local' ? localReplyUrlOf(db, reviewId) : null;
  return { replyStatus: state.replyStatus, replyError: state.replyError, replyUrl };
}
