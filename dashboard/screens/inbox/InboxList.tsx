import type { InboxItem } from '../../api';
import { formatDate, sourceLabel } from '../../components/format';
import { Stars } from '../../components/Stars';
import { businessName } from '../../state/business';

type Props = {
  items: InboxItem[];
  selected: Set<string>;
  onToggle: (key: string) => void;
};

/** A stable key for an inbox item: its type and id. */
export const itemKey = (item: InboxItem): string =>
  item.type === 'review' ? `review:${item.review.id}` : `feedback:${item.feedback.id}`;

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/** The inbox rows, newest first; an unread one is bold and says so to screen readers. */
export function InboxList({ items, selected, onToggle }: Props) {
  if (items.length === 0) return <p class="empty">Nothing here matches.</p>;
  return (
    <ul class="inbox" aria-label="Reviews and feedback">
      {items.map((item) => {
        const key = itemKey(item);
        const review = item.type === 'review' ? item.review : null;
        const feedback = item.type === 'feedback' ? item.feedback : null;
        const who = review ? review.authorName : (feedback?.contactName ?? 'Anonymous');
        const href = review ? `/dashboard/reviews/${review.id}` : `/dashboard/feedback/${feedback?.id}`;
        const text = review ? review.title || review.content : (feedback?.comments ?? '');
        const business = businessName((review ?? feedback)?.businessId ?? '');
        return (
          <li key={key} class={item.read ? 'item' : 'item unread'} data-unread={item.read ? undefined : ''}>
            <input
              type="checkbox"
              checked={selected.has(key)}
              onChange={() => onToggle(key)}
              aria-label={`Select ${review ? 'review' : 'feedback'} from ${who}`}
            />
            <a href={href} class="item-link">
              <span class="item-head">
                {item.read ? <span class="who">{who}</span> : <strong class="who">{who}</strong>}
                {!item.read && <span class="sr-only"> (unread)</span>}
                {review ? (
                  <Stars rating={review.rating} />
                ) : (
                  <span class="badge">
                    Private feedback · {feedback?.type === 'star' ? `${feedback.score} ★` : feedback?.score}
                  </span>
                )}
              </span>
              <span class="item-text">{excerpt(text) || '(no text)'}</span>
              <span class="item-meta">
                {business} · {review ? sourceLabel(review.source) : 'Feedback'} · {formatDate(item.createdAt)}
                {review?.responded && ' · Replied'}
                {review?.showOnWidget && ' · On widget'}
                {feedback?.status === 'resolved' && ' · Resolved'}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
