-- An agency can cap how many active businesses (locations) a client organization keeps: NULL = unlimited.
-- Archived businesses do not count, so archiving one makes room.
ALTER TABLE organizations ADD COLUMN business_limit INTEGER CHECK (business_limit IS NULL OR business_limit >= 0);
