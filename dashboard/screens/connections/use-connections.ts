import { useEffect, useState } from 'preact/hooks';
import { type Connection, connectionsApi } from '../../api/connections';

/** The organization's connections; `act` runs a change, then reloads the list (or keeps the error). */
export function useConnections(enabled: boolean) {
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      setConnections((await connectionsApi.list()).data);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (enabled) load();
  }, [enabled]);
  const act = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await action();
      await load();
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    }
  };
  return { connections, error, load, act };
}
