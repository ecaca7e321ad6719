import { useEffect, useState } from 'preact/hooks';
import { api, type Review } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate, sourceLabel } from '../../components/format';
import { Stars } from '../../components/Stars';
import { businessName } from '../../state/business';

/** The review a proposed reply answers (loaded without marking it read), then the exact reply text. */
export function ReplyDetails({ reviewId, reply }: { reviewId: string; reply: string }) {
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.review(reviewId).then(
      (r) => live && setReview(r),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [reviewId]);
  return (
    <div class="pending-body">
      <ErrorNote error={error} />
      {review ? (
        <>
          <p class="meta">
            Review by <a href={`/dashboard/reviews/${encodeURIComponent(review.id)}`}>{review.authorName}</a>{' '}
            · <Stars rating={review.rating} /> · {businessName(review.businessId)} ·{' '}
            {sourceLabel(review.source)} · {formatDate(review.publishedAt)}
          </p>
          {review.title && <p class="review-title">{review.title}</p>}
          <p class="review-text">{review.content || '(no text)'}</p>
          {review.reply && (
            <p class="muted">
              This review already has a reply; approving replaces it:
              <span class="reply-text">{review.reply}</span>
            </p>
          )}
        </>
      ) : (
        !error && <p class="muted">Loading the review…</p>
      )}
      <p class="pending-label">The public reply it would post:</p>
      <p class="reply-text" data-testid="proposed-reply">
        {reply}
      </p>
    </div>
  );
}
