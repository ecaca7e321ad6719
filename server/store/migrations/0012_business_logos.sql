-- A logo the owner uploaded, stored by Plaudit (at most 512 KB, PNG/JPEG/WebP checked by its first bytes) and
-- served from /assets/logo/{business id}.{ext}. One per business; the business's logo_url points at it.
CREATE TABLE business_logos (
  business_id TEXT PRIMARY KEY REFERENCES businesses(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  ext TEXT NOT NULL CHECK (ext IN ('png', 'jpg', 'webp')),
  body BLOB NOT NULL CHECK (length(body) <= 524288),
  version TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
