-- Per-reader read state of the inbox (a user id for sessions, an API key id for keys): a row means "read".
-- reader_id has no foreign key because it names either kind of reader. The primary key serves the probes
-- the inbox makes per listed item, and a reader's count of read items of one type.
CREATE TABLE inbox_reads (
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  reader_id TEXT NOT NULL,
  item_type TEXT NOT NULL CHECK (item_type IN ('review', 'feedback')),
  item_id TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (reader_id, item_type, item_id)
) STRICT, WITHOUT ROWID;

-- The read state of an item goes with it, whether it is deleted directly or by a cascade (business,
-- organization): SQLite runs these triggers for rows a foreign key action deletes as well.
CREATE TRIGGER inbox_reads_review_delete AFTER DELETE ON reviews BEGIN
  DELETE FROM inbox_reads WHERE item_type = 'review' AND item_id = old.id;
END;
CREATE TRIGGER inbox_reads_feedback_delete AFTER DELETE ON feedback BEGIN
  DELETE FROM inbox_reads WHERE item_type = 'feedback' AND item_id = old.id;
END;
CREATE INDEX inbox_reads_item ON inbox_reads(item_type, item_id);

-- The inbox merges reviews and feedback newest first with the id as tie-break; with the id in the feedback
-- indexes each side of the merge is read in index order, so a page stops after its rows.
CREATE INDEX feedback_organization_created_id ON feedback(organization_id, created_at DESC, id DESC);
CREATE INDEX feedback_business_created_id ON feedback(business_id, created_at DESC, id DESC);
