import type { Clock } from '../domain/clock';
import { isoNow } from '../domain/clock';
import type { LogoFormat } from '../domain/logo-image';
import { notifyBusinessChanged } from './changes';
import type { Db } from './db';
import { sql } from './db';

export type StoredLogo = { type: string; ext: string; body: Buffer; version: string };

/**
 * Stores a business's uploaded logo and points its `logo_url` at it, in one transaction. The business must
 * belong to the organization; false when it does not (or is archived).
 */
export function saveUploadedLogo(
  db: Db,
  clock: Clock,
  organizationId: string,
  businessId: string,
  logo: LogoFormat & { body: Uint8Array; version: string; url: string },
): boolean {
  const now = isoNow(clock);
  const saved = db.transaction(() => {
    const updated = sql(
      db,
      `UPDATE businesses SET logo_url = ?, updated_at = ?
       WHERE id = ? AND organization_id = ? AND archived_at IS NULL`,
    ).run(logo.url, now, businessId, organizationId);
    if (updated.changes === 0) return false;
    sql(
      db,
      `INSERT INTO business_logos (business_id, content_type, ext, body, version, created_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (business_id) DO UPDATE SET content_type = excluded.content_type, ext = excluded.ext,
         body = excluded.body, version = excluded.version, created_at = excluded.created_at`,
    ).run(businessId, logo.type, logo.ext, Buffer.from(logo.body), logo.version, now);
    return true;
  })();
  if (saved) notifyBusinessChanged(db, businessId);
  return saved;
}

/**
 * Removes a business's uploaded logo, and its `logo_url` when that still points at the upload (`uploadedUrl`
 * tells which URLs do). False when the business is not the organization's.
 */
export function deleteUploadedLogo(
  db: Db,
  clock: Clock,
  organizationId: string,
  businessId: string,
  isUploadedUrl: (url: string) => boolean,
): boolean {
  const done = db.transaction(() => {
    const row = sql(
      db,
      'SELECT logo_url FROM businesses WHERE id = ? AND organization_id = ? AND archived_at IS NULL',
    ).get(businessId, organizationId) as { logo_url: string | null } | undefined;
    if (!row) return false;
    sql(db, 'DELETE FROM business_logos WHERE business_id = ?').run(businessId);
    if (row.logo_url && isUploadedUrl(row.logo_url)) {
      sql(db, 'UPDATE businesses SET logo_url = NULL, updated_at = ? WHERE id = ?').run(
        isoNow(clock),
        businessId,
      );
    }
    return true;
  })();
  if (done) notifyBusinessChanged(db, businessId);
  return done;
}

/** The uploaded logo of a business the public may see (not archived), for `/assets/logo/{id}.{ext}`. */
export function getPublicLogo(db: Db, businessId: string): StoredLogo | undefined {
  return sql(
    db,
    `SELECT l.content_type AS type, l.ext, l.body, l.version FROM business_logos l
     JOIN businesses b ON b.id = l.business_id
     WHERE l.business_id = ? AND b.archived_at IS NULL`,
  ).get(businessId) as StoredLogo | undefined;
}
