-- Connector fixes: reconnecting in place, and one reply link per location.
-- A consent started by POST /connections/{id}/reconnect is bound to that connection: its callback gives the
-- connection new tokens instead of making a second one, so the location mappings stay.
ALTER TABLE oauth_states ADD COLUMN connection_id TEXT;

-- Where the owner answers a location's reviews by hand (platforms without a reply API), computed once by the
-- connector when the location is mapped, so review lists and single reads show the same link.
ALTER TABLE connection_locations ADD COLUMN reply_url TEXT;
