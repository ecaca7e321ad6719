import type { AppDeps } from '../http/context';
import { notFound } from '../http/errors';
import { type Connection, getConnection } from '../store/connections';

/** The organization's connection `id`, or the 404 every `/connections/{id}…` route answers for another's or none. */
export function connectionOr404(deps: Pick<AppDeps, 'db'>, organizationId: string, id: string): Connection {
  const connection = getConnection(deps.db, organizationId, id);
  if (!connection) throw notFound('Connection');
  return connection;
}
