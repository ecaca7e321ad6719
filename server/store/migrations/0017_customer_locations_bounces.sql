-- Customer ↔ business links: a customer belongs to zero or more of the organization's businesses (the
-- "locations" of FeedbackAPI, DESIGN §13), set through the native customers API and the compat routers.
-- The organization is repeated so every read stays scoped by it without a join.
CREATE TABLE customer_businesses (
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, business_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_businesses_business ON customer_businesses(business_id, customer_id);

-- An email the receiving server refused for good (an SMTP 5xx at send time): when and why. Kept apart from
-- failed_at, which also covers SMS failures and retries given up, so "bounced" means exactly a bounce.
ALTER TABLE review_requests ADD COLUMN bounced_at TEXT;
ALTER TABLE review_requests ADD COLUMN bounce_reason TEXT;
