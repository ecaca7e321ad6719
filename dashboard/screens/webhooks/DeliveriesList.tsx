import type { WebhookDelivery } from '../../api/settings';
import { formatTime } from './circuit';

type Props = { deliveries: WebhookDelivery[]; canWrite: boolean; onRedeliver: (id: string) => void };

/** Each delivery with every attempt: when, the answer's status code, how long it took, what went wrong. */
export function DeliveriesList({ deliveries, canWrite, onRedeliver }: Props) {
  if (deliveries.length === 0) return <p class="empty muted">Nothing delivered yet.</p>;
  return (
    <ul class="sessions" aria-label="Deliveries">
      {deliveries.map((d) => (
        <li key={d.id} class="delivery">
          <span>
            <strong>{d.eventType}</strong> <span class="badge">{d.status}</span> · {formatTime(d.createdAt)}
            <br />
            <small class="muted">
              <code>{d.id}</code> · {d.attempts.length} {d.attempts.length === 1 ? 'attempt' : 'attempts'}
            </small>
            {d.attempts.length > 0 && (
              <ol class="attempts">
                {d.attempts.map((a) => (
                  <li key={a.attemptedAt}>
                    <small>
                      {formatTime(a.attemptedAt)} · {a.outcome} ·{' '}
                      {a.statusCode === null ? 'no answer' : `HTTP ${a.statusCode}`} · {a.latencyMs} ms
                      {a.error ? ` · ${a.error}` : ''}
                    </small>
                  </li>
                ))}
              </ol>
            )}
          </span>
          {canWrite && d.status !== 'pending' && (
            <button type="button" class="ghost" onClick={() => onRedeliver(d.id)}>
              Redeliver<span class="sr-only"> {d.id}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
