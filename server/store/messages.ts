import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type MessageChannel = 'email' | 'sms' | 'whatsapp';
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'suppressed' | 'cancelled';

export type Message = {
  id: string;
  organizationId: string;
  businessId: string;
  requestId: string | null;
  customerId: string | null;
  campaignId: string | null;
  step: number;
  channel: MessageChannel;
  transport: string | null;
  recipient: string | null;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  status: MessageStatus;
  sandbox: boolean;
  providerId: string | null;
  error: string | null;
  unsubscribeToken: string | null;
  dueAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

type MessageRow = {
  id: string;
  organization_id: string;
  business_id: string;
  request_id: string | null;
  customer_id: string | null;
  campaign_id: string | null;
  step: number;
  channel: MessageChannel;
  transport: string | null;
  recipient: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  status: MessageStatus;
  sandbox: number;
  provider_id: string | null;
  error: string | null;
  unsubscribe_token: string | null;
  due_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  failed_at: string | null;
  created_at: string;
  updated_at: string;
};

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    requestId: row.request_id,
    customerId: row.customer_id,
    campaignId: row.campaign_id,
    step: row.step,
    channel: row.channel,
    transport: row.transport,
    recipient: row.recipient,
    subject: row.subject,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    status: row.status,
    sandbox: row.sandbox === 1,
    providerId: row.provider_id,
    error: row.error,
    unsubscribeToken: row.unsubscribe_token,
    dueAt: row.due_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewMessage = {
  organizationId: string;
  businessId: string;
  requestId: string | null;
  customerId: string | null;
  campaignId: string | null;
  step: number;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  sandbox: boolean;
  unsubscribeToken: string | null;
  dueAt: string;
};

/** Stores a rendered message waiting for the worker; call in the same transaction as its outbox job. */
export function insertMessage(db: Db, clock: Clock, m: NewMessage): string {
  const id = newId('msg');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO messages (id, organization_id, business_id, request_id, customer_id, campaign_id, step, channel, recipient,
       subject, body_text, body_html, sandbox, unsubscribe_token, due_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    m.organizationId,
    m.businessId,
    m.requestId,
    m.customerId,
    m.campaignId,
    m.step,
    m.channel,
    m.recipient,
    m.subject,
    m.bodyText,
    m.bodyHtml,
    m.sandbox ? 1 : 0,
    m.unsubscribeToken,
    m.dueAt,
    now,
    now,
  );
  return id;
}

/** A message by id, any organization (the worker's view). */
export function getMessageById(db: Db, id: string): Message | undefined {
  const row = sql(db, 'SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
  return row && toMessage(row);
}

/** A message of the organization. */
export function getMessage(db: Db, organizationId: string, id: string): Message | undefined {
  const row = sql(db, 'SELECT * FROM messages WHERE id = ? AND organization_id = ?').get(
    id,
    organizationId,
  ) as MessageRow | undefined;
  return row && toMessage(row);
}

/** The message a provider knows by its id (status callbacks). */
export function findMessageByProviderId(db: Db, providerId: string): Message | undefined {
  const row = sql(db, 'SELECT * FROM messages WHERE provider_id = ?').get(providerId) as
    | MessageRow
    | undefined;
  return row && toMessage(row);
}

/** The message behind an unsubscribe link. */
export function findMessageByUnsubscribeToken(db: Db, token: string): Message | undefined {
  const row = sql(db, 'SELECT * FROM messages WHERE unsubscribe_token = ?').get(token) as
    | MessageRow
    | undefined;
  return row && toMessage(row);
}

/** The newest message sent to a phone number (an inbound SMS reply is about it). */
export function latestMessageToPhone(db: Db, phone: string): Message | undefined {
  const row = sql(
    db,
    `SELECT * FROM messages WHERE recipient = ? AND channel IN ('sms', 'whatsapp') AND sent_at IS NOT NULL
     ORDER BY sent_at DESC LIMIT 1`,
  ).get(phone) as MessageRow | undefined;
  return row && toMessage(row);
}

/** It went out (or, for sandbox and log, would have). */
export function markMessageSent(
  db: Db,
  clock: Clock,
  id: string,
  sent: { transport: string; providerId: string | null },
): void {
  const now = isoNow(clock);
  sql(
    db,
    `UPDATE messages SET status = 'sent', transport = ?, provider_id = ?, sent_at = ?, updated_at = ? WHERE id = ?`,
  ).run(sent.transport, sent.providerId, now, now, id);
}

/** The provider confirmed delivery. */
export function markMessageDelivered(db: Db, clock: Clock, id: string): void {
  const now = isoNow(clock);
  sql(
    db,
    `UPDATE messages SET status = 'delivered', delivered_at = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'sent')`,
  ).run(now, now, id);
}

/** Ends a message that will not (or did not) reach its recipient: failed, suppressed or cancelled, with why. */
export function closeMessage(
  db: Db,
  clock: Clock,
  id: string,
  status: 'failed' | 'suppressed' | 'cancelled',
  reason: string,
): void {
  const now = isoNow(clock);
  sql(
    db,
    `UPDATE messages SET status = ?, error = ?, failed_at = CASE WHEN ? = 'failed' THEN ? ELSE failed_at END, updated_at = ?
     WHERE id = ?`,
  ).run(status, reason, status, now, now, id);
}

/** Messages still waiting to go out for a request (reminders to stop). */
export function queuedMessagesOfRequest(db: Db, requestId: string): Message[] {
  return (
    sql(db, `SELECT * FROM messages WHERE request_id = ? AND status = 'queued' ORDER BY step`).all(
      requestId,
    ) as MessageRow[]
  ).map(toMessage);
}

export type MessageFilter = {
  channel?: MessageChannel;
  status?: MessageStatus;
  requestId?: string;
  customerId?: string;
  sandbox?: boolean;
};

const WHERE = `organization_id = :org AND (:channel IS NULL OR channel = :channel) AND (:status IS NULL OR status = :status)
  AND (:request IS NULL OR request_id = :request) AND (:customer IS NULL OR customer_id = :customer)
  AND (:sandbox IS NULL OR sandbox = :sandbox)`;

/** One page of the organization's messages, newest first, and the total. */
export function listMessages(
  db: Db,
  organizationId: string,
  filter: MessageFilter,
  page: { limit: number; offset: number },
): { items: Message[]; total: number } {
  const args = {
    org: organizationId,
    channel: filter.channel ?? null,
    status: filter.status ?? null,
    request: filter.requestId ?? null,
    customer: filter.customerId ?? null,
    sandbox: filter.sandbox === undefined ? null : filter.sandbox ? 1 : 0,
  };
  const rows = sql(
    db,
    `SELECT * FROM messages WHERE ${WHERE} ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset`,
  ).all({ ...args, ...page }) as MessageRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM messages WHERE ${WHERE}`).get(args) as {
    total: number;
  };
  return { items: rows.map(toMessage), total };
}

/** Every message to a customer, oldest first (activity and export). */
export function messagesOfCustomer(db: Db, organizationId: string, customerId: string): Message[] {
  return (
    sql(
      db,
      'SELECT * FROM messages WHERE organization_id = ? AND customer_id = ? ORDER BY created_at, rowid',
    ).all(organizationId, customerId) as MessageRow[]
  ).map(toMessage);
}
