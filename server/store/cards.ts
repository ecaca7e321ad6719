import { type Clock, isoNow } from '../domain/clock';
import { newId, newPublicCode } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type Card = {
  id: string;
  organizationId: string;
  businessId: string;
  code: string;
  label: string | null;
  staffMember: string | null;
  active: boolean;
  taps: number;
  lastTapAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CardStats = { ratings: number; averageRating: number | null; completions: number };

type CardRow = {
  id: string;
  organization_id: string;
  business_id: string;
  code: string;
  label: string | null;
  staff_member: string | null;
  active: number;
  taps: number;
  last_tap_at: string | null;
  created_at: string;
  updated_at: string;
};

const toCard = (row: CardRow): Card => ({
  id: row.id,
  organizationId: row.organization_id,
  businessId: row.business_id,
  code: row.code,
  label: row.label,
  staffMember: row.staff_member,
  active: row.active === 1,
  taps: row.taps,
  lastTapAt: row.last_tap_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export type NewCards = {
  businessId: string;
  count: number;
  label?: string | null;
  labelPrefix?: string | null;
  staffMember?: string | null;
};

/** Creates `count` cards in one transaction; a batch with a prefix is labelled "Prefix 1" … "Prefix n". */
export function createCards(db: Db, clock: Clock, organizationId: string, input: NewCards): Card[] {
  const now = isoNow(clock);
  const insert = sql(
    db,
    `INSERT INTO cards (id, organization_id, business_id, code, label, staff_member, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 1; i <= input.count; i++) {
      const id = newId('card');
      const label = input.labelPrefix ? `${input.labelPrefix} ${i}` : (input.label ?? null);
      insert.run(
        id,
        organizationId,
        input.businessId,
        newPublicCode(),
        label,
        input.staffMember ?? null,
        now,
        now,
      );
      ids.push(id);
    }
  })();
  return ids.map((id) => getCard(db, organizationId, id)!);
}

export function getCard(db: Db, organizationId: string, id: string): Card | undefined {
  const row = sql(db, 'SELECT * FROM cards WHERE id = ? AND organization_id = ?').get(id, organizationId) as
    | CardRow
    | undefined;
  return row && toCard(row);
}

/** Several cards of one organization, in the order asked; ids of other organizations are skipped. */
export function getCards(db: Db, organizationId: string, ids: string[]): Card[] {
  return ids.map((id) => getCard(db, organizationId, id)).filter((card): card is Card => !!card);
}

/** For `/t/:code`: the card whatever its organization (the code is the capability). */
export function findCardByCode(db: Db, code: string): Card | undefined {
  const row = sql(db, 'SELECT * FROM cards WHERE code = ?').get(code) as CardRow | undefined;
  return row && toCard(row);
}

export type CardFilter = { businessId?: string; active?: boolean; staffMember?: string };

/** A page of cards in the order they were made (a batch keeps its numbering: Table 1, Table 2 …). */
export function listCards(
  db: Db,
  organizationId: string,
  filter: CardFilter,
  page: { limit: number; offset: number },
): { items: Card[]; total: number } {
  const where = `organization_id = ? AND (? IS NULL OR business_id = ?) AND (? IS NULL OR active = ?)
    AND (? IS NULL OR staff_member = ?)`;
  const active = filter.active === undefined ? null : filter.active ? 1 : 0;
  const args = [
    organizationId,
    filter.businessId ?? null,
    filter.businessId ?? null,
    active,
    active,
    filter.staffMember ?? null,
    filter.staffMember ?? null,
  ];
  const rows = sql(
    db,
    `SELECT * FROM cards WHERE ${where} ORDER BY created_at, rowid ${pageSql(page.limit)}`,
  ).all(...args, page.offset) as CardRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM cards WHERE ${where}`).get(...args) as {
    total: number;
  };
  return { items: rows.map(toCard), total };
}

export type CardPatch = {
  label?: string | null;
  staffMember?: string | null;
  businessId?: string;
  active?: boolean;
};

export function updateCard(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  patch: CardPatch,
): Card | undefined {
  const current = getCard(db, organizationId, id);
  if (!current) return undefined;
  sql(
    db,
    `UPDATE cards SET label = ?, staff_member = ?, business_id = ?, active = ?, updated_at = ?
     WHERE id = ? AND organization_id = ?`,
  ).run(
    patch.label !== undefined ? patch.label : current.label,
    patch.staffMember !== undefined ? patch.staffMember : current.staffMember,
    patch.businessId ?? current.businessId,
    (patch.active ?? current.active) ? 1 : 0,
    isoNow(clock),
    id,
    organizationId,
  );
  return getCard(db, organizationId, id);
}

/** One more tap (the caller has already decided it is a person, not a preview robot or a reload). */
export function recordCardTap(db: Db, clock: Clock, id: string): void {
  const now = isoNow(clock);
  sql(db, 'UPDATE cards SET taps = taps + 1, last_tap_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

/**
 * Ratings and completions (a platform click or feedback) that came through the card: the raw events of
 * recent visits plus the daily figures that older visits were rolled up into (never both for one visit).
 */
export function cardStats(db: Db, organizationId: string, id: string): CardStats {
  const raw = sql(
    db,
    `SELECT count(*) FILTER (WHERE type = 'rated') AS n, coalesce(sum(rating) FILTER (WHERE type = 'rated'), 0) AS rating_sum,
       count(DISTINCT visit_id) FILTER (WHERE type IN ('platform_clicked', 'feedback_submitted')) AS done
     FROM events WHERE organization_id = ? AND card_id = ?`,
  ).get(organizationId, id) as { n: number; rating_sum: number; done: number };
  const rolled = sql(
    db,
    `SELECT coalesce(sum(rated), 0) AS n, coalesce(sum(rating_sum), 0) AS rating_sum, coalesce(sum(completed), 0) AS done
     FROM visit_daily WHERE card_id = ? AND +organization_id = ?`,
  ).get(id, organizationId) as { n: number; rating_sum: number; done: number };
  const ratings = raw.n + rolled.n;
  const average = ratings ? (raw.rating_sum + rolled.rating_sum) / ratings : null;
  return {
    ratings,
    averageRating: average === null ? null : Math.round(average * 100) / 100,
    completions: raw.done + rolled.done,
  };
}
