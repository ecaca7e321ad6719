import type { ApiKey } from '../../api/settings';
import { formatDate } from '../../components/format';

/** Every key with what it may do and when it was last used; active ones can be revoked (after a confirm). */
export function KeysList({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  if (keys.length === 0) return <p class="empty muted">No API keys yet.</p>;
  return (
    <ul class="sessions panel" aria-label="API keys">
      {keys.map((key) => (
        <li key={key.id} class="key">
          <span>
            <strong>{key.name}</strong> <span class="badge">{key.mode}</span>{' '}
            {key.revokedAt && <span class="badge">revoked {formatDate(key.revokedAt)}</span>}
            <br />
            <code>{key.prefix}…</code> · created {formatDate(key.createdAt)} ·{' '}
            {key.lastUsedAt ? `last used ${formatDate(key.lastUsedAt)}` : 'never used'}
            <br />
            <small class="muted">{key.scopes.join(', ')}</small>
          </span>
          {!key.revokedAt && (
            <button
              type="button"
              class="danger"
              onClick={() =>
                confirm(`Revoke “${key.name}”? Anything using it stops working at once.`) && onRevoke(key)
              }
            >
              Revoke {key.name}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
