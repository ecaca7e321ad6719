import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type SyncCounts = { fetched: number; created: number; updated: number; hidden: number };

export type SyncRun = SyncCounts & {
  id: string;
  locationId: string | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
};

/** Records that a sync of one location (or of the connection as a whole: null) started. */
export function startRun(db: Db, clock: Clock, connectionId: string, locationId: string | null): string {
  const id = newId('run');
  sql(db, 'INSERT INTO sync_runs (id, connection_id, location_id, started_at) VALUES (?, ?, ?, ?)').run(
    id,
    connectionId,
    locationId,
    isoNow(clock),
  );
  return id;
}

/** Records the counts so far; called after every page so a killed sync still shows what it did. */
export function recordRun(db: Db, id: string, counts: SyncCounts): void {
  sql(db, 'UPDATE sync_runs SET fetched = ?, created = ?, updated = ?, hidden = ? WHERE id = ?').run(
    counts.fetched,
    counts.created,
    counts.updated,
    counts.hidden,
    id,
  );
}

/** Records how a run ended. */
export function finishRun(db: Db, clock: Clock, id: string, counts: SyncCounts, error: string | null): void {
  recordRun(db, id, counts);
  sql(db, 'UPDATE sync_runs SET finished_at = ?, error = ? WHERE id = ?').run(isoNow(clock), error, id);
}

/** The newest runs of a connection. */
export function recentRuns(db: Db, connectionId: string, limit = 10): SyncRun[] {
  return (
    sql(
      db,
      `SELECT id, location_id, started_at, finished_at, fetched, created, updated, hidden, error FROM sync_runs
       WHERE connection_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?`,
    ).all(connectionId, limit) as Array<Record<string, string | number | null>>
  ).map((row) => ({
    id: row.id as string,
    locationId: row.location_id as string | null,
    startedAt: row.started_at as string,
    finishedAt: row.finished_at as string | null,
    fetched: row.fetched as number,
    created: row.created as number,
    updated: row.updated as number,
    hidden: row.hidden as number,
    error: row.error as string | null,
  }));
}
