import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/ErrorNote';
import { DecidedList } from './DecidedList';
import { PendingActionCard } from './PendingActionCard';
import { usePending } from './use-pending';
import './pending.css';

/** Replies and review requests AI assistants proposed over MCP, for a person to approve or reject. */
export function PendingPage() {
  const { waiting, decided, keyNames, error, reload } = usePending();
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<Error | null>(null);
  const decidedNow = async (said: string) => {
    setStatus(said);
    setConflict(null);
    await reload();
  };
  const decidedElsewhere = async (error: Error) => {
    setStatus('');
    setConflict(error);
    await reload();
  };
  return (
    <section aria-labelledby="pending-title" class="pending">
      <p>
        <a href="/dashboard">← Inbox</a>
      </p>
      <h1 id="pending-title">Waiting for your approval</h1>
      <p class="muted">
        AI assistants connected over MCP cannot publish a reply or message a customer by themselves: each such
        action waits here until a person approves or rejects it.
      </p>
      <p role="status">{waiting === null && !error ? 'Loading…' : status}</p>
      <ErrorNote error={error ?? conflict} />
      {waiting?.length === 0 && <p class="empty">Nothing is waiting.</p>}
      {waiting?.map((action) => (
        <PendingActionCard
          key={action.id}
          action={action}
          keyName={action.requestedByKeyId ? keyNames[action.requestedByKeyId] : undefined}
          onDecided={decidedNow}
          onConflict={decidedElsewhere}
        />
      ))}
      <h2>Decided</h2>
      <DecidedList actions={decided} />
    </section>
  );
}
