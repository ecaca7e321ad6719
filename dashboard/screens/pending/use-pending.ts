import { useCallback, useEffect, useState } from 'preact/hooks';
import { type PendingAction, pendingApi } from '../../api/pending';
import { settingsApi } from '../../api/settings';
import { organizationId } from '../../state/organization';
import { can } from '../settings/can';

/** The actions waiting for a decision, the recently decided ones, and the names of the keys that asked. */
export function usePending() {
  const [waiting, setWaiting] = useState<PendingAction[] | null>(null);
  const [decided, setDecided] = useState<PendingAction[]>([]);
  const [keyNames, setKeyNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const org = organizationId.value;

  const reload = useCallback(async () => {
    try {
      const [open, all] = await Promise.all([pendingApi.list('pending'), pendingApi.list(undefined)]);
      setWaiting(open.data);
      setDecided(all.data.filter((a) => a.status !== 'pending'));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [org]);

  useEffect(() => {
    reload();
    // Key names need keys:admin; without it the key's id is shown instead.
    if (can('keys:admin')) {
      settingsApi.keys().then(
        (page) => setKeyNames(Object.fromEntries(page.data.map((k) => [k.id, k.name]))),
        () => undefined,
      );
    }
  }, [reload]);
  return { waiting, decided, keyNames, error, reload };
}
