import type { BusinessFields, GatingMode, RatingScale } from '../domain/business-settings';
import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type PlatformSettings, type ReviewLink, reviewLinks } from '../domain/links';
import { cachedPublicBusiness } from './business-cache';
import { notifyBusinessChanged } from './changes';
import { type Db, pageSql, sql } from './db';

export type { GatingMode, RatingScale } from '../domain/business-settings';

export type Business = {
  id: string;
  organizationId: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  website: string | null;
  /** ISO 3166-1 alpha-2; the region national phone numbers are read in. */
  country: string | null;
  timezone: string;
  locale: string;
  brandColor: string | null;
  logoUrl: string | null;
  gating: {
    mode: GatingMode;
    threshold: number;
    scale: RatingScale;
    policyRiskAcknowledgedAt: string | null;
  };
  testimonials: { autoPublishMinRating: number | null };
  platforms: PlatformSettings;
  reviewLinks: ReviewLink[];
  sendWindow: { start: string; end: string };
  dedupDays: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

type BusinessRow = {
  id: string;
  organization_id: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  website: string | null;
  country: string | null;
  timezone: string;
  locale: string;
  brand_color: string | null;
  logo_url: string | null;
  gating_mode: GatingMode;
  gating_threshold: number;
  gating_scale: RatingScale;
  policy_risk_acknowledged_at: string | null;
  testimonial_auto_publish_min: number | null;
  platforms: string;
  send_window_start: string;
  send_window_end: string;
  dedup_days: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

function toBusiness(row: BusinessRow): Business {
  const platforms = JSON.parse(row.platforms) as PlatformSettings;
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    slug: row.slug,
    address: row.address,
    phone: row.phone,
    website: row.website,
    country: row.country,
    timezone: row.timezone,
    locale: row.locale,
    brandColor: row.brand_color,
    logoUrl: row.logo_url,
    gating: {
      mode: row.gating_mode,
      threshold: row.gating_threshold,
      scale: row.gating_scale,
      policyRiskAcknowledgedAt: row.policy_risk_acknowledged_at,
    },
    testimonials: { autoPublishMinRating: row.testimonial_auto_publish_min },
    platforms,
    reviewLinks: reviewLinks(platforms),
    sendWindow: { start: row.send_window_start, end: row.send_window_end },
    dedupDays: row.dedup_days,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Business fields as the store writes them (already validated and normalized by the caller). */
export type { BusinessFields } from '../domain/business-settings';

const columns = (f: BusinessFields) => [
  f.name,
  f.slug,
  f.address,
  f.phone,
  f.website,
  f.timezone,
  f.locale,
  f.brandColor,
  f.logoUrl,
  f.gatingMode,
  f.gatingThreshold,
  f.gatingScale,
  f.policyRiskAcknowledgedAt,
  f.testimonialAutoPublishMin,
  JSON.stringify(f.platforms),
  f.sendWindowStart,
  f.sendWindowEnd,
  f.dedupDays,
  f.country ?? null,
];

export function insertBusiness(
  db: Db,
  clock: Clock,
  organizationId: string,
  fields: BusinessFields,
): Business {
  const id = newId('biz');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO businesses (name, slug, address, phone, website, timezone, locale, brand_color, logo_url,
       gating_mode, gating_threshold, gating_scale, policy_risk_acknowledged_at, testimonial_auto_publish_min,
       platforms, send_window_start, send_window_end, dedup_days, country, id, organization_id, created_at,
       updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...columns(fields), id, organizationId, now, now);
  return getBusiness(db, organizationId, id)!;
}

export function updateBusiness(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  fields: BusinessFields,
): Business {
  sql(
    db,
    `UPDATE businesses SET name = ?, slug = ?, address = ?, phone = ?, website = ?, timezone = ?, locale = ?,
       brand_color = ?, logo_url = ?, gating_mode = ?, gating_threshold = ?, gating_scale = ?,
       policy_risk_acknowledged_at = ?, testimonial_auto_publish_min = ?, platforms = ?, send_window_start = ?,
       send_window_end = ?, dedup_days = ?, country = ?, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(...columns(fields), isoNow(clock), id, organizationId);
  notifyBusinessChanged(db, id);
  return getBusiness(db, organizationId, id)!;
}

/** The current fields of a business, the base an update is merged onto. */
export function businessFields(b: Business): BusinessFields {
  return {
    name: b.name,
    slug: b.slug,
    address: b.address,
    phone: b.phone,
    website: b.website,
    country: b.country,
    timezone: b.timezone,
    locale: b.locale,
    brandColor: b.brandColor,
    logoUrl: b.logoUrl,
    gatingMode: b.gating.mode,
    gatingThreshold: b.gating.threshold,
    gatingScale: b.gating.scale,
    policyRiskAcknowledgedAt: b.gating.policyRiskAcknowledgedAt,
    testimonialAutoPublishMin: b.testimonials.autoPublishMinRating,
    platforms: b.platforms,
    sendWindowStart: b.sendWindow.start,
    sendWindowEnd: b.sendWindow.end,
    dedupDays: b.dedupDays,
  };
}

/** A business of the caller's organization (archived ones included: they are still the caller's). */
export function getBusiness(db: Db, organizationId: string, id: string): Business | undefined {
  const row = sql(db, 'SELECT * FROM businesses WHERE id = ? AND organization_id = ?').get(
    id,
    organizationId,
  ) as BusinessRow | undefined;
  return row && toBusiness(row);
}

/**
 * The organization's first business (its oldest, archived ones included), or undefined when it has none.
 * Two businesses made in the same millisecond are told apart by rowid (insertion order), not by their random ids.
 */
export function firstBusinessOf(db: Db, organizationId: string): Business | undefined {
  const row = sql(
    db,
    'SELECT * FROM businesses WHERE organization_id = ? ORDER BY created_at, rowid LIMIT 1',
  ).get(organizationId) as BusinessRow | undefined;
  return row && toBusiness(row);
}

/** The organization's oldest business that is not archived, or undefined when it has none. */
export function firstActiveBusinessOf(db: Db, organizationId: string): Business | undefined {
  const row = sql(
    db,
    'SELECT * FROM businesses WHERE organization_id = ? AND archived_at IS NULL ORDER BY created_at, rowid LIMIT 1',
  ).get(organizationId) as BusinessRow | undefined;
  return row && toBusiness(row);
}

/** Whether `id` is a business of the organization: the cheap check a list filter needs (no row mapping). */
export function businessBelongsTo(db: Db, organizationId: string, id: string): boolean {
  return !!sql(db, 'SELECT 1 FROM businesses WHERE id = ? AND organization_id = ?').get(id, organizationId);
}

/** For public surfaces (landing pages, widget, logos): an active business by id, whatever its organization. */
export function getPublicBusiness(db: Db, id: string): Business | undefined {
  return activeBusinessBy(db, 'id', id);
}

/** For `/b/:slug`: an active business by its slug. */
export function getBusinessBySlug(db: Db, slug: string): Business | undefined {
  return activeBusinessBy(db, 'slug', slug);
}

const ACTIVE_BUSINESS_BY = {
  id: 'SELECT * FROM businesses WHERE id = ? AND archived_at IS NULL',
  slug: 'SELECT * FROM businesses WHERE slug = ? AND archived_at IS NULL',
} as const;

/** The public lookups, answered from the in-memory cache when it holds the business. */
function activeBusinessBy(db: Db, column: 'id' | 'slug', value: string): Business | undefined {
  return cachedPublicBusiness(db, `${column} ${value}`, () => {
    const row = sql(db, ACTIVE_BUSINESS_BY[column]).get(value) as BusinessRow | undefined;
    return row && toBusiness(row);
  });
}

export function isSlugTaken(db: Db, slug: string, exceptId?: string): boolean {
  return !!sql(db, 'SELECT 1 FROM businesses WHERE slug = ? AND id IS NOT ?').get(slug, exceptId ?? null);
}

export function listBusinesses(
  db: Db,
  organizationId: string,
  filter: { archived: boolean; q?: string },
  page: { limit: number; offset: number },
): { items: Business[]; total: number } {
  const where = `organization_id = ? AND (archived_at IS NOT NULL) = ? AND (? IS NULL OR name LIKE '%' || ? || '%')`;
  const args = [organizationId, filter.archived ? 1 : 0, filter.q ?? null, filter.q ?? null];
  const rows = sql(
    db,
    `SELECT * FROM businesses WHERE ${where} ORDER BY created_at, rowid ${pageSql(page.limit)}`,
  ).all(...args, page.offset) as BusinessRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM businesses WHERE ${where}`).get(...args) as {
    total: number;
  };
  return { items: rows.map(toBusiness), total };
}

export function archiveBusiness(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
): Business | undefined {
  const now = isoNow(clock);
  sql(
    db,
    'UPDATE businesses SET archived_at = coalesce(archived_at, ?), updated_at = ? WHERE id = ? AND organization_id = ?',
  ).run(now, now, id, organizationId);
  notifyBusinessChanged(db, id);
  return getBusiness(db, organizationId, id);
}

export type BusinessStats = {
  averageRating: number | null;
  totalReviews: number;
  reviewBreakdown: Record<'1' | '2' | '3' | '4' | '5', number>;
  sentimentBreakdown: Record<'positive' | 'neutral' | 'negative', number>;
  platformBreakdown: Record<string, number>;
};

/** Rating, sentiment and source counts over the business's reviews that are not hidden. */
export function businessStats(db: Db, organizationId: string, businessId: string): BusinessStats {
  const rows = sql(
    db,
    `SELECT rating, sentiment, source, count(*) AS n FROM reviews
     WHERE organization_id = ? AND business_id = ? AND hidden = 0 GROUP BY rating, sentiment, source`,
  ).all(organizationId, businessId) as Array<{
    rating: number;
    sentiment: string;
    source: string;
    n: number;
  }>;
  const stats: BusinessStats = {
    averageRating: null,
    totalReviews: 0,
    reviewBreakdown: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    sentimentBreakdown: { positive: 0, neutral: 0, negative: 0 },
    platformBreakdown: {},
  };
  let sum = 0;
  for (const row of rows) {
    stats.totalReviews += row.n;
    sum += row.rating * row.n;
    stats.reviewBreakdown[String(row.rating) as '1'] += row.n;
    stats.sentimentBreakdown[row.sentiment as 'positive'] += row.n;
    stats.platformBreakdown[row.source] = (stats.platformBreakdown[row.source] ?? 0) + row.n;
  }
  if (stats.totalReviews) stats.averageRating = Math.round((sum / stats.totalReviews) * 100) / 100;
  return stats;
}
