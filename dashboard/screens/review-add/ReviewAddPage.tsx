import { useState } from 'preact/hooks';
import { reviewsApi } from '../../api/reviews';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { businessId as pickedBusiness } from '../../state/business';
import { BusinessSelect, firstBusiness } from './BusinessSelect';
import { SOURCE_CHOICES } from './sources';

/** Adds one review by hand (`POST /reviews`): a testimonial, or a review copied from elsewhere. */
export function ReviewAddPage() {
  const [businessId, setBusinessId] = useState(firstBusiness(pickedBusiness.value));
  const [source, setSource] = useState<(typeof SOURCE_CHOICES)[number]['id']>('direct');
  const [rating, setRating] = useState('5');
  const [authorName, setAuthor] = useState('');
  const [content, setContent] = useState('');
  const [date, setDate] = useState('');
  const [showOnWidget, setShow] = useState(false);
  const { submit, busy, error, done } = useSubmit(() =>
    reviewsApi.create({
      businessId: businessId || firstBusiness(''),
      source,
      rating: Number(rating),
      authorName: authorName.trim(),
      content: content.trim() || undefined,
      // A date alone means that day, at noon UTC, so it shows as that day in every time zone nearby.
      publishedAt: date ? `${date}T12:00:00.000Z` : undefined,
      showOnWidget,
    }),
  );
  return (
    <section aria-labelledby="add-title">
      <div class="title-row">
        <h1 id="add-title">Add a review</h1>
        <a href="/dashboard/reviews/import">Import a file instead</a>
      </div>
      <form class="panel" onSubmit={submit}>
        <BusinessSelect value={businessId} onValue={setBusinessId} />
        <div class="field">
          <label for="rev-source">Source</label>
          <select
            id="rev-source"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as typeof source)}
          >
            {SOURCE_CHOICES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rev-rating">Rating</label>
          <select id="rev-rating" value={rating} onChange={(e) => setRating(e.currentTarget.value)}>
            {['5', '4', '3', '2', '1'].map((n) => (
              <option key={n} value={n}>
                {n} {n === '1' ? 'star' : 'stars'}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Author"
          name="authorName"
          value={authorName}
          onValue={setAuthor}
          required
          maxLength={200}
        />
        <div class="field">
          <label for="rev-text">Text</label>
          <textarea
            id="rev-text"
            rows={5}
            maxLength={10000}
            value={content}
            onInput={(e) => setContent(e.currentTarget.value)}
          />
        </div>
        <Field
          label="Date"
          name="publishedAt"
          type="date"
          hint="When it was written; today if left empty"
          value={date}
          onValue={setDate}
        />
        <label class="check">
          <input type="checkbox" checked={showOnWidget} onChange={(e) => setShow(e.currentTarget.checked)} />
          <span>Show on the widget</span>
        </label>
        <div class="actions">
          <button type="submit" disabled={busy || !authorName.trim()}>
            Add review
          </button>
        </div>
        {done && (
          <p role="status">
            Review by {done.authorName} added. <a href={`/dashboard/reviews/${done.id}`}>Open it</a> or{' '}
            <a href="/dashboard">go to the inbox</a>.
          </p>
        )}
        <ErrorNote error={error} />
      </form>
    </section>
  );
}
