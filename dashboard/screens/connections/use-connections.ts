import { type Connection, connectionsApi } from '../../api/connections';
import { useReloadable } from '../../components/use-reloadable';

/** The organization's connections; `act` runs a change, then reloads the list (or keeps the error). */
export function useConnections(enabled: boolean) {
  const { data, error, load, act } = useReloadable(
    async (): Promise<Connection[]> => (await connectionsApi.list()).data,
    enabled,
  );
  return { connections: data, error, load, act };
}
