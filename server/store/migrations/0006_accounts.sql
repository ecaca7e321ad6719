-- People, sign-in and sessions (DESIGN §10): users, their memberships in organizations, sessions, the
-- single-use tokens of setup, password reset and invitations, and the failure counters of the login lockout.

-- email is unique whatever its case: "Ana@x.com" and "ana@x.com" are one person.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,              -- Argon2id, PHC string (holds its own salt and cost)
  instance_admin INTEGER NOT NULL DEFAULT 0 CHECK (instance_admin IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, organization_id)
) STRICT;
CREATE INDEX memberships_organization ON memberships(organization_id);

-- Only the SHA-256 of the cookie token is stored: a copy of the database signs nobody in.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  user_agent TEXT,
  ip TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

-- Setup, reset and invitation links: single use (used_at), expiring, stored hashed.
CREATE TABLE auth_tokens (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'reset', 'invite')),
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  email TEXT COLLATE NOCASE,
  role TEXT CHECK (role IN ('owner', 'manager', 'staff')),
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX auth_tokens_organization ON auth_tokens(organization_id) WHERE organization_id IS NOT NULL;

-- Login failures per account (email:…) and per client address (ip:…): in the database so a restart does
-- not lift a lockout.
CREATE TABLE login_attempts (
  bucket TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX login_attempts_updated ON login_attempts(updated_at);

-- Account emails (reset, invitation) queued through the outbox; the outbox row points here.
CREATE TABLE account_emails (
  id TEXT PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;

-- The outbox learns the kind `account_email`: SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE outbox_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'webhook', 'account_email')),
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
