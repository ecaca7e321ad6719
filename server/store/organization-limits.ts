import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

/** An organization's monthly allowances (null = unlimited) and the anchor its periods are counted from. */
export type OrganizationLimits = {
  smsPerMonth: number | null;
  emailPerMonth: number | null;
  renewalAnchor: string;
  /** Active (not archived) businesses the organization may keep; null = unlimited. */
  businesses: number | null;
};

type LimitsRow = {
  sms_monthly_limit: number | null;
  email_monthly_limit: number | null;
  limits_anchor: string | null;
  business_limit: number | null;
  created_at: string;
};

const toLimits = (row: LimitsRow): OrganizationLimits => ({
  smsPerMonth: row.sms_monthly_limit,
  emailPerMonth: row.email_monthly_limit,
  renewalAnchor: row.limits_anchor ?? row.created_at,
  businesses: row.business_limit,
});

/** The organization's allowances, or undefined when it does not exist. */
export function getOrganizationLimits(db: Db, organizationId: string): OrganizationLimits | undefined {
  const row = sql(
    db,
    'SELECT sms_monthly_limit, email_monthly_limit, limits_anchor, business_limit, created_at FROM organizations WHERE id = ?',
  ).get(organizationId) as LimitsRow | undefined;
  return row && toLimits(row);
}

/**
 * Replaces the allowances; the anchor and the business cap stay as they were when not given. Undefined when no
 * such organization.
 */
export function setOrganizationLimits(
  db: Db,
  clock: Clock,
  organizationId: string,
  input: {
    smsPerMonth: number | null;
    emailPerMonth: number | null;
    renewalAnchor?: string;
    businesses?: number | null;
  },
): OrganizationLimits | undefined {
  const changed = sql(
    db,
    `UPDATE organizations SET sms_monthly_limit = ?, email_monthly_limit = ?,
       limits_anchor = coalesce(?, limits_anchor),
       business_limit = CASE WHEN ? THEN ? ELSE business_limit END, updated_at = ? WHERE id = ?`,
  ).run(
    input.smsPerMonth,
    input.emailPerMonth,
    input.renewalAnchor ?? null,
    input.businesses === undefined ? 0 : 1,
    input.businesses ?? null,
    isoNow(clock),
    organizationId,
  );
  return changed.changes > 0 ? getOrganizationLimits(db, organizationId) : undefined;
}

/**
 * Live messages the organization queued since `since`, per allowance (WhatsApp counts as a text message):
 * those waiting or gone out, plus any that went out and failed later. Cancelled reminders, suppressed
 * messages and ones that failed before transmission give their allowance back.
 */
export function countMessagesSince(
  db: Db,
  organizationId: string,
  since: string,
): { sms: number; email: number } {
  const row = sql(
    db,
    `SELECT coalesce(sum(channel = 'email'), 0) AS email, coalesce(sum(channel <> 'email'), 0) AS sms
       FROM messages
      WHERE organization_id = ? AND created_at >= ? AND sandbox = 0
        AND (status IN ('queued', 'sent', 'delivered') OR sent_at IS NOT NULL)`,
  ).get(organizationId, since) as { sms: number; email: number };
  return { sms: row.sms, email: row.email };
}
