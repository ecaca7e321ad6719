import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type WebhookDelivery = {
  id: string;
  organizationId: string;
  endpointId: string;
  eventType: string;
  payload: string;
  status: 'pending' | 'succeeded' | 'failed';
  createdAt: string;
  updatedAt: string;
};

type DeliveryRow = {
  id: string;
  organization_id: string;
  endpoint_id: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'succeeded' | 'failed';
  created_at: string;
  updated_at: string;
};

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  organizationId: row.organization_id,
  endpointId: row.endpoint_id,
  eventType: row.event_type,
  payload: row.payload,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Records one event for one endpoint; its id is the `webhook-id` every attempt carries. */
export function insertDelivery(
  db: Db,
  clock: Clock,
  d: { organizationId: string; endpointId: string; eventType: string; payload: string },
): string {
  const id = newId('msg');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_type, payload, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, d.organizationId, d.endpointId, d.eventType, d.payload, now, now);
  return id;
}

/** A delivery by id, any organization (the worker's view). */
export function getDeliveryById(db: Db, id: string): WebhookDelivery | undefined {
  const row = sql(db, 'SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
  return row && toDelivery(row);
}

/** Sets a delivery's overall status. */
export function setDeliveryStatus(db: Db, clock: Clock, id: string, status: WebhookDelivery['status']): void {
  sql(db, 'UPDATE webhook_deliveries SET status = ?, updated_at = ? WHERE id = ?').run(
    status,
    isoNow(clock),
    id,
  );
}

export type WebhookAttempt = {
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  outcome: 'succeeded' | 'failed';
  error: string | null;
};

/** Logs one attempt. */
export function insertAttempt(db: Db, deliveryId: string, a: WebhookAttempt): void {
  sql(
    db,
    `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(deliveryId, a.attemptedAt, a.statusCode, a.latencyMs, a.outcome, a.error);
}

/** One page of an endpoint's deliveries, newest first, each with its attempts. */
export function listDeliveries(
  db: Db,
  endpointId: string,
  page: { limit: number; offset: number },
): { items: Array<WebhookDelivery & { attempts: WebhookAttempt[] }>; total: number } {
  const rows = sql(
    db,
    `SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at DESC, rowid DESC ${pageSql(page.limit)}`,
  ).all(endpointId, page.offset) as DeliveryRow[];
  const { total } = sql(db, 'SELECT count(*) AS total FROM webhook_deliveries WHERE endpoint_id = ?').get(
    endpointId,
  ) as { total: number };
  const items = rows.map((row) => ({ ...toDelivery(row), attempts: attemptsOf(db, row.id) }));
  return { items, total };
}

function attemptsOf(db: Db, deliveryId: string): WebhookAttempt[] {
  return (
    sql(
      db,
      'SELECT attempted_at, status_code, latency_ms, outcome, error FROM webhook_attempts WHERE delivery_id = ? ORDER BY id',
    ).all(deliveryId) as Array<{
      attempted_at: string;
      status_code: number | null;
      latency_ms: number;
      outcome: 'succeeded' | 'failed';
      error: string | null;
    }>
  ).map((a) => ({
    attemptedAt: a.attempted_at,
    statusCode: a.status_code,
    latencyMs: a.latency_ms,
    outcome: a.outcome,
    error: a.error,
  }));
}

/** A delivery of an endpoint, with its attempts. */
export function getDelivery(db: Db, endpointId: string, id: string) {
  const row = sql(db, 'SELECT * FROM webhook_deliveries WHERE id = ? AND endpoint_id = ?').get(
    id,
    endpointId,
  ) as DeliveryRow | undefined;
  return row && { ...toDelivery(row), attempts: attemptsOf(db, row.id) };
}
