import { useState } from 'preact/hooks';
import { api, type Review } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { ReplyStatus } from './ReplyStatus';

type Props = { review: Review; onChange: (review: Review) => void };

/** The owner's public reply: write one, edit it, or delete it. */
export function ReplyForm({ review, onChange }: Props) {
  const [editing, setEditing] = useState(review.reply === null);
  const [text, setText] = useState(review.reply ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<Review | undefined>, after: (r: Review) => void) {
    setBusy(true);
    try {
      const updated = (await action()) ?? (await api.review(review.id));
      setError(null);
      after(updated);
      onChange(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (!editing && review.reply !== null) {
    return (
      <section class="reply" aria-labelledby="reply-title">
        <h2 id="reply-title">Your reply</h2>
        <blockquote class="reply-text">{review.reply}</blockquote>
        <ReplyStatus review={review} />
        <div class="actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit reply
          </button>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              if (!confirm('Delete your reply?')) return;
              run(
                () => api.deleteReply(review.id),
                () => {
                  setText('');
                  setEditing(true);
                },
              );
            }}
          >
            Delete reply
          </button>
        </div>
        <ErrorNote error={error} />
      </section>
    );
  }
  return (
    <form
      class="reply"
      aria-labelledby="reply-title"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => api.reply(review.id, text.trim()),
          () => setEditing(false),
        );
      }}
    >
      <h2 id="reply-title">{review.reply === null ? 'Reply' : 'Edit your reply'}</h2>
      <label>
        <span>Public reply</span>
        <textarea
          name="reply"
          rows={5}
          maxLength={4096}
          required
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="submit" disabled={busy || !text.trim()}>
          {review.reply === null ? 'Post reply' : 'Save reply'}
        </button>
        {review.reply !== null && (
          <button
            type="button"
            class="ghost"
            onClick={() => {
              setText(review.reply ?? '');
              setEditing(false);
            }}
          >
            Cancel
          </button>
        )}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
