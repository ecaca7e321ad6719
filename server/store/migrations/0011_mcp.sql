-- MCP (DESIGN §12). A write an assistant asked for that publishes or messages a person waits here until a
-- person approves or rejects it; `payload` holds the tool's validated input, replayed on approval.
CREATE TABLE pending_actions (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('review_reply', 'review_request')),
  target_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  sandbox INTEGER NOT NULL DEFAULT 0 CHECK (sandbox IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by_key_id TEXT,
  decided_by TEXT,
  result_id TEXT,
  created_at TEXT NOT NULL,
  decided_at TEXT
) STRICT;
CREATE INDEX pending_actions_organization ON pending_actions(organization_id, status, created_at DESC);

-- One row per MCP tool call. The arguments are kept only as a digest: they may hold personal data.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  key_id TEXT,
  tool TEXT NOT NULL,
  args_digest TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'pending', 'error', 'denied')),
  error TEXT,
  correlation_id TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_organization ON audit_log(organization_id, created_at DESC, id DESC);
