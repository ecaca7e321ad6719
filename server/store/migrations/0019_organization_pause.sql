-- An organization can be paused (an agency suspends a client account): while paused_at is set, its queued
-- messages wait instead of being sent; nothing is dropped, so resuming sends them in order.
ALTER TABLE organizations ADD COLUMN paused_at TEXT;
