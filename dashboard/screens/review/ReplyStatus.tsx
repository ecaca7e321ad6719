import type { Review } from '../../api';
import { sourceLabel } from '../../components/format';

/** Where a reply stands on the platform the review came from (DESIGN §11); absent for Plaudit's own reviews. */
export type ReplyState = Pick<Review, 'replyStatus' | 'replyError' | 'replyUrl'>;

/** Says whether the reply reached the review's platform, why not, and what the owner can do. */
export function ReplyStatus({ review }: { review: Review }) {
  const platform = sourceLabel(review.source);
  switch (review.replyStatus) {
    case 'pending':
      return (
        <p class="reply-status" data-testid="reply-status">
          Posting to {platform}… it shows there within a few minutes.
        </p>
      );
    case 'posted':
      return (
        <p class="reply-status" data-testid="reply-status">
          Posted on {platform}.
        </p>
      );
    case 'failed':
      return (
        <div class="error" role="alert" data-testid="reply-status">
          <p>
            Not posted on {platform}: {review.replyError ?? 'the platform refused it'}.
          </p>
          <p>Save the reply again to try once more; if the connection is broken, reconnect it first.</p>
          <p>
            <a href="/dashboard/settings/connections">Connections</a>
          </p>
        </div>
      );
    case 'local':
      return (
        <p class="reply-status" data-testid="reply-status">
          This reply stays in Plaudit: {platform} takes no replies from other apps.{' '}
          {review.replyUrl && (
            <a href={review.replyUrl} target="_blank" rel="noopener noreferrer">
              Answer on {platform}
            </a>
          )}
        </p>
      );
    default:
      return null;
  }
}
