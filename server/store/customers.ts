import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type Customer = {
  id: string;
  organizationId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  notes: string | null;
  optOut: boolean;
  optedOutAt: string | null;
  invalid: boolean;
  invalidReason: string | null;
  /** Where the contact came from (free text an integration gives, e.g. `api`, `shopify`). */
  source: string | null;
  /** The contact's id in that source. */
  sourceContactId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CustomerRow = {
  id: string;
  organization_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tags: string;
  notes: string | null;
  opt_out: number;
  opted_out_at: string | null;
  invalid: number;
  invalid_reason: string | null;
  source: string | null;
  source_contact_id: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
};

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    optOut: row.opt_out === 1,
    optedOutAt: row.opted_out_at,
    invalid: row.invalid === 1,
    invalidReason: row.invalid_reason,
    source: row.source,
    sourceContactId: row.source_contact_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Customer fields as a caller gives them, already validated: email lowercased, phone in E.164.
 * An absent field is left as it is; `null` clears it.
 */
export type CustomerInput = {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  tags?: string[];
  notes?: string | null;
  optOut?: boolean;
  source?: string | null;
  sourceContactId?: string | null;
};

/** Both the email and the phone given belong to existing customers, and not to the same one. */
export class CustomerConflictError extends Error {
  constructor(
    readonly byEmail: string,
    readonly byPhone: string,
  ) {
    super('The email and the phone belong to two different customers');
  }
}

/** The email or phone of an update is already another customer's (deleted ones included: they stay suppressed). */
export class CustomerTakenError extends Error {
  constructor(
    readonly field: 'email' | 'phone',
    readonly otherId: string,
  ) {
    super(`Another customer already has this ${field}`);
  }
}

/** A live (not deleted) customer of the organization. */
export function getCustomer(db: Db, organizationId: string, id: string): Customer | undefined {
  const row = sql(
    db,
    'SELECT * FROM customers WHERE id = ? AND organization_id = ? AND deleted_at IS NULL',
  ).get(id, organizationId) as CustomerRow | undefined;
  return row && toCustomer(row);
}

const idByEmail = (db: Db, organizationId: string, email: string) =>
  (
    sql(db, 'SELECT id FROM customers WHERE organization_id = ? AND email = ?').get(organizationId, email) as
      | { id: string }
      | undefined
  )?.id;

const idByPhone = (db: Db, organizationId: string, phone: string) =>
  (
    sql(db, 'SELECT id FROM customers WHERE organization_id = ? AND phone = ?').get(organizationId, phone) as
      | { id: string }
      | undefined
  )?.id;

/**
 * Creates a customer, or updates the one with the same email or phone in the organization (a deleted
 * one comes back, still opted out). Throws CustomerConflictError when email and phone match two customers.
 * Call inside a transaction when it is one step of a larger write.
 */
export function upsertCustomer(
  db: Db,
  clock: Clock,
  organizationId: string,
  input: CustomerInput,
): { customer: Customer; created: boolean } {
  return db.transaction(() => {
    const byEmail = input.email ? idByEmail(db, organizationId, input.email) : undefined;
    const byPhone = input.phone ? idByPhone(db, organizationId, input.phone) : undefined;
    if (byEmail && byPhone && byEmail !== byPhone) throw new CustomerConflictError(byEmail, byPhone);
    const existing = byEmail ?? byPhone;
    if (!existing) return { customer: insertCustomer(db, clock, organizationId, input), created: true };
    sql(db, 'UPDATE customers SET deleted_at = NULL WHERE id = ?').run(existing);
    // Matching by email or phone never lifts an opt-out: only an explicit update of the customer does.
    const fields = { ...input, optOut: input.optOut === true ? true : undefined };
    return { customer: updateCustomer(db, clock, organizationId, existing, fields)!, created: false };
  })();
}

function insertCustomer(db: Db, clock: Clock, organizationId: string, input: CustomerInput): Customer {
  const now = isoNow(clock);
  const id = newId('cust');
  sql(
    db,
    `INSERT INTO customers (id, organization_id, name, email, phone, tags, notes, opt_out, opted_out_at, source,
       source_contact_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    organizationId,
    input.name ?? null,
    input.email ?? null,
    input.phone ?? null,
    JSON.stringify(input.tags ?? []),
    input.notes ?? null,
    input.optOut ? 1 : 0,
    input.optOut ? now : null,
    input.source ?? null,
    input.sourceContactId ?? null,
    now,
    now,
  );
  return getCustomer(db, organizationId, id)!;
}

/**
 * Applies the given fields to a live customer; undefined when there is none. Tags replace the old ones;
 * `optOut: true` stamps `optedOutAt` (once), `false` clears both. Throws CustomerTakenError on a taken email/phone.
 */
export function updateCustomer(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  input: CustomerInput,
): Customer | undefined {
  const current = getCustomer(db, organizationId, id);
  if (!current) return undefined;
  for (const field of ['email', 'phone'] as const) {
    const value = input[field];
    if (!value || value === current[field]) continue;
    const other =
      field === 'email' ? idByEmail(db, organizationId, value) : idByPhone(db, organizationId, value);
    if (other && other !== id) throw new CustomerTakenError(field, other);
  }
  const now = isoNow(clock);
  const optOut = input.optOut ?? current.optOut;
  const optedOutAt = optOut ? (current.optedOutAt ?? now) : null;
  sql(
    db,
    `UPDATE customers SET name = ?, email = ?, phone = ?, tags = ?, notes = ?, opt_out = ?, opted_out_at = ?, source = ?,
       source_contact_id = ?, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(
    input.name !== undefined ? input.name : current.name,
    input.email !== undefined ? input.email : current.email,
    input.phone !== undefined ? input.phone : current.phone,
    JSON.stringify(input.tags ?? current.tags),
    input.notes !== undefined ? input.notes : current.notes,
    optOut ? 1 : 0,
    optedOutAt,
    input.source !== undefined ? input.source : current.source,
    input.sourceContactId !== undefined ? input.sourceContactId : current.sourceContactId,
    now,
    id,
    organizationId,
  );
  return getCustomer(db, organizationId, id);
}

/**
 * Soft-deletes a customer: gone from the API, but the row stays, opted out, so the same email or
 * phone is never invited again. Returns whether a live customer was deleted.
 */
export function deleteCustomer(db: Db, clock: Clock, organizationId: string, id: string): boolean {
  const now = isoNow(clock);
  return (
    sql(
      db,
      `UPDATE customers SET deleted_at = ?, opt_out = 1, opted_out_at = coalesce(opted_out_at, ?), updated_at = ?
       WHERE id = ? AND organization_id = ? AND deleted_at IS NULL`,
    ).run(now, now, now, id, organizationId).changes > 0
  );
}
