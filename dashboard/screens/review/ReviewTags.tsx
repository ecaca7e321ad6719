import { useState } from 'preact/hooks';
import { api, type Review } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';

type Props = { review: Review; onChange: (review: Review) => void };

/** The review's tags, edited as one comma-separated field. */
export function ReviewTags({ review, onChange }: Props) {
  const [text, setText] = useState(review.tags.join(', '));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  return (
    <form
      class="inline-form"
      aria-labelledby="tags-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const tags = [
          ...new Set(
            text
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          ),
        ];
        try {
          onChange(await api.updateReview(review.id, { tags }));
          setError(null);
          setSaved('Tags saved.');
        } catch (e) {
          setError(e);
          setSaved('');
        }
      }}
    >
      <h2 id="tags-title">Tags</h2>
      <label>
        <span>Tags (comma-separated)</span>
        <input name="tags" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit">Save tags</button>
      <p role="status" class="muted">
        {saved}
      </p>
      <ErrorNote error={error} />
    </form>
  );
}
