import { useEffect, useState } from 'preact/hooks';
import { type NotificationPreferences, notificationsApi } from '../../api/notifications';
import { ErrorNote } from '../../components/ErrorNote';
import { useSubmit } from '../../components/use-submit';
import { useNotifications } from './use-notifications';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
};

/** Which emails this person gets in the acting organization: feedback, low ratings, a daily digest. */
export function NotificationsForm() {
  const { prefs, setPrefs, error: loadError } = useNotifications();
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  useEffect(() => setDraft(prefs), [prefs]);
  const { submit, busy, error, done } = useSubmit(async () => {
    if (!draft) return false;
    const { organizationId: _org, ...choice } = draft;
    const saved = await notificationsApi.save(choice);
    setPrefs(saved);
    return true;
  });
  const set = (change: Partial<NotificationPreferences>) => draft && setDraft({ ...draft, ...change });

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      <p class="muted">Emails about this organization. Each one has a link to unsubscribe in one click.</p>
      <ErrorNote error={loadError} />
      {!draft && !loadError && <p role="status">Loading…</p>}
      {draft && (
        <>
          <label class="check">
            <input
              type="checkbox"
              name="feedback"
              checked={draft.feedback}
              onChange={(e) => set({ feedback: e.currentTarget.checked })}
            />
            <span>Email me each new private feedback</span>
          </label>
          <label>
            <span>Email me each new review rated</span>
            <select
              name="lowRating"
              value={draft.lowRating === null ? 'off' : String(draft.lowRating)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                set({ lowRating: value === 'off' ? null : Number(value) });
              }}
            >
              <option value="off">Never</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {n === 5 ? 'Any rating (5★ or less)' : `${n}★ or less`}
                </option>
              ))}
            </select>
          </label>
          <div class="field">
            <label for="f-digestHour">Daily digest</label>
            <select
              id="f-digestHour"
              name="digestHour"
              aria-describedby={draft.digestHour === null ? undefined : 'f-digestHour-hint'}
              value={draft.digestHour === null ? 'off' : String(draft.digestHour)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value === 'off') return set({ digestHour: null });
                // Turning the digest on: the browser's own zone is the best guess of the user's.
                set({ digestHour: Number(value), timeZone: browserZone() ?? draft.timeZone });
              }}
            >
              <option value="off">Off</option>
              {HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {`Every day at ${String(h).padStart(2, '0')}:00`}
                </option>
              ))}
            </select>
            {draft.digestHour !== null && (
              <small id="f-digestHour-hint" class="muted">
                Yesterday’s reviews and feedback, in your time zone: {draft.timeZone}
              </small>
            )}
          </div>
          <button type="submit" disabled={busy}>
            Save notifications
          </button>
        </>
      )}
      <p role="status" class="muted">
        {done && !busy ? 'Notifications saved.' : ''}
      </p>
      <ErrorNote error={error} />
    </form>
  );
}
