-- Delivery: the outbox, messages, templates, campaigns, webhooks and suppressions (DESIGN §7, §9).

-- Durable jobs. A row is written in the same transaction as the change that caused it; the worker leases
-- due rows (locked_until), retries with backoff, and stops at max_attempts with the reason in last_error.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'webhook')),
  ref_id TEXT NOT NULL,                     -- messages.id or webhook_deliveries.id
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
  due_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  locked_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox(due_at) WHERE status = 'pending';
CREATE INDEX outbox_ref ON outbox(ref_id);

-- Message templates per channel and language; business_id NULL applies to every business of the org.
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT REFERENCES businesses(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
  language TEXT NOT NULL DEFAULT 'en',
  subject TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX templates_organization ON templates(organization_id, created_at DESC);

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX campaigns_organization ON campaigns(organization_id, created_at DESC);

-- Step 0 is the first message; steps 1..3 are reminders sent delay_hours after the previous step.
CREATE TABLE campaign_steps (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 3),
  delay_hours INTEGER NOT NULL DEFAULT 0,
  template_id TEXT REFERENCES templates(id) ON DELETE SET NULL,
  PRIMARY KEY (campaign_id, position)
) STRICT;

-- Which campaign a review request belongs to (kept here so review_requests stays the foundation's).
CREATE TABLE request_campaigns (
  request_id TEXT PRIMARY KEY REFERENCES review_requests(id) ON DELETE CASCADE,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX request_campaigns_campaign ON request_campaigns(campaign_id);

-- Every message sent or that would have been (log transport, sandbox keys), with its rendered text.
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  request_id TEXT REFERENCES review_requests(id) ON DELETE SET NULL,
  customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
  campaign_id TEXT REFERENCES campaigns(id) ON DELETE SET NULL,
  step INTEGER NOT NULL DEFAULT 0,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
  transport TEXT,                           -- log, smtp, twilio, sandbox: set when it goes out
  recipient TEXT,
  subject TEXT,
  body_text TEXT NOT NULL DEFAULT '',
  body_html TEXT,
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'suppressed', 'cancelled')),
  sandbox INTEGER NOT NULL DEFAULT 0,
  provider_id TEXT,
  error TEXT,
  unsubscribe_token TEXT UNIQUE,
  due_at TEXT NOT NULL,
  sent_at TEXT,
  delivered_at TEXT,
  failed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX messages_organization ON messages(organization_id, created_at DESC);
CREATE INDEX messages_request ON messages(request_id);
CREATE INDEX messages_customer ON messages(customer_id);
CREATE INDEX messages_provider ON messages(provider_id) WHERE provider_id IS NOT NULL;

-- Erased or globally opted-out contacts: only a SHA-256 of the normalized email or phone is kept.
CREATE TABLE suppressions (
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (organization_id, hash)
) STRICT;

CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  description TEXT,
  events TEXT NOT NULL CHECK (json_valid(events)),
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  disabled_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX webhook_endpoints_organization ON webhook_endpoints(organization_id, created_at DESC);

-- One event for one endpoint; id is the webhook-id header, the same across retries and redeliveries.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, created_at DESC);

CREATE TABLE webhook_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempted_at TEXT NOT NULL,
  status_code INTEGER,
  latency_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
  error TEXT
) STRICT;
CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, id);
