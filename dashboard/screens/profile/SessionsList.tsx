import { useEffect, useState } from 'preact/hooks';
import { api, type Session } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate } from '../../components/format';

/** Where this user is signed in; any other session can be ended from here. */
export function SessionsList() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ended, setEnded] = useState('');
  const load = () =>
    api.sessions().then(
      (r) => setSessions(r.data),
      (e) => setError(e),
    );
  useEffect(() => {
    load();
  }, []);
  return (
    <section class="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      <ErrorNote error={error} />
      {sessions === null && !error && <p role="status">Loading…</p>}
      <ul class="sessions">
        {sessions?.map((s) => (
          <li key={s.id}>
            <span>
              {s.userAgent ?? 'Unknown browser'}
              {s.ip ? ` · ${s.ip}` : ''} · last seen {formatDate(s.lastSeenAt)}
              {s.current && <strong> · this device</strong>}
            </span>
            {!s.current && (
              <button
                type="button"
                class="ghost"
                onClick={async () => {
                  try {
                    await api.endSession(s.id);
                    setEnded(`Signed out ${s.userAgent ?? 'that device'}.`);
                    setError(null);
                    await load();
                  } catch (e) {
                    setError(e);
                  }
                }}
              >
                Sign out this device
                {/* Every row has this button: the device tells them apart for screen readers. */}
                <span class="sr-only">
                  {' '}
                  ({s.userAgent ?? 'unknown browser'}, last seen {formatDate(s.lastSeenAt)})
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" class="muted">
        {ended}
      </p>
    </section>
  );
}
