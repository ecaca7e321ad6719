import { type Db, sql } from './db';

export type CardTotal = {
  cardId: string;
  label: string | null;
  staffMember: string | null;
  active: boolean;
  taps: number;
  ratings: number;
  completions: number;
};

export type StaffTotal = {
  staffMember: string | null;
  cards: number;
  taps: number;
  ratings: number;
  completions: number;
};

// Lifetime figures: taps from the card's own counter; ratings and completions from the raw events of
// recent visits plus the daily rows retention rolled older visits into (a visit is in one or the other).
const TOTALS = `SELECT c.id, c.label, c.staff_member, c.active, c.taps,
    (SELECT count(*) FROM events e WHERE e.card_id = c.id AND e.organization_id = c.organization_id AND e.type = 'rated')
      + (SELECT coalesce(sum(rated), 0) FROM visit_daily v WHERE v.card_id = c.id AND +v.organization_id = c.organization_id)
      AS ratings,
    (SELECT count(DISTINCT visit_id) FROM events e WHERE e.card_id = c.id AND e.organization_id = c.organization_id
        AND e.type IN ('platform_clicked', 'feedback_submitted'))
      + (SELECT coalesce(sum(completed), 0) FROM visit_daily v WHERE v.card_id = c.id AND +v.organization_id = c.organization_id)
      AS completions
  FROM cards c WHERE c.organization_id = ? AND (? IS NULL OR c.business_id = ?)
  ORDER BY c.created_at, c.rowid`;

type TotalRow = {
  id: string;
  label: string | null;
  staff_member: string | null;
  active: number;
  taps: number;
  ratings: number;
  completions: number;
};

/** Every card of an organization (or one business) with its lifetime taps, ratings and completions. */
export function cardTotals(db: Db, organizationId: string, businessId?: string): CardTotal[] {
  const rows = sql(db, TOTALS).all(organizationId, businessId ?? null, businessId ?? null) as TotalRow[];
  return rows.map((row) => ({
    cardId: row.id,
    label: row.label,
    staffMember: row.staff_member,
    active: row.active === 1,
    taps: row.taps,
    ratings: row.ratings,
    completions: row.completions,
  }));
}

/**
 * The same figures summed per staff member a card is assigned to now (a reassigned card brings its history
 * with it); cards without one are the `null` group. Most taps first.
 */
export function staffTotals(db: Db, organizationId: string, businessId?: string): StaffTotal[] {
  const groups = new Map<string | null, StaffTotal>();
  for (const card of cardTotals(db, organizationId, businessId)) {
    const group = groups.get(card.staffMember) ?? {
      staffMember: card.staffMember,
      cards: 0,
      taps: 0,
      ratings: 0,
      completions: 0,
    };
    group.cards += 1;
    group.taps += card.taps;
    group.ratings += card.ratings;
    group.completions += card.completions;
    groups.set(card.staffMember, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.taps - a.taps || (a.staffMember ?? '\uffff').localeCompare(b.staffMember ?? '\uffff'),
  );
}
