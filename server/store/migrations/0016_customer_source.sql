-- Where a customer came from (`api`, `shopify`, a CRM's name …) and their id there, so an integration can
-- find its own contacts again. Free text given by the caller; Plaudit never acts on it.
ALTER TABLE customers ADD COLUMN source TEXT;
ALTER TABLE customers ADD COLUMN source_contact_id TEXT;
CREATE INDEX customers_source_contact ON customers(organization_id, source_contact_id) WHERE source_contact_id IS NOT NULL;
