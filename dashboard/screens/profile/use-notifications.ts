import { useEffect, useState } from 'preact/hooks';
import { type NotificationPreferences, notificationsApi } from '../../api/notifications';
import { organizationId } from '../../state/organization';

/** The alerts in effect in the acting organization, reloaded when the user switches organization. */
export function useNotifications() {
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<unknown>(null);
  const acting = organizationId.value;
  useEffect(() => {
    let live = true;
    setPrefs(null);
    notificationsApi.get().then(
      (value) => {
        if (!live) return;
        setPrefs(value);
        setError(null);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [acting]);
  return { prefs, setPrefs, error };
}
