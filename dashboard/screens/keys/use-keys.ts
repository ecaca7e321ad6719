import { useEffect, useState } from 'preact/hooks';
import { type ApiKey, settingsApi } from '../../api/settings';

/** The organization's API keys, reloaded on demand. */
export function useKeys(enabled: boolean) {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      setKeys((await settingsApi.keys()).data);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (enabled) load();
  }, [enabled]);
  return { keys, error, setError, load };
}
