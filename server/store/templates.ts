import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';
import type { MessageChannel } from './messages';

export type Template = {
  id: string;
  organizationId: string;
  businessId: string | null;
  name: string;
  channel: MessageChannel;
  language: string;
  subject: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
};

type TemplateRow = {
  id: string;
  organization_id: string;
  business_id: string | null;
  name: string;
  channel: MessageChannel;
  language: string;
  subject: string | null;
  body: string;
  created_at: string;
  updated_at: string;
};

function toTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    name: row.name,
    channel: row.channel,
    language: row.language,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type TemplateFields = Omit<Template, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

/** Stores a validated template. */
export function insertTemplate(db: Db, clock: Clock, organizationId: string, f: TemplateFields): Template {
  const id = newId('tpl');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO templates (id, organization_id, business_id, name, channel, language, subject, body, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, organizationId, f.businessId, f.name, f.channel, f.language, f.subject, f.body, now, now);
  return getTemplate(db, organizationId, id)!;
}

/** A template of the organization. */
export function getTemplate(db: Db, organizationId: string, id: string): Template | undefined {
  const row = sql(db, 'SELECT * FROM templates WHERE id = ? AND organization_id = ?').get(
    id,
    organizationId,
  ) as TemplateRow | undefined;
  return row && toTemplate(row);
}

/** Replaces a template's fields; undefined when it is not the organization's. */
export function updateTemplate(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  f: TemplateFields,
): Template | undefined {
  const changed = sql(
    db,
    `UPDATE templates SET business_id = ?, name = ?, channel = ?, language = ?, subject = ?, body = ?, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(
    f.businessId,
    f.name,
    f.channel,
    f.language,
    f.subject,
    f.body,
    isoNow(clock),
    id,
    organizationId,
  ).changes;
  return changed ? getTemplate(db, organizationId, id) : undefined;
}

/** Deletes a template; campaign steps using it fall back to the default. */
export function deleteTemplate(db: Db, organizationId: string, id: string): boolean {
  return (
    sql(db, 'DELETE FROM templates WHERE id = ? AND organization_id = ?').run(id, organizationId).changes > 0
  );
}

/** One page of templates, newest first. */
export function listTemplates(
  db: Db,
  organizationId: string,
  filter: { channel?: MessageChannel },
  page: { limit: number; offset: number },
): { items: Template[]; total: number } {
  const args = { org: organizationId, channel: filter.channel ?? null };
  const where = 'organization_id = :org AND (:channel IS NULL OR channel = :channel)';
  const rows = sql(
    db,
    `SELECT * FROM templates WHERE ${where} ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset`,
  ).all({ ...args, ...page }) as TemplateRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM templates WHERE ${where}`).get(args) as {
    total: number;
  };
  return { items: rows.map(toTemplate), total };
}

/**
 * The organization's template for a channel and language: the business's own before an organization-wide
 * one, the exact language before English, the newest first. Undefined means "use the built-in default".
 */
export function findTemplateFor(
  db: Db,
  organizationId: string,
  businessId: string,
  channel: MessageChannel,
  language: string,
): Template | undefined {
  const row = sql(
    db,
    `SELECT * FROM templates WHERE organization_id = ? AND channel = ? AND (business_id IS NULL OR business_id = ?)
       AND language IN (?, 'en')
     ORDER BY language = ? DESC, business_id IS NOT NULL DESC, created_at DESC LIMIT 1`,
  ).get(organizationId, channel, businessId, language, language) as TemplateRow | undefined;
  return row && toTemplate(row);
}
