import { useState } from 'preact/hooks';
import { api, type Feedback } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate } from '../../components/format';
import { useItem } from '../../components/use-item';
import { businessName } from '../../state/business';
import { FeedbackContact } from './FeedbackContact';

const SCALE: Record<Feedback['type'], (score: number) => string> = {
  star: (s) => `${s} out of 5 stars`,
  nps: (s) => `${s} out of 10 (NPS)`,
  thumbs: (s) => (s ? 'Thumbs up' : 'Thumbs down'),
};

/** One private feedback: what was said, who said it and how to reach them, where it came from, resolving it. */
export function FeedbackPage({ id }: { id: string }) {
  const { item: feedback, setItem, error } = useItem('feedback', id, api.feedback);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  if (error) return <ErrorNote error={error} />;
  if (!feedback) return <p role="status">Loading…</p>;
  const noteText = note ?? feedback.note ?? '';

  const save = async (patch: { status?: 'new' | 'resolved'; note?: string | null }, said: string) => {
    try {
      setItem(await api.updateFeedback(feedback.id, patch));
      setFailure(null);
      setStatus(said);
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <article class="detail" aria-labelledby="feedback-title">
      <p>
        <a href="/dashboard">← Inbox</a>
      </p>
      <h1 id="feedback-title">Private feedback</h1>
      <p class="meta">
        {SCALE[feedback.type](feedback.score)} · {businessName(feedback.businessId)} ·{' '}
        {formatDate(feedback.createdAt)} · {feedback.status === 'resolved' ? 'Resolved' : 'Open'}
      </p>
      <p class="review-text">{feedback.comments || '(no comment)'}</p>
      <FeedbackContact feedback={feedback} />
      <h2>Where it came from</h2>
      <p>
        {feedback.origin === 'request' && <>A review request ({feedback.requestId})</>}
        {feedback.origin === 'card' && (
          <>
            A QR card{feedback.cardLabel ? ` “${feedback.cardLabel}”` : ''} ({feedback.cardId})
          </>
        )}
        {feedback.origin === 'business_link' && <>The business’s public review link</>}
      </p>
      <form
        class="resolve"
        onSubmit={(event) => {
          event.preventDefault();
          const resolved = feedback.status === 'resolved';
          save(
            { status: resolved ? 'new' : 'resolved', note: noteText.trim() || null },
            resolved ? 'Reopened.' : 'Resolved.',
          );
        }}
      >
        <h2>Follow-up</h2>
        <label>
          <span>Note (only your team sees it)</span>
          <textarea
            name="note"
            rows={4}
            maxLength={2000}
            value={noteText}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit">{feedback.status === 'resolved' ? 'Reopen' : 'Resolve with note'}</button>
          <button
            type="button"
            class="ghost"
            onClick={() => save({ note: noteText.trim() || null }, 'Note saved.')}
          >
            Save note
          </button>
        </div>
        <p role="status" class="muted">
          {status}
        </p>
        <ErrorNote error={failure} />
      </form>
    </article>
  );
}
