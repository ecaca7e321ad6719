import { type ApiKey, settingsApi } from '../../api/settings';
import { useReloadable } from '../../components/use-reloadable';

/** The organization's API keys, reloaded on demand. */
export function useKeys(enabled: boolean) {
  const { data, error, setError, load } = useReloadable(
    async (): Promise<ApiKey[]> => (await settingsApi.keys()).data,
    enabled,
  );
  return { keys: data, error, setError, load };
}
