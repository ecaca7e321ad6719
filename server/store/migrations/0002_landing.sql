-- Landing-page visits: one per person going through the flow. The id is the token in /v/:token and
-- /go/:token/:platform, tying a rating to the platform click or feedback that follows it.
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  origin TEXT NOT NULL CHECK (origin IN ('request', 'card', 'business_link')),
  request_id TEXT REFERENCES review_requests(id) ON DELETE SET NULL,
  card_id TEXT REFERENCES cards(id) ON DELETE SET NULL,
  lang TEXT NOT NULL,
  rating INTEGER,
  feedback_id TEXT REFERENCES feedback(id) ON DELETE SET NULL,
  testimonial_id TEXT REFERENCES reviews(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX visits_business ON visits(business_id, created_at);
CREATE INDEX visits_card ON visits(card_id) WHERE card_id IS NOT NULL;

-- Each step of a visit is counted once: reloads and double submits hit this index and are ignored.
CREATE UNIQUE INDEX events_visit_step ON events(visit_id, type, coalesce(platform, '')) WHERE visit_id IS NOT NULL;
