-- Platform connectors (DESIGN §11): connections to Google, Facebook, Trustpilot, Yelp and Tripadvisor, the
-- platform locations mapped to businesses, each sync run, the pending OAuth consents, and per review what the
-- platform said about it. The outbox learns `connector_sync` and `connector_reply`.

-- tokens: AES-256-GCM ciphertext of the token set (server/connectors/vault.ts); NULL once disconnected.
CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  platform TEXT NOT NULL CHECK (platform IN ('google', 'facebook', 'trustpilot', 'yelp', 'tripadvisor')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'broken', 'disconnected')),
  tokens BLOB,
  token_expires_at TEXT,
  label TEXT NOT NULL,
  last_error TEXT,
  sync_interval_minutes INTEGER NOT NULL CHECK (sync_interval_minutes BETWEEN 5 AND 10080),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX connections_organization ON connections(organization_id, created_at);

-- One platform location (a Google location, a Facebook page …) mapped to a business. Its cursor: the newest
-- platform updateTime a finished sync saw, and when the newest reviews were last re-read in full.
CREATE TABLE connection_locations (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT,
  place_id TEXT,
  url TEXT,
  business_id TEXT REFERENCES businesses(id) ON DELETE SET NULL,
  last_seen_update_time TEXT,
  last_full_read_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (connection_id, external_id)
) STRICT;
CREATE INDEX connection_locations_business ON connection_locations(business_id) WHERE business_id IS NOT NULL;

CREATE TABLE sync_runs (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES connection_locations(id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  fetched INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0,
  error TEXT
) STRICT;
CREATE INDEX sync_runs_connection ON sync_runs(connection_id, started_at DESC);

-- A consent screen in progress: only the SHA-256 of `state` is stored, single use (used_at), 10 minutes.
CREATE TABLE oauth_states (
  state_hash TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  platform TEXT NOT NULL,
  started_by TEXT NOT NULL,
  code_verifier BLOB,
  redirect_uri TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX oauth_states_expires ON oauth_states(expires_at);

-- What a platform says about one of its reviews. A side table rather than columns of `reviews`, whose
-- generated api_json column would force a rebuild of the largest table (migration 0005).
CREATE TABLE review_platform (
  review_id TEXT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES connection_locations(id) ON DELETE SET NULL,
  platform_updated_at TEXT NOT NULL,
  imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
  reply_status TEXT CHECK (reply_status IN ('local', 'pending', 'posted', 'failed')),
  reply_error TEXT,
  hidden_reason TEXT
) STRICT;
CREATE INDEX review_platform_location ON review_platform(location_id, platform_updated_at);

-- The outbox learns the connector kinds: SQLite cannot change a CHECK, so the table is rebuilt (as in 0010).
CREATE TABLE outbox_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'webhook', 'account_email', 'connector_sync', 'connector_reply')),
  ref_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
  due_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  locked_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO outbox_new SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(due_at) WHERE status = 'pending';
CREATE INDEX outbox_ref ON outbox(ref_id);
CREATE INDEX outbox_kind_due ON outbox(kind, due_at) WHERE status = 'pending';
