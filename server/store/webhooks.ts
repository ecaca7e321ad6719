import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type WebhookEndpoint = {
  id: string;
  organizationId: string;
  url: string;
  description: string | null;
  events: string[];
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  enabled: boolean;
  disabledReason: string | null;
  /** Which product's webhook format it receives (server/delivery/webhook-formats.ts). */
  format: string;
  circuit: Circuit;
  createdAt: string;
  updatedAt: string;
};

/**
 * An endpoint's circuit breaker: attempts in a row that got no answer, and while open (or half-open, once
 * `openUntil` has passed) until when its deliveries wait and the cooldown that led there.
 */
export type Circuit = { failures: number; openUntil: string | null; cooldownMs: number };

type EndpointRow = {
  id: string;
  organization_id: string;
  url: string;
  description: string | null;
  events: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  enabled: number;
  disabled_reason: string | null;
  format: string;
  circuit_failures: number;
  circuit_open_until: string | null;
  circuit_cooldown_ms: number;
  created_at: string;
  updated_at: string;
};

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    organizationId: row.organization_id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as string[],
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    format: row.format,
    circuit: {
      failures: row.circuit_failures,
      openUntil: row.circuit_open_until,
      cooldownMs: row.circuit_cooldown_ms,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type EndpointFields = {
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  /** Defaults to `standard`. */
  format?: string;
};

/** Creates an endpoint with its signing secret. */
export function insertEndpoint(
  db: Db,
  clock: Clock,
  organizationId: string,
  f: EndpointFields,
  secret: string,
): WebhookEndpoint {
  const id = newId('wh');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO webhook_endpoints (id, organization_id, url, description, events, secret, enabled, format, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    organizationId,
    f.url,
    f.description,
    JSON.stringify(f.events),
    secret,
    f.enabled ? 1 : 0,
    f.format ?? 'standard',
    now,
    now,
  );
  return getEndpoint(db, organizationId, id)!;
}

/** An endpoint of the organization. */
export function getEndpoint(db: Db, organizationId: string, id: string): WebhookEndpoint | undefined {
  const row = sql(db, 'SELECT * FROM webhook_endpoints WHERE id = ? AND organization_id = ?').get(
    id,
    organizationId,
  ) as EndpointRow | undefined;
  return row && toEndpoint(row);
}

/** Replaces an endpoint's settings; re-enabling clears the reason it was disabled. */
export function updateEndpoint(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  f: EndpointFields,
): WebhookEndpoint | undefined {
  const changed = sql(
    db,
    `UPDATE webhook_endpoints SET url = ?, description = ?, events = ?, enabled = ?, format = ?,
       disabled_reason = CASE WHEN ? = 1 THEN NULL ELSE disabled_reason END, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(
    f.url,
    f.description,
    JSON.stringify(f.events),
    f.enabled ? 1 : 0,
    f.format ?? 'standard',
    f.enabled ? 1 : 0,
    isoNow(clock),
    id,
    organizationId,
  ).changes;
  return changed ? getEndpoint(db, organizationId, id) : undefined;
}

/** A new secret; the old one keeps signing alongside it until `graceUntil`. */
export function rotateEndpointSecret(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  secret: string,
  graceUntil: string,
): WebhookEndpoint | undefined {
  const changed = sql(
    db,
    `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = ?, secret = ?, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(graceUntil, secret, isoNow(clock), id, organizationId).changes;
  return changed ? getEndpoint(db, organizationId, id) : undefined;
}

/** Stops deliveries to an endpoint (a 410 Gone from the receiver). */
export function disableEndpoint(db: Db, clock: Clock, id: string, reason: string): void {
  sql(db, 'UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?').run(
    reason,
    isoNow(clock),
    id,
  );
}

/** Records an endpoint's circuit breaker state (the worker's view: any organization). */
export function setEndpointCircuit(db: Db, id: string, circuit: Circuit): void {
  sql(
    db,
    'UPDATE webhook_endpoints SET circuit_failures = ?, circuit_open_until = ?, circuit_cooldown_ms = ? WHERE id = ?',
  ).run(circuit.failures, circuit.openUntil, circuit.cooldownMs, id);
}

/** Deletes an endpoint and its delivery log. */
export function deleteEndpoint(db: Db, organizationId: string, id: string): boolean {
  return (
    sql(db, 'DELETE FROM webhook_endpoints WHERE id = ? AND organization_id = ?').run(id, organizationId)
      .changes > 0
  );
}

/** One page of endpoints, newest first. */
export function listEndpoints(
  db: Db,
  organizationId: string,
  page: { limit: number; offset: number },
): { items: WebhookEndpoint[]; total: number } {
  const rows = sql(
    db,
    `SELECT * FROM webhook_endpoints WHERE organization_id = ? ORDER BY created_at DESC, rowid DESC ${pageSql(page.limit)}`,
  ).all(organizationId, page.offset) as EndpointRow[];
  const { total } = sql(db, 'SELECT count(*) AS total FROM webhook_endpoints WHERE organization_id = ?').get(
    organizationId,
  ) as { total: number };
  return { items: rows.map(toEndpoint), total };
}

/** The organization's enabled endpoints subscribed to `eventType` (or to every event with `*`). */
export function endpointsFor(db: Db, organizationId: string, eventType: string): WebhookEndpoint[] {
  return (
    sql(
      db,
      `SELECT * FROM webhook_endpoints WHERE organization_id = ? AND enabled = 1
         AND EXISTS (SELECT 1 FROM json_each(events) WHERE value IN (?, '*'))`,
    ).all(organizationId, eventType) as EndpointRow[]
  ).map(toEndpoint);
}

/** An endpoint by id, any organization (the worker's view). */
export function getEndpointById(db: Db, id: string): WebhookEndpoint | undefined {
  const row = sql(db, 'SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
  return row && toEndpoint(row);
}
