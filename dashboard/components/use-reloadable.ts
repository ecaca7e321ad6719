import { useEffect, useState } from 'preact/hooks';

/**
 * What `fetch` answers, loaded once `enabled` (and again when a value in `keys` changes); `act` runs a
 * change, then reloads (or keeps the error).
 */
export function useReloadable<T>(fetch: () => Promise<T>, enabled: boolean, keys: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      setData(await fetch());
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (enabled) load();
  }, [enabled, ...keys]);
  const act = async <R>(action: () => Promise<R>): Promise<R | undefined> => {
    try {
      const result = await action();
      await load();
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    }
  };
  return { data, error, setError, load, act };
}
