import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api';
import { type PendingAction, pendingApi } from '../../api/pending';
import { ErrorNote } from '../../components/ErrorNote';
import { mayDecide } from './may-decide';
import { ReplyDetails } from './ReplyDetails';
import { RequestDetails } from './RequestDetails';

const TITLE: Record<PendingAction['kind'], string> = {
  review_reply: 'Publish a reply to a review',
  review_request: 'Send a review request',
};
const TOOL: Record<PendingAction['kind'], string> = {
  review_reply: 'draft_reply',
  review_request: 'send_review_request',
};

/** A 409 says someone decided first: the page says so and lists again, which moves the action to Decided. */
const conflictOf = (e: unknown) =>
  e instanceof ApiFailure && e.status === 409
    ? new Error(`${e.message}: someone decided it before you. “Decided” below shows the outcome.`)
    : null;

/** Who asked, with which tool, and when. */
export function AskedBy({ action, keyName }: { action: PendingAction; keyName?: string }) {
  const key = action.requestedByKeyId;
  return (
    <p class="muted">
      Asked by {key ? `${keyName ? `${keyName} (${key})` : `key ${key}`}` : 'an unknown key'} with{' '}
      <code>{TOOL[action.kind]}</code>, {new Date(action.createdAt).toLocaleString()}
      {action.sandbox && ' · sandbox key: nothing is really sent'}
    </p>
  );
}

/** One action waiting for a decision: everything it would do in full, and Approve / Reject. */
export function PendingActionCard(props: {
  action: PendingAction;
  keyName?: string;
  onDecided: (said: string) => void;
  onConflict: (error: Error) => void;
}) {
  const { action } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const titleId = `pa-${action.id}`;
  const allowed = mayDecide(action.kind);

  async function decide(approve: boolean) {
    setBusy(true);
    try {
      await (approve ? pendingApi.approve(action.id) : pendingApi.reject(action.id));
      props.onDecided(
        approve
          ? action.kind === 'review_reply'
            ? 'Approved: the reply is published.'
            : 'Approved: the review request is created and its message queued.'
          : 'Rejected: nothing was published or sent.',
      );
    } catch (e) {
      const conflict = conflictOf(e);
      if (conflict) props.onConflict(conflict);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class="panel pending-action" aria-labelledby={titleId}>
      <h2 id={titleId}>{TITLE[action.kind]}</h2>
      <AskedBy action={action} keyName={props.keyName} />
      {action.kind === 'review_reply' ? (
        <ReplyDetails reviewId={action.targetId} reply={String(action.payload.reply ?? '')} />
      ) : (
        <RequestDetails payload={action.payload} targetId={action.targetId} />
      )}
      <ErrorNote error={failure} />
      {allowed ? (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => decide(true)}>
            Approve
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => decide(false)}>
            Reject
          </button>
        </div>
      ) : (
        <p class="muted">Your role may not decide this kind of action.</p>
      )}
    </article>
  );
}
