-- Each review carries the JSON the API presents it as, in a STORED generated column: SQLite recomputes it
-- in the same write that changes the row, so it is never stale, and a list page reads 25 strings instead of
-- building 25 JSON objects of 25 fields on every request (about half the cost of a page at 100k reviews).
-- SQLite cannot add a STORED column in place, so the table is rebuilt (migrate() turns foreign keys off
-- around the migrations and checks them before commit). Rows keep their rowid: reviews_fts refers to it.
CREATE TABLE reviews_new (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  external_id TEXT,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title TEXT,
  content TEXT NOT NULL DEFAULT '',
  author_name TEXT NOT NULL,
  author_avatar_url TEXT,
  url TEXT,
  published_at TEXT NOT NULL,
  reply TEXT,
  replied_at TEXT,
  show_on_widget INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0,
  verified INTEGER NOT NULL DEFAULT 0,
  sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  sentiment_score REAL NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Keep in step with presentReview (server/api/reviews-schemas.ts): a test compares the two on every field.
  api_json TEXT NOT NULL GENERATED ALWAYS AS (json_object(
    'id', id, 'organizationId', organization_id, 'businessId', business_id, 'source', source,
    'externalId', external_id, 'rating', rating, 'title', title, 'content', content, 'authorName', author_name,
    'authorAvatarUrl', author_avatar_url, 'url', url, 'publishedAt', published_at, 'reply', reply,
    'repliedAt', replied_at, 'showOnWidget', iif(show_on_widget, json('true'), json('false')),
    'hidden', iif(hidden, json('true'), json('false')), 'verified', iif(verified, json('true'), json('false')),
    'sentiment', sentiment, 'sentimentScore', sentiment_score, 'keywords', json(keywords), 'tags', json(tags),
    'customerId', customer_id, 'createdAt', created_at, 'updatedAt', updated_at,
    'responded', iif(reply IS NOT NULL, json('true'), json('false')))) STORED
) STRICT;

INSERT INTO reviews_new (rowid, id, organization_id, business_id, source, external_id, rating, title, content,
    author_name, author_avatar_url, url, published_at, reply, replied_at, show_on_widget, hidden, verified,
    sentiment, sentiment_score, keywords, tags, customer_id, created_at, updated_at)
  SELECT rowid, id, organization_id, business_id, source, external_id, rating, title, content,
    author_name, author_avatar_url, url, published_at, reply, replied_at, show_on_widget, hidden, verified,
    sentiment, sentiment_score, keywords, tags, customer_id, created_at, updated_at
  FROM reviews;

DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;

CREATE UNIQUE INDEX reviews_external ON reviews(business_id, source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX reviews_business_published ON reviews(business_id, published_at DESC, id DESC);
CREATE INDEX reviews_business_rating ON reviews(business_id, rating, published_at DESC);
CREATE INDEX reviews_organization_published ON reviews(organization_id, published_at DESC, id DESC);
CREATE INDEX reviews_widget ON reviews(business_id, published_at DESC) WHERE show_on_widget = 1 AND hidden = 0;
CREATE INDEX reviews_organization_rating_high ON reviews(organization_id, rating DESC, published_at DESC, id DESC);
CREATE INDEX reviews_organization_rating_low ON reviews(organization_id, rating ASC, published_at DESC, id DESC);
CREATE INDEX reviews_business_rating_high ON reviews(business_id, rating DESC, published_at DESC, id DESC);

CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews BEGIN
  INSERT INTO reviews_fts(rowid, title, content, author_name) VALUES (new.rowid, new.title, new.content, new.author_name);
END;
CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews BEGIN
  INSERT INTO reviews_fts(reviews_fts, rowid, title, content, author_name)
  VALUES ('delete', old.rowid, old.title, old.content, old.author_name);
END;
CREATE TRIGGER reviews_fts_update AFTER UPDATE OF title, content, author_name ON reviews BEGIN
  INSERT INTO reviews_fts(reviews_fts, rowid, title, content, author_name)
  VALUES ('delete', old.rowid, old.title, old.content, old.author_name);
  INSERT INTO reviews_fts(rowid, title, content, author_name) VALUES (new.rowid, new.title, new.content, new.author_name);
END;
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
