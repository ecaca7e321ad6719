import { useState } from 'preact/hooks';
import { api, type Review } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate, sourceLabel } from '../../components/format';
import { Stars } from '../../components/Stars';
import { useItem } from '../../components/use-item';
import { businessName } from '../../state/business';
import { refreshUnread } from '../../state/unread';
import { ReplyForm } from './ReplyForm';
import { ReviewTags } from './ReviewTags';

/** One review: the full text, the reply, whether the widget shows it, hiding, tags. */
export function ReviewPage({ id }: { id: string }) {
  const { item: review, setItem, error } = useItem('review', id, api.review);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  if (error) return <ErrorNote error={error} />;
  if (!review) return <p role="status">Loading…</p>;

  const patch = async (change: { showOnWidget?: boolean; hidden?: boolean }, said: string) => {
    try {
      setItem(await api.updateReview(review.id, change));
      setFailure(null);
      setStatus(said);
    } catch (e) {
      setFailure(e);
    }
  };
  const update = (r: Review) => setItem(r);

  return (
    <article class="detail" aria-labelledby="review-title">
      <p>
        <a href="/dashboard">← Inbox</a>
      </p>
      <h1 id="review-title">Review by {review.authorName}</h1>
      <p class="meta">
        <Stars rating={review.rating} /> · {sourceLabel(review.source)} · {businessName(review.businessId)} ·{' '}
        {formatDate(review.publishedAt)}
        {review.url && (
          <>
            {' · '}
            <a href={review.url} rel="noopener noreferrer" target="_blank">
              Open on {sourceLabel(review.source)}
            </a>
          </>
        )}
      </p>
      {review.title && <h2 class="review-title">{review.title}</h2>}
      <p class="review-text">{review.content || '(no text)'}</p>
      <fieldset class="toggles">
        <legend class="sr-only">Visibility</legend>
        <button
          type="button"
          aria-pressed={review.showOnWidget}
          onClick={() =>
            patch(
              { showOnWidget: !review.showOnWidget },
              review.showOnWidget ? 'Removed from the widget.' : 'Shown on the widget.',
            )
          }
        >
          Show on widget
        </button>
        <button
          type="button"
          aria-pressed={review.hidden}
          onClick={() => patch({ hidden: !review.hidden }, review.hidden ? 'No longer hidden.' : 'Hidden.')}
        >
          Hide
        </button>
        <button
          type="button"
          class="ghost"
          onClick={async () => {
            try {
              await api.mark(false, { items: [{ type: 'review', id: review.id }] });
              await refreshUnread();
              setStatus('Marked unread.');
            } catch (e) {
              setFailure(e);
            }
          }}
        >
          Mark unread
        </button>
      </fieldset>
      <p role="status" class="muted">
        {status}
      </p>
      <ErrorNote error={failure} />
      <ReplyForm key={review.id} review={review} onChange={update} />
      <ReviewTags key={`tags-${review.id}`} review={review} onChange={update} />
    </article>
  );
}
