import type { PlatformLocation } from '../connectors/connector';
import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

/** A platform location known to a connection, mapped to a business or not (yet). */
export type ConnectionLocation = {
  id: string;
  connectionId: string;
  organizationId: string;
  location: PlatformLocation;
  businessId: string | null;
  /** The newest platform update time a finished sync saw: the next incremental sync stops there. */
  lastSeenUpdateTime: string | null;
  lastFullReadAt: string | null;
};

type LocationRow = {
  id: string;
  connection_id: string;
  organization_id: string;
  external_id: string;
  name: string;
  address: string | null;
  place_id: string | null;
  url: string | null;
  business_id: string | null;
  last_seen_update_time: string | null;
  last_full_read_at: string | null;
};

function toLocation(row: LocationRow): ConnectionLocation {
  return {
    id: row.id,
    connectionId: row.connection_id,
    organizationId: row.organization_id,
    location: {
      externalId: row.external_id,
      name: row.name,
      address: row.address,
      placeId: row.place_id,
      url: row.url,
    },
    businessId: row.business_id,
    lastSeenUpdateTime: row.last_seen_update_time,
    lastFullReadAt: row.last_full_read_at,
  };
}

/** Maps a platform location to a business (null: unmapped, it is no longer synced). */
export function mapLocation(
  db: Db,
  clock: Clock,
  m: {
    connectionId: string;
    organizationId: string;
    location: PlatformLocation;
    businessId: string | null;
    replyUrl: string | null;
  },
): ConnectionLocation {
  const now = isoNow(clock);
  const l = m.location;
  const row = sql(
    db,
    `INSERT INTO connection_locations (id, connection_id, organization_id, external_id, name, address, place_id, url,
       reply_url, business_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (connection_id, external_id) DO UPDATE SET name = excluded.name, address = excluded.address,
       place_id = excluded.place_id, url = excluded.url, reply_url = excluded.reply_url,
       business_id = excluded.business_id,
       updated_at = excluded.updated_at
     RETURNING *`,
  ).get(
    newId('loc'),
    m.connectionId,
    m.organizationId,
    l.externalId,
    l.name,
    l.address ?? null,
    l.placeId ?? null,
    l.url ?? null,
    m.replyUrl,
    m.businessId,
    now,
    now,
  ) as LocationRow;
  return toLocation(row);
}

/** Every location a connection has seen, mapped or not. */
export function locationsOf(db: Db, connectionId: string): ConnectionLocation[] {
  return (
    sql(db, 'SELECT * FROM connection_locations WHERE connection_id = ? ORDER BY created_at, rowid').all(
      connectionId,
    ) as LocationRow[]
  ).map(toLocation);
}

/** The locations a sync reads: those mapped to a business. */
export function mappedLocationsOf(db: Db, connectionId: string): ConnectionLocation[] {
  return locationsOf(db, connectionId).filter((location) => location.businessId !== null);
}

/** A location by id. */
export function locationById(db: Db, id: string): ConnectionLocation | undefined {
  const row = sql(db, 'SELECT * FROM connection_locations WHERE id = ?').get(id) as LocationRow | undefined;
  return row && toLocation(row);
}

/** Moves a location's cursor once a sync of it finished; `fullRead` when it re-read the newest reviews. */
export function advanceCursor(
  db: Db,
  clock: Clock,
  id: string,
  cursor: { lastSeenUpdateTime: string | null; fullRead: boolean },
): void {
  const now = isoNow(clock);
  sql(
    db,
    `UPDATE connection_locations SET last_seen_update_time = nullif(max(coalesce(last_seen_update_time, ''), ?), ''),
       last_full_read_at = CASE WHEN ? THEN ? ELSE last_full_read_at END, updated_at = ?
     WHERE id = ?`,
  ).run(cursor.lastSeenUpdateTime ?? '', cursor.fullRead ? 1 : 0, now, now, id);
}
