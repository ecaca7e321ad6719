-- Which product's webhook format an endpoint receives: Plaudit's own (Standard Webhooks) or that of a hosted
-- product whose integrations point at Plaudit (DESIGN §13). The name is checked by the API against the
-- formats the code knows, so a new format needs no migration.
ALTER TABLE webhook_endpoints ADD COLUMN format TEXT NOT NULL DEFAULT 'standard';
