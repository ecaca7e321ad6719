-- Secrets this install generates for itself once (the landing's visit-token key). Kept in the database so
-- a backup carries them and an in-memory test database has its own.
CREATE TABLE instance_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- The landing funnel per business, card and UTC day. Views (opens, card taps) are counted here directly,
-- once per visitor per window, so a page view writes no row of its own; the retention job adds the steps
-- of old visits (rated, clicked, feedback …) here before deleting their raw rows. `card_id` is '' for a
-- visit that did not come through a card (a NULL would never match in the primary key).
CREATE TABLE visit_daily (
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  card_id TEXT NOT NULL,
  day TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  opens INTEGER NOT NULL DEFAULT 0,
  taps INTEGER NOT NULL DEFAULT 0,
  rated INTEGER NOT NULL DEFAULT 0,
  rating_sum INTEGER NOT NULL DEFAULT 0,
  clicked INTEGER NOT NULL DEFAULT 0,
  feedback INTEGER NOT NULL DEFAULT 0,
  testimonials INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (business_id, card_id, day)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_daily_organization ON visit_daily(organization_id, day);
CREATE INDEX visit_daily_card ON visit_daily(card_id, day);

-- The retention job finds old visits by age; an organization's funnel reads its events by time.
CREATE INDEX visits_created ON visits(created_at);
CREATE INDEX events_organization ON events(organization_id, created_at);
