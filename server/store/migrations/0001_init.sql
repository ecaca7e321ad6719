-- Plaudit initial schema. Timestamps are ISO 8601 UTC text (they sort as strings).
-- JSON columns hold arrays/objects as text and are checked with json_valid.

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE, -- NULL: the admin key
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,                                           -- SHA-256 hex of the secret
  prefix TEXT NOT NULL,                                                -- first characters, for display
  mode TEXT NOT NULL CHECK (mode IN ('live', 'test')),
  scopes TEXT NOT NULL CHECK (json_valid(scopes)),
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
) STRICT;
CREATE INDEX api_keys_organization ON api_keys(organization_id, created_at);

CREATE TABLE businesses (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  address TEXT,
  phone TEXT,
  website TEXT,
  timezone TEXT NOT NULL DEFAULT 'UTC',
  locale TEXT NOT NULL DEFAULT 'en',
  brand_color TEXT,
  logo_url TEXT,
  gating_mode TEXT NOT NULL DEFAULT 'soft' CHECK (gating_mode IN ('soft', 'off', 'strict')),
  gating_threshold INTEGER NOT NULL DEFAULT 4,
  gating_scale TEXT NOT NULL DEFAULT 'stars' CHECK (gating_scale IN ('stars', 'nps', 'thumbs')),
  policy_risk_acknowledged_at TEXT,
  testimonial_auto_publish_min INTEGER,
  platforms TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(platforms)),
  send_window_start TEXT NOT NULL DEFAULT '09:00',
  send_window_end TEXT NOT NULL DEFAULT '20:00',
  dedup_days INTEGER NOT NULL DEFAULT 14,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (gating_mode <> 'strict' OR policy_risk_acknowledged_at IS NOT NULL)
) STRICT;
CREATE INDEX businesses_organization ON businesses(organization_id, created_at);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT,
  email TEXT,
  phone TEXT,
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  notes TEXT,
  opt_out INTEGER NOT NULL DEFAULT 0,
  opted_out_at TEXT,
  invalid INTEGER NOT NULL DEFAULT 0,
  invalid_reason TEXT,
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX customers_email ON customers(organization_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX customers_phone ON customers(organization_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX customers_created ON customers(organization_id, created_at);

CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  external_id TEXT,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title TEXT,
  content TEXT NOT NULL DEFAULT '',
  author_name TEXT NOT NULL,
  author_avatar_url TEXT,
  url TEXT,
  published_at TEXT NOT NULL,
  reply TEXT,
  replied_at TEXT,
  show_on_widget INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0,
  verified INTEGER NOT NULL DEFAULT 0,
  sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  sentiment_score REAL NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX reviews_external ON reviews(business_id, source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX reviews_business_published ON reviews(business_id, published_at DESC, id DESC);
CREATE INDEX reviews_business_rating ON reviews(business_id, rating, published_at DESC);
CREATE INDEX reviews_organization_published ON reviews(organization_id, published_at DESC, id DESC);
CREATE INDEX reviews_widget ON reviews(business_id, published_at DESC) WHERE show_on_widget = 1 AND hidden = 0;

CREATE VIRTUAL TABLE reviews_fts USING fts5(
  title, content, author_name,
  content = 'reviews', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews BEGIN
  INSERT INTO reviews_fts(rowid, title, content, author_name) VALUES (new.rowid, new.title, new.content, new.author_name);
END;
CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews BEGIN
  INSERT INTO reviews_fts(reviews_fts, rowid, title, content, author_name)
  VALUES ('delete', old.rowid, old.title, old.content, old.author_name);
END;
CREATE TRIGGER reviews_fts_update AFTER UPDATE OF title, content, author_name ON reviews BEGIN
  INSERT INTO reviews_fts(reviews_fts, rowid, title, content, author_name)
  VALUES ('delete', old.rowid, old.title, old.content, old.author_name);
  INSERT INTO reviews_fts(rowid, title, content, author_name) VALUES (new.rowid, new.title, new.content, new.author_name);
END;

CREATE TABLE cards (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  code TEXT NOT NULL UNIQUE,
  label TEXT,
  staff_member TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  taps INTEGER NOT NULL DEFAULT 0,
  last_tap_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX cards_organization ON cards(organization_id, created_at);

CREATE TABLE review_requests (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  method TEXT NOT NULL CHECK (method IN ('sms', 'email', 'whatsapp')),
  code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'scheduled', 'sent', 'opened', 'completed', 'failed', 'suppressed')),
  sandbox INTEGER NOT NULL DEFAULT 0,
  suppress_message INTEGER NOT NULL DEFAULT 0,
  send_at TEXT,
  sent_at TEXT,
  opened_at TEXT,
  completed_at TEXT,
  failed_at TEXT,
  failure_reason TEXT,
  suppressed_reason TEXT,
  rating INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX review_requests_organization ON review_requests(organization_id, created_at DESC);
CREATE INDEX review_requests_business ON review_requests(business_id, created_at DESC);
CREATE INDEX review_requests_customer ON review_requests(customer_id, business_id, created_at DESC);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  request_id TEXT REFERENCES review_requests(id) ON DELETE SET NULL,
  card_id TEXT REFERENCES cards(id) ON DELETE SET NULL,
  customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
  origin TEXT NOT NULL CHECK (origin IN ('request', 'card', 'business_link')),
  type TEXT NOT NULL CHECK (type IN ('star', 'nps', 'thumbs')),
  score INTEGER NOT NULL,
  comments TEXT NOT NULL DEFAULT '',
  contact_name TEXT,
  contact_email TEXT,
  contact_phone TEXT,
  consent_to_contact INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'resolved')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX feedback_organization ON feedback(organization_id, created_at DESC);
CREATE INDEX feedback_business ON feedback(business_id, created_at DESC);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('opened', 'rated', 'platform_clicked', 'feedback_submitted',
                                     'testimonial_submitted', 'card_tapped')),
  request_id TEXT REFERENCES review_requests(id) ON DELETE SET NULL,
  card_id TEXT REFERENCES cards(id) ON DELETE SET NULL,
  visit_id TEXT,
  rating INTEGER,
  platform TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX events_business ON events(business_id, type, created_at);
CREATE INDEX events_request ON events(request_id) WHERE request_id IS NOT NULL;
CREATE INDEX events_card ON events(card_id) WHERE card_id IS NOT NULL;

CREATE TABLE idempotency_keys (
  api_key_id TEXT NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  response_status INTEGER,
  response_body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (api_key_id, key)
) STRICT;
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
