import { type Clock, isoNow } from '../domain/clock';
import type { Role } from '../domain/roles';
import { type Db, sql } from './db';

/** What one person is emailed about in one organization. `lowRating` and `digestHour` are null when off. */
export type NotificationPreferences = {
  feedback: boolean;
  lowRating: number | null;
  digestHour: number | null;
  timeZone: string;
};

/** A member with their preferences in effect (stored, or their role's defaults), for sending alerts. */
export type AlertRecipient = NotificationPreferences & {
  userId: string;
  email: string;
  name: string;
  role: Role;
  digestLastDay: string | null;
};

type PrefRow = {
  feedback: number | null;
  low_rating: number | null;
  digest_hour: number | null;
  time_zone: string | null;
  digest_last_day: string | null;
  stored: number;
};

/** A new owner or manager hears of private feedback and of reviews at or below 2★; staff opt in. */
export function defaultPreferences(role: Role, timeZone: string): NotificationPreferences {
  return role === 'staff'
    ? { feedback: false, lowRating: null, digestHour: null, timeZone }
    : { feedback: true, lowRating: 2, digestHour: null, timeZone };
}

// The organization's first business sets the default zone: the owner usually lives where the shop is.
const ORG_ZONE = `COALESCE((SELECT timezone FROM businesses WHERE organization_id = m.organization_id
  ORDER BY created_at, rowid LIMIT 1), 'UTC')`;

const RECIPIENT_SELECT = `SELECT m.user_id AS userId, u.email AS email, u.name AS name, m.role AS role,
    p.feedback, p.low_rating, p.digest_hour, COALESCE(p.time_zone, ${ORG_ZONE}) AS time_zone,
    p.digest_last_day, p.user_id IS NOT NULL AS stored
  FROM memberships m JOIN users u ON u.id = m.user_id
  LEFT JOIN notification_preferences p ON p.user_id = m.user_id AND p.organization_id = m.organization_id`;

type RecipientRow = PrefRow & { userId: string; email: string; name: string; role: Role };

function toRecipient(row: RecipientRow): AlertRecipient {
  const prefs: NotificationPreferences = row.stored
    ? {
        feedback: row.feedback === 1,
        lowRating: row.low_rating,
        digestHour: row.digest_hour,
        timeZone: row.time_zone as string,
      }
    : defaultPreferences(row.role, row.time_zone as string);
  return {
    ...prefs,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    digestLastDay: row.digest_last_day,
  };
}

/** Every member of the organization with the preferences in effect for them. */
export function alertRecipients(db: Db, organizationId: string): AlertRecipient[] {
  return (
    sql(db, `${RECIPIENT_SELECT} WHERE m.organization_id = ? ORDER BY m.created_at, m.user_id`).all(
      organizationId,
    ) as RecipientRow[]
  ).map(toRecipient);
}

/** One member's preferences in the organization; undefined when they are not a member. */
export function preferencesOf(db: Db, userId: string, organizationId: string): AlertRecipient | undefined {
  const row = sql(db, `${RECIPIENT_SELECT} WHERE m.user_id = ? AND m.organization_id = ?`).get(
    userId,
    organizationId,
  ) as RecipientRow | undefined;
  return row && toRecipient(row);
}

/** Stores a member's preferences (the membership must exist: the foreign key refuses a stranger). */
export function savePreferences(
  db: Db,
  clock: Clock,
  userId: string,
  organizationId: string,
  prefs: NotificationPreferences,
): void {
  sql(
    db,
    `INSERT INTO notification_preferences (user_id, organization_id, feedback, low_rating, digest_hour, time_zone, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, organization_id) DO UPDATE SET feedback = excluded.feedback,
       low_rating = excluded.low_rating, digest_hour = excluded.digest_hour, time_zone = excluded.time_zone,
       updated_at = excluded.updated_at`,
  ).run(
    userId,
    organizationId,
    prefs.feedback ? 1 : 0,
    prefs.lowRating,
    prefs.digestHour,
    prefs.timeZone,
    isoNow(clock),
  );
}

/** Members of any organization whose daily digest is on (the digest job decides which are due). */
export function digestSubscribers(db: Db): Array<AlertRecipient & { organizationId: string }> {
  return (
    sql(
      db,
      `${RECIPIENT_SELECT.replace('SELECT ', 'SELECT m.organization_id AS organizationId, ')}
       WHERE p.digest_hour IS NOT NULL ORDER BY m.organization_id, m.user_id`,
    ).all() as Array<RecipientRow & { organizationId: string }>
  ).map((row) => ({ ...toRecipient(row), organizationId: row.organizationId }));
}

/**
 * Claims the digest of `day` (local date) for the member: true once per day whoever asks, so a restart or a
 * second process never queues it twice. Run in the transaction that queues the email.
 */
export function claimDigestDay(db: Db, userId: string, organizationId: string, day: string): boolean {
  return (
    sql(
      db,
      `UPDATE notification_preferences SET digest_last_day = ?
       WHERE user_id = ? AND organization_id = ? AND digest_hour IS NOT NULL
         AND (digest_last_day IS NULL OR digest_last_day < ?)`,
    ).run(day, userId, organizationId, day).changes === 1
  );
}
