-- Delivery lanes, so one tenant cannot delay another's messages (issue 13).

-- A circuit breaker per webhook endpoint: attempts that got no answer in a row (timeouts,
-- refused connections), and while the circuit is open the time its deliveries wait until and the cooldown
-- that led there (it doubles on each failed trial). Kept here so a restart does not hammer a dead endpoint.
ALTER TABLE webhook_endpoints ADD COLUMN circuit_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_endpoints ADD COLUMN circuit_open_until TEXT;
ALTER TABLE webhook_endpoints ADD COLUMN circuit_cooldown_ms INTEGER NOT NULL DEFAULT 0;

-- Each lane of the worker leases the oldest due job of its own kinds: without the kind first, a lease for a
-- message reads past every due webhook (about 1 ms per 10,000 of them), so a webhook backlog would slow email.
CREATE INDEX outbox_kind_due ON outbox(kind, due_at) WHERE status = 'pending';
