-- A circuit breaker per webhook endpoint (issue 13): attempts that got no answer in a row (timeouts,
-- refused connections), and while the circuit is open the time its deliveries wait until and the cooldown
-- that led there (it doubles on each failed trial). Kept here so a restart does not hammer a dead endpoint.
ALTER TABLE webhook_endpoints ADD COLUMN circuit_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_endpoints ADD COLUMN circuit_open_until TEXT;
ALTER TABLE webhook_endpoints ADD COLUMN circuit_cooldown_ms INTEGER NOT NULL DEFAULT 0;
