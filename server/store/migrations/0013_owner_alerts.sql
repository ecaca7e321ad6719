-- Owner alerts (issue 14): what each person is emailed about, per organization they belong to. No row means
-- the role's defaults (owner/manager: feedback on, reviews at or below 2★; staff: nothing), so existing and
-- new members need no backfill. Leaving the organization removes the row with the membership.
CREATE TABLE notification_preferences (
  user_id TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  feedback INTEGER NOT NULL CHECK (feedback IN (0, 1)),
  low_rating INTEGER CHECK (low_rating BETWEEN 1 AND 5),   -- null: off
  digest_hour INTEGER CHECK (digest_hour BETWEEN 0 AND 23), -- local hour of the daily digest; null: off
  time_zone TEXT NOT NULL,
  digest_last_day TEXT,                                     -- local date (YYYY-MM-DD) of the last digest queued
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, organization_id),
  FOREIGN KEY (user_id, organization_id) REFERENCES memberships(user_id, organization_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX notification_preferences_digest ON notification_preferences(digest_hour) WHERE digest_hour IS NOT NULL;

-- Alerts and digests carry a one-click unsubscribe (RFC 8058): the job hands this URL to the transport.
ALTER TABLE account_emails ADD COLUMN unsubscribe_url TEXT;
