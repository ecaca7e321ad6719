import { type Db, sql } from './db';

export type OrganizationOverview = {
  id: string;
  name: string;
  businesses: Array<{ id: string; name: string }>;
  reviewsThisMonth: number;
  averageRating: number | null;
  openFeedback: number;
};

// One statement per figure, each grouped by organization: the page costs five queries whether the
// instance holds two organizations or two hundred.
const ORGANIZATIONS = 'SELECT id, name FROM organizations ORDER BY name COLLATE NOCASE, id';
const BUSINESSES = 'SELECT id, organization_id, name FROM businesses ORDER BY name COLLATE NOCASE, id';
const MONTH_COUNTS = `SELECT organization_id, count(*) AS n FROM reviews
  WHERE hidden = 0 AND published_at >= :from AND published_at < :before GROUP BY organization_id`;
const AVERAGES = `SELECT organization_id, avg(rating) AS average FROM reviews WHERE hidden = 0
  GROUP BY organization_id`;
const OPEN_FEEDBACK = `SELECT organization_id, count(*) AS n FROM feedback WHERE status = 'new'
  GROUP BY organization_id`;

type Grouped = { organization_id: string; n?: number; average?: number };
const byOrganization = (rows: Grouped[]) => new Map(rows.map((r) => [r.organization_id, r]));

/** Every organization with its businesses, reviews published in `[from, before)`, average rating and new feedback. */
export function organizationsOverview(
  db: Db,
  month: { from: string; before: string },
): OrganizationOverview[] {
  const organizations = sql(db, ORGANIZATIONS).all() as Array<{ id: string; name: string }>;
  const businesses = new Map<string, Array<{ id: string; name: string }>>();
  for (const b of sql(db, BUSINESSES).all() as Array<{ id: string; organization_id: string; name: string }>) {
    const list = businesses.get(b.organization_id) ?? [];
    list.push({ id: b.id, name: b.name });
    businesses.set(b.organization_id, list);
  }
  const counts = byOrganization(sql(db, MONTH_COUNTS).all(month) as Grouped[]);
  const averages = byOrganization(sql(db, AVERAGES).all() as Grouped[]);
  const feedback = byOrganization(sql(db, OPEN_FEEDBACK).all() as Grouped[]);
  return organizations.map((o) => {
    const average = averages.get(o.id)?.average;
    return {
      id: o.id,
      name: o.name,
      businesses: businesses.get(o.id) ?? [],
      reviewsThisMonth: counts.get(o.id)?.n ?? 0,
      averageRating: average === undefined ? null : Math.round(average * 100) / 100,
      openFeedback: feedback.get(o.id)?.n ?? 0,
    };
  });
}
