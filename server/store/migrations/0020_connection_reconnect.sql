-- A consent started by POST /connections/{id}/reconnect is bound to that connection: its callback gives the
-- connection new tokens instead of making a second one, so the location mappings stay.
ALTER TABLE oauth_states ADD COLUMN connection_id TEXT;
