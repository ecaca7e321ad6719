-- Per-organization messaging allowances (NULL = unlimited). A period runs one calendar month from the
-- renewal anchor (NULL: the organization's creation time); usage is counted from messages, so no counter.
ALTER TABLE organizations ADD COLUMN sms_monthly_limit INTEGER CHECK (sms_monthly_limit IS NULL OR sms_monthly_limit >= 0);
ALTER TABLE organizations ADD COLUMN email_monthly_limit INTEGER CHECK (email_monthly_limit IS NULL OR email_monthly_limit >= 0);
ALTER TABLE organizations ADD COLUMN limits_anchor TEXT;
