import { useEffect, useState } from 'preact/hooks';
import { api, type Review } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Stars } from '../../components/Stars';

type Props = { businessId: string; onChanged: () => void };

/** Which reviews the widget shows: a toggle per review (with search) and a bulk action for the 5★ ones. */
export function WidgetReviewPicker({ businessId, onChanged }: Props) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const load = () =>
    api.reviews({ businessId, q: search || undefined, perPage: '50', hidden: 'false' }).then(
      (r) => setReviews(r.data),
      (e) => setError(e),
    );
  useEffect(() => {
    setReviews(null);
    load();
  }, [businessId, search]);

  async function act(action: () => Promise<string>) {
    try {
      setStatus(await action());
      setError(null);
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section class="picker" aria-labelledby="picker-title">
      <h2 id="picker-title">Reviews on the widget</h2>
      <form
        aria-label="Review search"
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <label>
          <span>Search reviews</span>
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            act(async () => {
              const { updated } = await api.bulkReviews({
                filter: { businessId, minRating: 5, hasText: true },
                set: { showOnWidget: true },
              });
              await load();
              return `${updated} five-star ${updated === 1 ? 'review' : 'reviews'} with text now shown.`;
            })
          }
        >
          Show every 5★ review with text
        </button>
      </div>
      <p role="status" class="muted">
        {status}
      </p>
      <ErrorNote error={error} />
      {reviews === null && !error && <p role="status">Loading…</p>}
      {reviews?.length === 0 && <p class="empty">No reviews match.</p>}
      <ul class="pick-list">
        {reviews?.map((r) => (
          <li key={r.id}>
            <label class="check">
              <input
                type="checkbox"
                checked={r.showOnWidget}
                onChange={() =>
                  act(async () => {
                    const updated = await api.updateReview(r.id, { showOnWidget: !r.showOnWidget });
                    setReviews((list) => list?.map((x) => (x.id === r.id ? updated : x)) ?? null);
                    return `${updated.showOnWidget ? 'Shown' : 'No longer shown'}: review by ${r.authorName}.`;
                  })
                }
              />
              <span>
                <Stars rating={r.rating} /> <strong>{r.authorName}</strong>:{' '}
                {r.content.slice(0, 120) || '(no text)'}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
