-- Organization-wide lists sorted by rating read in index order instead of sorting every review of the
-- organization (at 1M reviews the sort took seconds), and a business’s best reviews first likewise. One index
-- per direction: SQLite cannot scan one index with rating and date in opposite directions.
CREATE INDEX reviews_organization_rating_high ON reviews(organization_id, rating DESC, published_at DESC, id DESC);
CREATE INDEX reviews_organization_rating_low ON reviews(organization_id, rating ASC, published_at DESC, id DESC);
CREATE INDEX reviews_business_rating_high ON reviews(business_id, rating DESC, published_at DESC, id DESC);

-- Review totals per business, kept by triggers, so an unfiltered list knows its total without
-- COUNT(*) over every review of the organization.
CREATE TABLE review_counts (
  business_id TEXT PRIMARY KEY REFERENCES businesses(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  total INTEGER NOT NULL CHECK (total >= 0)
) STRICT;
CREATE INDEX review_counts_organization ON review_counts(organization_id, total);

INSERT INTO review_counts (business_id, organization_id, total)
  SELECT business_id, organization_id, count(*) FROM reviews GROUP BY business_id, organization_id;

CREATE TRIGGER review_counts_insert AFTER INSERT ON reviews BEGIN
  INSERT INTO review_counts (business_id, organization_id, total) VALUES (new.business_id, new.organization_id, 1)
  ON CONFLICT (business_id) DO UPDATE SET total = total + 1;
END;
CREATE TRIGGER review_counts_delete AFTER DELETE ON reviews BEGIN
  UPDATE review_counts SET total = total - 1 WHERE business_id = old.business_id;
END;
CREATE TRIGGER review_counts_move AFTER UPDATE OF business_id, organization_id ON reviews BEGIN
  UPDATE review_counts SET total = total - 1 WHERE business_id = old.business_id;
  INSERT INTO review_counts (business_id, organization_id, total) VALUES (new.business_id, new.organization_id, 1)
  ON CONFLICT (business_id) DO UPDATE SET total = total + 1;
END;
